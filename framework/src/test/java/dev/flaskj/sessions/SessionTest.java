package dev.flaskj.sessions;

import static dev.flaskj.Flask.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.Flask;
import dev.flaskj.testing.TestClient;
import dev.flaskj.testing.TestResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The signed-cookie session through the whole pipeline: cookie bytes, Set-Cookie and Vary rules. */
class SessionTest {
    private static final Instant T0 = Instant.ofEpochSecond(1_700_000_000L);

    /** An app whose session clock is pinned, so cookies are the §8.3 vectors. */
    private static Flask app(Clock clock) {
        Flask app = new Flask("sessions");
        app.config().put("SECRET_KEY", "dev");
        app.setSessionInterface(new SecureCookieSessionInterface(clock, text -> (dev.flaskj.internal.HtmlSafe) () -> text));
        app.addUrlRule("/set", "set", args -> {
            session().put("username", "alice");
            return "ok";
        });
        app.addUrlRule("/get", "get", args -> String.valueOf(session().get("username")));
        app.addUrlRule("/perm", "perm", args -> {
            session().setPermanent(true);
            session().put("a", 1);
            return "ok";
        });
        app.addUrlRule("/clear", "clear", args -> {
            session().clear();
            return "ok";
        });
        app.addUrlRule("/len", "len", args -> String.valueOf(session().size()));
        app.addUrlRule("/untouched", "untouched", args -> "ok");
        app.addUrlRule("/mutate", "mutate", args -> {
            @SuppressWarnings("unchecked")
            List<Object> cart = (List<Object>) session().get("cart");
            cart.add(4);
            return "ok";
        });
        return app;
    }

    private static Clock fixed(Instant t) {
        return Clock.fixed(t, ZoneOffset.UTC);
    }

    private static String cookieValue(TestResponse r) {
        String header = r.headers().get("Set-Cookie");
        return header.substring(header.indexOf('=') + 1, header.indexOf(';'));
    }

    @Test
    void writtenCookieIsFlasksVectorOne() {
        // Flask 3.1.3 session cookie, SECRET_KEY=dev at timestamp 1700000000
        TestResponse r = app(fixed(T0)).testClient().get("/set");
        assertEquals("session=eyJ1c2VybmFtZSI6ImFsaWNlIn0.ZVPxAA.SgQvo235z98CwxmEa4WqerYiP6k; HttpOnly; Path=/",
                r.headers().get("Set-Cookie"));
        assertEquals("Cookie", r.headers().get("Vary"));
    }

    @Test
    void cookieFromFlaskIsRead() {
        TestClient client = app(fixed(T0.plusSeconds(60))).testClient();
        client.setCookie("session", "eyJ1c2VybmFtZSI6ImFsaWNlIn0.ZVPxAA.SgQvo235z98CwxmEa4WqerYiP6k");
        TestResponse r = client.get("/get");
        assertEquals("alice", r.text());
        assertNull(r.headers().get("Set-Cookie", null), "a read does not re-send a non-permanent session");
        assertEquals("Cookie", r.headers().get("Vary"));
    }

    @Test
    void tamperedExpiredFutureAndGarbageCookiesAreEmptySessions() {
        String good = "eyJ1c2VybmFtZSI6ImFsaWNlIn0.ZVPxAA.SgQvo235z98CwxmEa4WqerYiP6k";
        Map<String, Instant> cases = Map.of(
                good.replace("alice", "mallory").replace("ImFsaWNlIn0", "Im1hbGxvcnkifQ"), T0,
                good, T0.plus(Duration.ofDays(31)).plusSeconds(1),
                good + "x", T0,
                "garbage", T0,
                "...", T0,
                good.substring(0, 20), T0);
        cases.forEach((cookie, now) -> {
            TestClient client = app(fixed(now)).testClient();
            client.setCookie("session", cookie);
            TestResponse r = client.get("/get");
            assertEquals(200, r.status(), cookie);
            assertEquals("null", r.text(), cookie);
        });
        TestClient future = app(fixed(T0.minusSeconds(10))).testClient();
        future.setCookie("session", good);
        assertEquals("null", future.get("/get").text(), "a timestamp in the future is rejected");
    }

    @Test
    void wrongKeyIsEmptyButFallbackKeyIsAcceptedAndResignedWithTheNewKey() {
        Flask app = app(fixed(T0.plusSeconds(5)));
        app.config().put("SECRET_KEY", "new-key");
        TestClient client = app.testClient();
        client.setCookie("session", "eyJ1c2VybmFtZSI6ImFsaWNlIn0.ZVPxAA.SgQvo235z98CwxmEa4WqerYiP6k");
        assertEquals("null", client.get("/get").text());

        app.config().put("SECRET_KEY_FALLBACKS", List.of("dev"));
        client.setCookie("session", "eyJ1c2VybmFtZSI6ImFsaWNlIn0.ZVPxAA.SgQvo235z98CwxmEa4WqerYiP6k");
        assertEquals("alice", client.get("/get").text());
        client.get("/set");
        app.config().put("SECRET_KEY_FALLBACKS", null);
        assertEquals("alice", client.get("/get").text(), "the modified session was re-signed with SECRET_KEY");
    }

    @Test
    void permanentSessionHasExpiresAndIsRefreshedOnEveryRequestThatOpensIt() {
        AtomicReference<Instant> now = new AtomicReference<>(T0);
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        TestClient client = app(clock).testClient();
        TestResponse perm = client.get("/perm");
        // cookie value from itsdangerous 2.2 at timestamp 1700000000; Expires = now + 31 days, no Max-Age
        assertEquals("session=eyJfcGVybWFuZW50Ijp0cnVlLCJhIjoxfQ.ZVPxAA.K_y0FJ_zgdHHYN6psCajj81CRm4;"
                + " Expires=Fri, 15 Dec 2023 22:13:20 GMT; HttpOnly; Path=/", perm.headers().get("Set-Cookie"));
        now.set(T0.plusSeconds(100));
        // the jar judges Expires by the real clock, so hand the 2023 cookies back without an expiry
        client.setCookie("session", "eyJfcGVybWFuZW50Ijp0cnVlLCJhIjoxfQ.ZVPxAA.K_y0FJ_zgdHHYN6psCajj81CRm4");
        TestResponse read = client.get("/get");
        assertEquals("session=eyJfcGVybWFuZW50Ijp0cnVlLCJhIjoxfQ.ZVPxZA.pXItMBV4gL2XQfocCXqmoPn209c;"
                + " Expires=Fri, 15 Dec 2023 22:15:00 GMT; HttpOnly; Path=/", read.headers().get("Set-Cookie"));
        now.set(T0.plusSeconds(200));
        client.setCookie("session", "eyJfcGVybWFuZW50Ijp0cnVlLCJhIjoxfQ.ZVPxZA.pXItMBV4gL2XQfocCXqmoPn209c");
        TestResponse untouched = client.get("/untouched");
        assertTrue(untouched.headers().get("Set-Cookie", "").startsWith("session="),
                "Flask opens the session on every request, so even an untouched permanent session is refreshed");
        assertEquals("Cookie", untouched.headers().get("Vary"), "Vary is added whenever the cookie is set");
    }

    @Test
    void clearingASessionDeletesTheCookie() {
        TestClient client = app(fixed(T0)).testClient();
        client.get("/set");
        TestResponse r = client.get("/clear");
        assertEquals("session=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; Path=/",
                r.headers().get("Set-Cookie"));
        assertEquals("Cookie", r.headers().get("Vary"));
        assertNull(client.getCookie("session"));
    }

    @Test
    void lenCountsAsAccessAndAnUntouchedSessionSendsNothing() {
        TestClient client = app(fixed(T0)).testClient();
        TestResponse len = client.get("/len");
        assertEquals("0", len.text());
        assertEquals("Cookie", len.headers().get("Vary"), "3.1.3: len() is an access");
        assertNull(len.headers().get("Set-Cookie", null));
        TestResponse untouched = client.get("/untouched");
        assertNull(untouched.headers().get("Vary", null));
        assertNull(untouched.headers().get("Set-Cookie", null));
    }

    @Test
    void trackingIsShallowUnlessMarkedModified() {
        Flask app = app(fixed(T0));
        TestClient client = app.testClient();
        client.sessionTransaction(s -> s.put("cart", new ArrayList<>(List.of(1, 2, 3))));
        TestResponse r = client.get("/mutate");
        assertNull(r.headers().get("Set-Cookie", null), "appending to a stored list does not modify the session");
    }

    @Test
    void cookiePathDefaultsToTheContextPathAndConfigKeysApply() {
        Flask app = app(fixed(T0));
        app.config().put("SESSION_COOKIE_SAMESITE", "Lax");
        app.config().put("SESSION_COOKIE_SECURE", true);
        app.config().put("SESSION_COOKIE_DOMAIN", "example.com");
        app.config().put("SESSION_COOKIE_NAME", "sid");
        TestClient client = app.testClient();
        client.setContextPath("/myapplication");
        assertEquals("sid=eyJ1c2VybmFtZSI6ImFsaWNlIn0.ZVPxAA.SgQvo235z98CwxmEa4WqerYiP6k; Domain=example.com; Secure;"
                + " HttpOnly; Path=/myapplication; SameSite=Lax", client.get("/set").headers().get("Set-Cookie"));
    }

    @Test
    void withoutSecretKeyReadsAreEmptyAndWritesFailWithFlasksMessage() {
        Flask app = app(fixed(T0));
        app.config().put("SECRET_KEY", null);
        app.config().put("TESTING", true);
        TestClient client = app.testClient();
        assertEquals("null", client.get("/get").text());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> client.get("/set"));
        assertTrue(e.getMessage().startsWith("The session is unavailable because no secret key was set."),
                e.getMessage());
        assertThrows(IllegalStateException.class, () -> client.sessionTransaction(s -> s.put("a", 1)));
    }

    @Test
    void sessionTransactionRoundTrip() {
        TestClient client = app(fixed(T0)).testClient();
        client.sessionTransaction(s -> s.put("username", "bob"));
        assertEquals("bob", client.get("/get").text());
        client.sessionTransaction(s -> {
            assertEquals("bob", s.get("username"));
            assertFalse(s.isNew());
        });
    }
}
