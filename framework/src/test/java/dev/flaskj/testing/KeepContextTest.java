package dev.flaskj.testing;

import static dev.flaskj.Flask.g;
import static dev.flaskj.Flask.hasAppContext;
import static dev.flaskj.Flask.hasRequestContext;
import static dev.flaskj.Flask.request;
import static dev.flaskj.Flask.session;
import static dev.flaskj.Flask.urlFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.Flask;
import dev.flaskj.Request;
import dev.flaskj.RequestContext;
import dev.flaskj.Signals;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/**
 * {@code TestClient.keepContext()}, Flask's {@code with client:} (Flask's tests/test_testing.py, cases named on
 * each test; orders as Flask 3.1 records them).
 */
class KeepContextTest {
    private static Flask app() {
        Flask app = new Flask("keep");
        app.config().put("SECRET_KEY", "k");
        app.addUrlRule("/<p>", "v", a -> {
            g().put("value", a.get("p"));
            session().put("p", a.get("p"));
            return "got " + a.get("p");
        });
        return app;
    }

    /** test_testing.py::test_test_client_context_binding (first half): g, request and session stay readable. */
    @Test
    void theLastRequestsContextsStayPushedUntilClose() {
        Flask app = app();
        TestClient client = app.testClient();
        try (var kept = client.keepContext()) {
            assertEquals("got a", client.get("/a?x=1").text());
            assertEquals("/a", request().path());
            assertEquals("1", request().args().get("x"));
            assertEquals("a", g().get("value"));
            assertEquals("a", session().get("p"));
            client.get("/b");
            assertEquals("/b", request().path(), "the next request replaces the kept one");
            assertEquals("b", g().get("value"));
        }
        assertFalse(hasRequestContext());
        assertFalse(hasAppContext());
    }

    /** test_testing.py::test_test_client_context_binding (second half): a 500 keeps its (fresh) context too. */
    @Test
    void aFailedRequestsContextIsKeptWhenItWasAnswered() {
        Flask app = app();
        app.logger().setUseParentHandlers(false);
        app.addUrlRule("/other/x", "other", a -> {
            throw new ArithmeticException();
        });
        TestClient client = app.testClient();
        try (var kept = client.keepContext()) {
            var resp = client.get("/other/x");
            assertEquals(500, resp.status());
            assertTrue(resp.text().contains("Internal Server Error"));
            assertFalse(g().contains("value"));
            g().put("value", 23);
        }
        assertThrows(IllegalStateException.class, () -> g());
    }

    /** With TESTING the view's exception propagates and nothing is kept (Flask re-pushes only on success). */
    @Test
    void aPropagatedExceptionKeepsNothing() {
        Flask app = app();
        app.config().put("TESTING", true);
        app.addUrlRule("/boom/x", "boom", a -> {
            throw new IllegalStateException("boom");
        });
        TestClient client = app.testClient();
        try (var kept = client.keepContext()) {
            client.get("/a");
            assertThrows(IllegalStateException.class, () -> client.get("/boom/x"));
            assertFalse(hasRequestContext());
        }
    }

    /** test_testing.py::test_full_url_request. */
    @Test
    void fullUrlRequestFormAndArgsAreReadable() {
        Flask app = new Flask("full");
        app.addUrlRule("/action", "action", a -> "x", "POST");
        TestClient client = app.testClient();
        try (var kept = client.keepContext()) {
            var rv = client.open(TestRequest.post("/action?vodka=42").baseUrl("http://domain.com")
                    .form("gin", 43));
            assertEquals(200, rv.status());
            assertTrue(request().form().containsKey("gin"));
            assertTrue(request().args().containsKey("vodka"));
        }
    }

    /** test_testing.py::test_nosubdomain. */
    @Test
    void urlBuiltInATestRequestContextIsServed() {
        Flask app = new Flask("nosub");
        app.config().put("SERVER_NAME", "example.com");
        app.addUrlRule("/<company_id>", "view", a -> a.get("company_id"));
        String url;
        try (RequestContext ctx = app.testRequestContext("/")) {
            url = urlFor("view", "company_id", "xxx");
        }
        TestClient client = app.testClient();
        TestResponse response;
        try (var kept = client.keepContext()) {
            response = client.get(url);
        }
        assertEquals(200, response.status());
        assertEquals("xxx", response.text());
    }

    /** test_testing.py::test_reuse_client, and Flask's "Cannot nest client invocations". */
    @Test
    void reuseAndNesting() {
        Flask app = app();
        TestClient client = app.testClient();
        try (var kept = client.keepContext()) {
            assertEquals(404, client.get("/").status());
        }
        try (var kept = client.keepContext()) {
            assertEquals(404, client.get("/").status());
            IllegalStateException e = assertThrows(IllegalStateException.class, client::keepContext);
            assertEquals("Cannot nest client invocations", e.getMessage());
        }
        assertFalse(hasRequestContext());
        var kept = client.keepContext();
        kept.close();
        kept.close(); // idempotent
        client.get("/a");
        assertFalse(hasRequestContext(), "after close, requests keep nothing");
    }

    /** test_testing.py::test_client_pop_all_preserved: a context pushed before stays, the kept ones pop. */
    @Test
    void aContextPushedBeforeIsCurrentAgainAfterClose() {
        Flask app = app();
        try (RequestContext outer = app.testRequestContext("/outer")) {
            TestClient client = app.testClient();
            try (var kept = client.keepContext()) {
                client.get("/a");
                assertEquals("/a", request().path());
            }
            assertEquals("/outer", request().path());
        }
    }

    /** test_testing.py::test_session_transactions_keep_context: a session transaction leaves the kept request. */
    @Test
    void sessionTransactionKeepsTheCurrentRequest() {
        Flask app = app();
        TestClient client = app.testClient();
        try (var kept = client.keepContext()) {
            client.get("/a");
            Request req = request();
            client.sessionTransaction(s -> assertSame(req, request(), "the transaction's own context is above"));
            assertSame(req, request());
        }
    }

    /** Redirects: each hop pops what the previous one kept, so the last request is current. */
    @Test
    void followedRedirectsKeepTheLastRequest() {
        Flask app = app();
        app.addUrlRule("/go/x", "go", a -> Flask.redirect("/c"));
        TestClient client = app.testClient();
        try (var kept = client.keepContext()) {
            assertEquals("got c", client.open(TestRequest.get("/go/x").followRedirects(true)).text());
            assertEquals("/c", request().path());
        }
    }

    /**
     * Flask 3.1's order: the request tears down when it ends, its app context is pushed again, and closing tears
     * down and pops once more (what Flask records for {@code with client: client.get('/a')}).
     */
    @Test
    void teardownsRunAtTheEndOfTheRequestAndAgainOnClose() {
        Flask app = app();
        List<String> log = new ArrayList<>();
        app.teardownRequest(e -> log.add("teardown_request " + request().path()));
        app.teardownAppcontext(e -> log.add("teardown_app"));
        List<AutoCloseable> cs = List.of(
                Signals.APPCONTEXT_PUSHED.connect(app, p -> log.add("appcontext_pushed")),
                Signals.APPCONTEXT_POPPED.connect(app, p -> log.add("appcontext_popped")));
        TestClient client = app.testClient();
        try (var kept = client.keepContext()) {
            client.get("/a");
            log.add("after a");
        }
        log.add("closed");
        assertEquals(List.of("appcontext_pushed", "teardown_request /a", "teardown_app", "appcontext_popped",
                "appcontext_pushed", "after a", "teardown_request /a", "teardown_app", "appcontext_popped",
                "closed"), log);
    }

    /** test_testing.py::test_client_json_no_app_context: without keepContext one app context per request. */
    @Test
    void withoutKeepContextEachRequestPopsItsAppContextOnce() {
        Flask app = new Flask("json");
        app.addUrlRule("/hello", "hello", a -> "Hello, " + ((Map<?, ?>) request().json()).get("name") + "!",
                "POST");
        int[] count = {0};
        TestResponse rv;
        try (var c = Signals.APPCONTEXT_POPPED.connect(app, p -> count[0]++)) {
            rv = app.testClient().post("/hello", r -> r.json(Map.of("name", "Flask")));
        }
        assertEquals("Hello, Flask!", rv.text());
        assertEquals(1, count[0]);
    }

    /** An open keepContext at the end of a test is a leak, which the leak check reports. */
    @Test
    void anUnclosedKeepContextIsALeak() {
        Flask app = app();
        TestClient client = app.testClient();
        client.keepContext();
        client.get("/a");
        assertTrue(LeakedContexts.describe().contains("/a"), LeakedContexts.describe());
        assertTrue(LeakedContexts.clear());
    }

    static List<LogRecord> quiet(Flask app) {
        List<LogRecord> records = new ArrayList<>();
        app.logger().setUseParentHandlers(false);
        app.logger().addHandler(new Handler() {
            @Override
            public void publish(LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        });
        return records;
    }
}
