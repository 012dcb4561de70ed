package com.example;

import dev.flaskj.Extension;
import dev.flaskj.Flask;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The examples' fallback for a missing {@code SECRET_KEY}: sessions need one, and production sets it
 * ({@code FLASK_SECRET_KEY} in the environment, or a {@code SECRET_KEY} context-param). Without one the app uses a
 * random key, so sessions work until the next redeploy, and the log says so once. The container applies
 * configuration after the app's constructor, hence the check at the first request.
 */
public final class DevelopmentSecretKey implements Extension {
    /** Generated once per class loader, so sessions work within one deployment when no key is configured. */
    private static final String GENERATED = randomKey();

    private volatile boolean checked;

    @Override
    public void initApp(Flask app) {
        app.beforeRequest(() -> {
            if (!checked) {
                synchronized (this) {
                    if (app.config().get("SECRET_KEY") == null) {
                        app.config().put("SECRET_KEY", GENERATED);
                        app.logger().warning("No SECRET_KEY configured: using a random key, so sessions end when the"
                                + " app is redeployed. Set FLASK_SECRET_KEY (or a SECRET_KEY context-param) in"
                                + " production.");
                    }
                    checked = true;
                }
            }
            return null;
        });
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return HexFormat.of().formatHex(key);
    }
}
