package dev.flaskj.testing;

import static dev.flaskj.Flask.redirect;
import static dev.flaskj.Flask.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.Flask;
import dev.flaskj.RequestContext;
import org.junit.jupiter.api.Test;

/**
 * Remote address, credentials and client-wide defaults of test requests (Werkzeug: tests/test_test.py
 * test_environ_builder_basics' REMOTE_ADDR, test_client_auth / auth=(user, password); Flask:
 * tests/test_testing.py test_environ_base_default, test_environ_base_modified). Expected header values are
 * those Werkzeug 3.1's test client sends.
 */
class RequestToolsTest {
    private static Flask echo() {
        Flask app = new Flask("tools");
        app.addUrlRule("/", "index", args -> request().remoteAddr() + "|" + header("Authorization") + "|"
                + header("User-Agent") + "|" + header("X-A"));
        app.addUrlRule("/go", "go", args -> redirect("/"));
        return app;
    }

    private static String header(String name) {
        return request().headers().get(name, null);
    }

    @Test
    void remoteAddrIsWhatTheAppSees() {
        TestClient client = echo().testClient();
        assertTrue(client.get("/").text().startsWith("127.0.0.1|null|"));
        assertTrue(client.get("/", r -> r.remoteAddr("203.0.113.9")).text().startsWith("203.0.113.9|"));
    }

    @Test
    void basicAuthIsUtf8Base64AsWerkzeugSendsIt() {
        // python: client.get("/", auth=("Zoë", "p:w")) sends "Basic Wm/DqzpwOnc="
        String text = echo().testClient().get("/", r -> r.basicAuth("Zoë", "p:w")).text();
        assertTrue(text.startsWith("127.0.0.1|Basic Wm/DqzpwOnc=|"), text);
    }

    @Test
    void bearerSendsTheToken() {
        assertTrue(echo().testClient().get("/", r -> r.bearer("tok")).text().startsWith("127.0.0.1|Bearer tok|"));
    }

    @Test
    void laterCredentialsReplaceEarlierOnesAndAnExplicitHeaderWins() {
        TestClient client = echo().testClient();
        assertTrue(client.get("/", r -> r.basicAuth("a", "b").bearer("t")).text().contains("|Bearer t|"));
        assertTrue(client.get("/", r -> r.bearer("t").header("Authorization", "Custom x")).text()
                .contains("|Custom x|"));
    }

    @Test
    void badCredentialsFailAtTheCall() {
        TestRequest r = TestRequest.get("/");
        assertThrows(IllegalArgumentException.class, () -> r.basicAuth("a:b", "c"));
        assertThrows(IllegalArgumentException.class, () -> r.bearer("two words"));
        assertThrows(IllegalArgumentException.class, () -> r.bearer("x\r\nX-Injected: 1"));
        assertThrows(IllegalArgumentException.class, () -> r.bearer(""));
        assertThrows(NullPointerException.class, () -> r.remoteAddr(null));
    }

    @Test
    void clientDefaultsApplyToEveryRequestAndTheRequestsOwnWin() {
        TestClient client = echo().testClient();
        client.defaults().remoteAddr("10.9.9.9").header("X-A", "dflt").header("User-Agent", "pytest");
        assertEquals("10.9.9.9|null|pytest|dflt", client.get("/").text());
        assertEquals("10.0.0.1|null|pytest|mine",
                client.get("/", r -> r.remoteAddr("10.0.0.1").header("x-a", "mine")).text());

        client.defaults().bearer("client-token");
        assertEquals("10.9.9.9|Bearer client-token|pytest|dflt", client.get("/").text());
        assertTrue(client.get("/", r -> r.basicAuth("ann", "pw")).text().contains("|Basic YW5uOnB3|"));

        client.defaults().removeHeader("x-A");
        assertTrue(client.get("/").text().endsWith("|pytest|null"));
        client.defaults().clear();
        assertEquals("127.0.0.1|null|" + FakeHttpServletRequest.USER_AGENT + "|null", client.get("/").text());
    }

    @Test
    void redirectsKeepTheAddressAndCredentials() {
        TestClient client = echo().testClient();
        client.defaults().header("X-A", "d");
        TestResponse r = client.open(TestRequest.get("/go").remoteAddr("198.51.100.7").bearer("t")
                .followRedirects(true));
        assertEquals("198.51.100.7|Bearer t|" + FakeHttpServletRequest.USER_AGENT + "|d", r.text());
    }

    @Test
    void testRequestContextSeesTheAddressAndCredentials() {
        Flask app = echo();
        try (RequestContext ctx = app.testRequestContext(TestRequest.get("/").remoteAddr("192.0.2.1").bearer("x"))) {
            assertEquals("192.0.2.1", request().remoteAddr());
            assertEquals("Bearer x", request().headers().get("Authorization"));
        }
    }
}
