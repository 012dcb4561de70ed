package dev.flaskj.sessions;

import static dev.flaskj.Flask.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.Flask;
import dev.flaskj.testing.TestClient;
import dev.flaskj.testing.TestResponse;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Which session mutators mark the session modified. The expected values are Flask 3.1's
 * {@code SecureCookieSession} (a Werkzeug {@code CallbackDict}): {@code pop}/{@code del} of an absent key,
 * {@code setdefault} of a present key and a failed {@code popitem} do not call {@code on_update}; {@code clear},
 * {@code update} and item assignment always do, even when nothing changes.
 */
class SessionMutatorsTest {
    private static boolean modifiedAfter(Map<String, Object> initial, Consumer<Session> op) {
        Session s = new Session(initial, false);
        op.accept(s);
        return s.isModified();
    }

    @Test
    void removingAnAbsentKeyIsNoChange() {
        // session.pop('x', None) on {} -> modified False
        assertFalse(modifiedAfter(Map.of(), s -> s.remove("x")));
        assertFalse(modifiedAfter(Map.of("a", 1), s -> s.remove("x")));
        assertFalse(modifiedAfter(Map.of("a", 1), s -> s.remove("a", 2)), "remove(k, v) with another value");
        assertFalse(modifiedAfter(Map.of("a", 1), s -> s.keySet().remove("x")));
        // session.pop('a') on {'a': 1} -> modified True
        assertTrue(modifiedAfter(Map.of("a", 1), s -> s.remove("a")));
        assertTrue(modifiedAfter(Map.of("a", 1), s -> s.keySet().remove("a")));
    }

    @Test
    void setdefaultMarksOnlyWhenItAdds() {
        assertTrue(modifiedAfter(Map.of(), s -> s.putIfAbsent("a", 1)));
        assertFalse(modifiedAfter(Map.of("a", 1), s -> s.putIfAbsent("a", 2)));
        assertTrue(modifiedAfter(Map.of(), s -> s.computeIfAbsent("a", k -> 1)));
        assertFalse(modifiedAfter(Map.of("a", 1), s -> s.computeIfAbsent("a", k -> 2)));
    }

    @Test
    void assignmentClearAndUpdateAlwaysMark() {
        // session['a'] = 1 when it already is 1, session.clear() on {}, session.update({}) -> modified True
        assertTrue(modifiedAfter(Map.of("a", 1), s -> s.put("a", 1)));
        assertTrue(modifiedAfter(Map.of(), Session::clear));
        assertTrue(modifiedAfter(Map.of(), s -> s.putAll(Map.of())));
        assertTrue(modifiedAfter(Map.of(), s -> s.putAll(Map.of("a", 1))));
    }

    @Test
    void writingThroughAnEntryMarks() {
        assertTrue(modifiedAfter(Map.of("a", 1), s -> s.entrySet().iterator().next().setValue(2)));
        assertTrue(modifiedAfter(Map.of("a", 1), s -> s.replaceAll((k, v) -> 2)));
        Session s = new Session(Map.of("a", 1), false);
        s.entrySet().iterator().next().setValue(5);
        assertEquals(5, s.snapshot().get("a"));
    }

    @Test
    void readsDoNotMark() {
        assertFalse(modifiedAfter(Map.of("a", 1), s -> s.get("a")));
        assertFalse(modifiedAfter(Map.of("a", 1), s -> s.getOrDefault("x", 1)));
        assertFalse(modifiedAfter(Map.of("a", 1), s -> s.containsKey("a")));
        assertFalse(modifiedAfter(Map.of("a", 1), s -> s.entrySet().iterator().next().getValue()));
    }

    @Test
    void anonymousLogoutSendsNoCookieButARealLogoutDeletesIt() {
        Flask app = new Flask("mutators");
        app.config().put("SECRET_KEY", "dev");
        app.addUrlRule("/logout", "logout", args -> {
            session().remove("user_id");
            return "bye";
        });
        app.addUrlRule("/login", "login", args -> {
            session().put("user_id", 1);
            return "hi";
        });
        TestClient client = app.testClient();
        TestResponse anonymous = client.get("/logout");
        assertNull(anonymous.headers().get("Set-Cookie", null), "Flask sends no deletion for an absent key");
        client.get("/login");
        TestResponse logout = client.get("/logout");
        assertTrue(logout.headers().get("Set-Cookie", "").startsWith("session=; Expires=Thu, 01 Jan 1970"),
                logout.headers().get("Set-Cookie", ""));
        assertNull(client.getCookie("session"));
    }
}
