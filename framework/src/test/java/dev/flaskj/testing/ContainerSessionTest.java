package dev.flaskj.testing;

import static dev.flaskj.Flask.request;
import static dev.flaskj.Flask.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.Flask;
import jakarta.servlet.http.HttpSession;
import org.junit.jupiter.api.Test;

/**
 * {@code SESSION_INTERFACE = "container"} under the test client: in-memory {@link FakeHttpSession}s, found by the
 * {@code JSESSIONID} cookie the client keeps, as a servlet container does.
 */
class ContainerSessionTest {
    private static Flask app() {
        Flask app = new Flask("container");
        app.config().put("SESSION_INTERFACE", "container");
        app.addUrlRule("/count", "count", a -> {
            int n = (Integer) session().getOrDefault("n", 0) + 1;
            session().put("n", n);
            return String.valueOf(n);
        });
        app.addUrlRule("/read", "read", a -> String.valueOf(session().get("n")));
        app.addUrlRule("/logout", "logout", a -> {
            session().clear();
            return "bye";
        });
        app.addUrlRule("/rotate", "rotate", a -> {
            HttpSession hs = request().servletRequest().getSession(false);
            String before = hs.getId();
            String after = request().servletRequest().changeSessionId();
            return before + " " + after;
        });
        return app;
    }

    @Test
    void theSessionLivesServerSideBehindTheJsessionidCookie() {
        TestClient client = app().testClient();
        TestResponse first = client.get("/count");
        assertEquals("1", first.text());
        String setCookie = first.header("Set-Cookie");
        assertNotNull(setCookie, "a new session sends its id");
        assertTrue(setCookie.matches("JSESSIONID=[0-9A-F]{32}; Path=/; HttpOnly"), setCookie);
        String id = client.getCookie("JSESSIONID").value();
        TestResponse second = client.get("/count");
        assertEquals("2", second.text());
        assertNull(second.header("Set-Cookie"), "a known session sends no cookie again");
        assertEquals(id, client.getCookie("JSESSIONID").value());
        assertEquals("3", client.get("/count").text());
    }

    @Test
    void anotherClientHasItsOwnSessions() {
        Flask app = app();
        TestClient one = app.testClient();
        TestClient two = app.testClient();
        one.get("/count");
        one.get("/count");
        assertEquals("1", two.get("/count").text());
        assertEquals("null", app.testClient(false).get("/read").text(), "no jar: no session");
    }

    @Test
    void emptyingTheSessionInvalidatesIt() {
        TestClient client = app().testClient();
        client.get("/count");
        String id = client.getCookie("JSESSIONID").value();
        assertEquals("bye", client.get("/logout").text());
        assertEquals("null", client.get("/read").text(), "the old id names no session any more");
        TestResponse again = client.get("/count");
        assertEquals("1", again.text());
        assertNotEquals(id, client.getCookie("JSESSIONID").value(), "a new session, with a new id");
    }

    @Test
    void changeSessionIdRotatesTheIdAndKeepsTheData() {
        TestClient client = app().testClient();
        client.get("/count");
        String id = client.getCookie("JSESSIONID").value();
        TestResponse r = client.get("/rotate");
        String[] ids = r.text().split(" ");
        assertEquals(id, ids[0]);
        assertNotEquals(ids[0], ids[1]);
        assertEquals(ids[1], client.getCookie("JSESSIONID").value(), "the client follows the new id");
        assertEquals("2", client.get("/count").text(), "the data moved with the session");
        client.deleteCookie("JSESSIONID");
        client.setCookie("JSESSIONID", id);
        assertEquals("null", client.get("/read").text(), "the old id no longer finds it");
    }

    @Test
    void sessionTransactionReadsAndWritesTheContainerSession() {
        TestClient client = app().testClient();
        client.sessionTransaction(s -> s.put("n", 41));
        assertEquals("42", client.get("/count").text());
        client.sessionTransaction(s -> assertEquals(42, s.get("n")));
    }

    @Test
    void anInvalidatedFakeSessionRefusesUse() {
        FakeHttpServletRequest req = new FakeHttpServletRequest("GET", "/");
        assertNull(req.getSession(false));
        HttpSession s = req.getSession(true);
        assertTrue(s.isNew());
        s.setAttribute("a", 1);
        assertEquals(1, s.getAttribute("a"));
        s.setAttribute("a", null);
        assertNull(s.getAttribute("a"), "null removes, as the servlet specification says");
        s.invalidate();
        assertThrows(IllegalStateException.class, () -> s.getAttribute("a"));
        assertNull(req.getSession(false));
        assertThrows(IllegalStateException.class, req::changeSessionId);
    }
}
