package dev.flaskj;

import static dev.flaskj.Flask.abort;
import static dev.flaskj.Flask.afterThisRequest;
import static dev.flaskj.Flask.g;
import static dev.flaskj.Flask.hasAppContext;
import static dev.flaskj.Flask.hasRequestContext;
import static dev.flaskj.Flask.makeResponse;
import static dev.flaskj.Flask.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flaskj.exceptions.HttpException;
import dev.flaskj.exceptions.InternalServerError;
import dev.flaskj.exceptions.NotFound;
import dev.flaskj.testing.TestClient;
import dev.flaskj.testing.TestResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The per-request sequence through the test client: hook order, error handlers, propagation, contexts, as Flask
 * 3.1 traces them.
 */
class RequestLifecycleTest {
    private static final String PAGE_500 = "<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n"
            + "<h1>Internal Server Error</h1>\n<p>The server encountered an internal error and was unable to complete"
            + " your request. Either the server is overloaded or there is an error in the application.</p>\n";

    private final List<String> trace = new ArrayList<>();

    private static String name(Throwable t) {
        return t == null ? "null" : t.getClass().getSimpleName();
    }

    /** The §11.2 app: two before hooks, two after hooks, two teardown-request functions, one teardown-appcontext. */
    private Flask tracedApp() {
        Flask app = new Flask("traced");
        app.beforeRequest(() -> {
            trace.add("before1 endpoint=" + request().endpoint());
            return null;
        });
        app.beforeRequest(() -> {
            trace.add("before2");
            return null;
        });
        app.afterRequest(r -> {
            trace.add("after1 status=" + r.status());
            return r;
        });
        app.afterRequest(r -> {
            trace.add("after2 status=" + r.status());
            return r;
        });
        app.teardownRequest(exc -> trace.add("teardown_req1 exc=" + name(exc)));
        app.teardownRequest(exc -> trace.add("teardown_req2 exc=" + name(exc)));
        app.teardownAppcontext(exc -> trace.add("teardown_app exc=" + name(exc) + " g.x=" + g().<Object>get("x", "-")));
        app.addUrlRule("/ok", "ok", args -> {
            trace.add("view");
            g().put("x", 1);
            afterThisRequest(r -> {
                trace.add("after_this_request");
                return r;
            });
            return "ok";
        });
        app.addUrlRule("/err", "err", args -> {
            trace.add("view");
            return 1 / zero();
        });
        app.addUrlRule("/abort", "abort", args -> {
            trace.add("view");
            throw abort(403);
        });
        return app;
    }

    private static int zero() {
        return 0;
    }

    @Test
    void hookOrderForASuccessfulRequest() {
        TestResponse r = tracedApp().testClient().get("/ok");

        assertEquals(200, r.status());
        assertEquals(List.of("before1 endpoint=ok", "before2", "view", "after_this_request", "after2 status=200",
                "after1 status=200", "teardown_req2 exc=null", "teardown_req1 exc=null", "teardown_app exc=null g.x=1"),
                trace);
    }

    @Test
    void hookOrderWhenTheViewFailsAndA500HandlerAnswers() {
        Flask app = tracedApp();
        app.errorHandler(500, e -> {
            trace.add("handler500 " + name(e) + " orig="
                    + name(((InternalServerError) e).originalException()));
            return makeResponse("handled", 500);
        });

        TestResponse r = app.testClient().get("/err");

        assertEquals(500, r.status());
        assertEquals("handled", r.text());
        assertEquals(List.of("before1 endpoint=err", "before2", "view",
                "handler500 InternalServerError orig=ArithmeticException", "after2 status=500", "after1 status=500",
                "teardown_req2 exc=ArithmeticException", "teardown_req1 exc=ArithmeticException",
                "teardown_app exc=ArithmeticException g.x=-"), trace);
    }

    @Test
    void abortWithAHandlerIsHandledAndTeardownSeesNoError() {
        Flask app = tracedApp();
        app.errorHandler(403, e -> {
            trace.add("handler403 " + name(e));
            return makeResponse("no", 403);
        });

        TestResponse r = app.testClient().get("/abort");

        assertEquals(403, r.status());
        assertEquals(List.of("before1 endpoint=abort", "before2", "view", "handler403 Forbidden",
                "after2 status=403", "after1 status=403", "teardown_req2 exc=null", "teardown_req1 exc=null",
                "teardown_app exc=null g.x=-"), trace);
    }

    @Test
    void beforeRequestRunsForAnUnknownUrl() {
        Flask app = tracedApp();
        app.errorHandler(404, e -> {
            trace.add("handler404");
            return makeResponse("missing", 404);
        });

        TestResponse r = app.testClient().get("/missing");

        assertEquals(404, r.status());
        assertEquals(List.of("before1 endpoint=null", "before2", "handler404", "after2 status=404",
                "after1 status=404", "teardown_req2 exc=null", "teardown_req1 exc=null", "teardown_app exc=null g.x=-"),
                trace);
    }

    @Test
    void withTestingTheExceptionPropagatesAndOnlyTeardownsRun() {
        Flask app = tracedApp();
        app.config().put("TESTING", true);
        TestClient client = app.testClient();

        assertThrows(ArithmeticException.class, () -> client.get("/err"));

        assertEquals(List.of("before1 endpoint=err", "before2", "view", "teardown_req2 exc=ArithmeticException",
                "teardown_req1 exc=ArithmeticException", "teardown_app exc=ArithmeticException g.x=-"), trace);
        assertFalse(hasRequestContext());
        assertFalse(hasAppContext());
    }

    @Test
    void checkedExceptionPropagatesUnchanged() {
        Flask app = new Flask("checked");
        app.config().put("TESTING", true);
        app.addUrlRule("/io", "io", args -> {
            throw new java.io.IOException("disk full");
        });

        java.io.IOException e = assertThrows(java.io.IOException.class, () -> app.testClient().get("/io"));

        assertEquals("disk full", e.getMessage());
    }

    @Test
    void withoutTestingTheGeneric500PageIsSent() {
        TestResponse r = tracedApp().testClient().get("/err");

        assertEquals(500, r.status());
        assertEquals(PAGE_500, r.text());
        assertEquals("text/html; charset=utf-8", r.contentType());
        assertFalse(hasRequestContext());
    }

    @Test
    void beforeRequestReturnValueShortCircuitsTheView() {
        Flask app = new Flask("short");
        app.beforeRequest(() -> request().args().containsKey("short") ? makeResponse("short-circuit", 203) : null);
        app.afterRequest(r -> {
            r.headers().set("X-After", "ran");
            return r;
        });
        app.addUrlRule("/", "index", args -> "view");

        TestResponse r = app.testClient().get("/?short=1");

        assertEquals(203, r.status());
        assertEquals("short-circuit", r.text());
        assertEquals("ran", r.header("X-After"));
    }

    @Test
    void errorHandlerForAnExceptionClass() {
        Flask app = new Flask("classhandler");
        app.errorHandler(IllegalArgumentException.class, e -> makeResponse("bad: " + e.getMessage(), 400));
        app.addUrlRule("/", "index", args -> {
            throw new IllegalArgumentException("nope");
        });

        TestResponse r = app.testClient().get("/");

        assertEquals(400, r.status());
        assertEquals("bad: nope", r.text());
    }

    @Test
    void exceptionHandlerAlsoCatchesHttpExceptions() {
        Flask app = new Flask("catchall");
        app.errorHandler(Exception.class, e -> "caught NotFound=" + (e instanceof NotFound) + " code="
                + ((HttpException) e).code());

        TestResponse r = app.testClient().get("/nothing-here");

        assertEquals(200, r.status());
        assertEquals("caught NotFound=true code=404", r.text());
    }

    @Test
    void gLastsOneRequest() {
        Flask app = new Flask("g");
        app.addUrlRule("/", "index", args -> {
            String before = g().get("count", "unset");
            g().put("count", "set");
            return before;
        });
        TestClient client = app.testClient();

        assertEquals("unset", client.get("/").text());
        assertEquals("unset", client.get("/").text());
    }

    @Test
    void noContextIsLeftAfterRequestsOrErrors() {
        Flask app = tracedApp();
        TestClient client = app.testClient();

        client.get("/ok");
        client.get("/err");
        client.get("/missing");
        app.config().put("TESTING", true);
        assertThrows(ArithmeticException.class, () -> client.get("/err"));

        assertFalse(hasRequestContext());
        assertFalse(hasAppContext());
    }
}
