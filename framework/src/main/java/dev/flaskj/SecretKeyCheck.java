package dev.flaskj;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * The start-up check that keeps a deployment from signing sessions with a key everyone knows.
 *
 * <p>Tutorials, generated projects and copied snippets ship keys such as {@code "dev"}; a WAR that reaches a server
 * without {@code FLASK_SECRET_KEY} would otherwise sign every session cookie with that public value, and anyone
 * could forge a login. With debug off such a key stops the deployment, unless config
 * {@value #OPT_OUT} is true; with debug on it is a one-line warning. No key at all is not checked here: sessions
 * then fail with their own clear message on first write.
 */
final class SecretKeyCheck {
    /** The config key that lets a placeholder key through with debug off (for throw-away demos only). */
    static final String OPT_OUT = "ALLOW_PLACEHOLDER_SECRET_KEY";

    /**
     * Values that are known to the world, compared after trimming and lower-casing. Includes what the project
     * archetype wrote before it generated keys ({@code dev}) and the marker a generated project keeps when its
     * key was never filled in.
     */
    private static final Set<String> PLACEHOLDERS = Set.of("dev", "development", "development key", "change-me",
            "changeme", "change_me", "change me", "change-this", "changethis", "secret", "secret-key", "secret_key",
            "secretkey", "your-secret-key", "your_secret_key", "mysecret", "my-secret", "password", "key", "test",
            "none", "null", "__secret_key__");

    private SecretKeyCheck() {}

    /**
     * Whether {@code key} (a config value: string or bytes) is a placeholder. Null and the empty string or bytes
     * mean "no key", as in Flask, and are not; a key of only whitespace is.
     */
    static boolean isPlaceholder(Object key) {
        if (key == null) {
            return false;
        }
        String text = key instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : key.toString();
        if (text.isEmpty()) {
            return false;
        }
        return text.isBlank() || PLACEHOLDERS.contains(text.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * Applies the rule to a configured app.
     *
     * @throws IllegalStateException with debug off, a placeholder key and no opt-out
     */
    static void check(Flask app) {
        if (!isPlaceholder(app.config().get("SECRET_KEY"))) {
            return;
        }
        if (app.debug()) {
            app.logger().warning("flaskj: SECRET_KEY is a well-known placeholder; fine for debugging on your machine,"
                    + " never in production (set FLASK_SECRET_KEY).");
            return;
        }
        if (app.config().getBoolean(OPT_OUT, false)) {
            app.logger().warning("flaskj: SECRET_KEY is a well-known placeholder and " + OPT_OUT
                    + "=true lets it through: anyone can forge this app's session cookies.");
            return;
        }
        throw new IllegalStateException("flaskj: refusing to start '" + app.name() + "': config SECRET_KEY is a"
                + " well-known placeholder, so anyone could forge its session cookies. Set a real key, e.g. the"
                + " environment variable FLASK_SECRET_KEY (a context-param SECRET_KEY works too); the `secret`"
                + " command (mvn -q exec:java -Dexec.args=secret) prints a random one. For a throw-away demo only,"
                + " config " + OPT_OUT + "=true starts anyway.");
    }
}
