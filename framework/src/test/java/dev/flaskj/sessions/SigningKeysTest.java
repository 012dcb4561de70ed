package dev.flaskj.sessions;

import static dev.flaskj.Flask.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.Flask;
import dev.flaskj.signing.TimedSerializer;
import dev.flaskj.testing.TestClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which config values sign and verify sessions: only non-empty strings and byte arrays. Each forged cookie here
 * is made with the production serializer, so it is exactly what an attacker can make.
 */
class SigningKeysTest {
    private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);
    private static final String ADMIN = "{\"user\":\"admin\"}";

    private static Flask app(Object secretKey, Object fallbacks) {
        Flask app = new Flask("keys");
        app.config().put("SECRET_KEY", secretKey);
        app.config().put("SECRET_KEY_FALLBACKS", fallbacks);
        app.config().put("TESTING", true); // exceptions reach the test instead of being logged as a 500
        app.setSessionInterface(new SecureCookieSessionInterface(Clock.fixed(NOW, ZoneOffset.UTC), text -> text));
        app.addUrlRule("/user", "user", args -> String.valueOf(session().get("user")));
        app.addUrlRule("/set", "set", args -> {
            session().put("user", "bob");
            return "ok";
        });
        return app;
    }

    /** A cookie for {"user": "admin"} signed with {@code key}, as anyone holding that key can make it. */
    private static String forged(byte[] key) {
        return new TimedSerializer(List.of(key), SecureCookieSessionInterface.SALT).dumps(ADMIN, NOW.getEpochSecond());
    }

    private static String userWithCookie(Flask app, String cookie) {
        TestClient client = app.testClient();
        client.setCookie("session", cookie);
        return client.get("/user").text();
    }

    static Stream<Arguments> emptyFallbacks() {
        byte[] empty = new byte[0];
        return Stream.of(
                Arguments.of("empty string (FLASK_SECRET_KEY_FALLBACKS= or an empty context-param)", ""),
                Arguments.of("empty bytes", empty),
                Arguments.of("list with an empty string", List.of("")),
                Arguments.of("list with an empty string before a real key", List.of("", "old")),
                Arguments.of("list with empty bytes", List.of(empty)),
                Arguments.of("array with an empty string", new Object[] {"", null}),
                Arguments.of("list with null", Arrays.asList((Object) null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("emptyFallbacks")
    void anEmptyFallbackIsNoFallback(String what, Object fallbacks) {
        assertEquals("null", userWithCookie(app("current", fallbacks), forged(new byte[0])));
    }

    @Test
    void realFallbacksStillVerifyNextToEmptyOnes() {
        Flask app = app("current", List.of("", "old"));
        assertEquals("admin", userWithCookie(app, forged("old".getBytes(StandardCharsets.UTF_8))));
        assertEquals("admin", userWithCookie(app, forged("current".getBytes(StandardCharsets.UTF_8))));
        // One string is one key (Python would make one key per character).
        Flask single = app("current", "old");
        assertEquals("admin", userWithCookie(single, forged("old".getBytes(StandardCharsets.UTF_8))));
        assertEquals("null", userWithCookie(single, forged("o".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void emptySecretKeyBytesMeanNoSecretKey() {
        // Flask: any falsy SECRET_KEY (b"" too) gives a NullSession.
        Flask app = app(new byte[0], null);
        assertEquals("null", userWithCookie(app, forged(new byte[0])));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> app.testClient().get("/set"));
        assertTrue(e.getMessage().startsWith("The session is unavailable because no secret key was set."),
                e.getMessage());
        Flask text = app("", List.of(""));
        assertEquals("null", userWithCookie(text, forged(new byte[0])));
        assertThrows(IllegalStateException.class, () -> text.testClient().get("/set"));
    }

    @Test
    void aKeyOfAnotherTypeIsAConfigurationErrorNotAKey() {
        // FLASK_SECRET_KEY=false is JSON false; before, it signed with the key "false".
        Flask app = app(false, null);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> userWithCookie(app, forged("false".getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().startsWith("config SECRET_KEY must be a non-empty String or byte[], not"
                + " java.lang.Boolean."), e.getMessage());
        Flask number = app("current", List.of("old", 123));
        e = assertThrows(IllegalStateException.class,
                () -> userWithCookie(number, forged("123".getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().startsWith("config SECRET_KEY_FALLBACKS[1] must be a non-empty String or byte[],"
                + " not java.lang.Integer."), e.getMessage());
        assertTrue(e.getMessage().contains("FLASK_SECRET_KEY_FALLBACKS"), e.getMessage());
        assertFalse(e.getMessage().contains("123"), "the message never shows a key: " + e.getMessage());
        e = assertThrows(IllegalStateException.class, () -> SigningKeys.fromConfig(
                Map.of("SECRET_KEY", "k", "SECRET_KEY_FALLBACKS", Map.of("a", "b"))));
        assertTrue(e.getMessage().startsWith("config SECRET_KEY_FALLBACKS must be a non-empty String or byte[] or a"
                + " list of them"), e.getMessage());
    }

    @Test
    void aFallbackRemovedFromTheListInPlaceStopsVerifying() {
        List<Object> fallbacks = new ArrayList<>(List.of("old"));
        Flask app = app("current", fallbacks);
        String cookie = forged("old".getBytes(StandardCharsets.UTF_8));
        assertEquals("admin", userWithCookie(app, cookie));
        fallbacks.clear(); // the key is revoked
        assertEquals("null", userWithCookie(app, cookie));
        byte[] secret = "current".getBytes(StandardCharsets.UTF_8);
        Flask bytes = app(secret, null);
        String signedWithCurrent = forged(secret.clone());
        assertEquals("admin", userWithCookie(bytes, signedWithCurrent));
        secret[0] = 'C'; // the key array changed in place is a new key
        assertEquals("null", userWithCookie(bytes, signedWithCurrent));
    }
}
