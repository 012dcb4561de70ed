package dev.flaskj.testing;

import static dev.flaskj.Flask.currentApp;
import static dev.flaskj.Flask.g;
import static dev.flaskj.Flask.hasAppContext;
import static dev.flaskj.Flask.hasRequestContext;
import static dev.flaskj.Flask.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.AppContext;
import dev.flaskj.Flask;
import dev.flaskj.RequestContext;
import dev.flaskj.exceptions.MethodNotAllowed;
import dev.flaskj.exceptions.NotFound;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code app.testRequestContext(...)}: routing runs, views and hooks do not. */
@SuppressWarnings("try") // the contexts are used for their effect on request(), as Flask's `with` blocks
class TestRequestContextTest {
    private final List<String> hooks = new ArrayList<>();

    private Flask app() {
        Flask app = new Flask("ctx");
        app.beforeRequest(() -> {
            hooks.add("before");
            return null;
        });
        app.addUrlRule("/user/<name>", "user", args -> {
            hooks.add("view");
            return "user";
        });
        app.addUrlRule("/ok", "ok", args -> "ok");
        return app;
    }

    @Test
    void routingRunsButNoViewOrHook() {
        Flask app = app();
        try (RequestContext ctx = app.testRequestContext("/user/bob")) {
            assertEquals("user", request().endpoint());
            assertEquals("bob", request().viewArgs().get("name"));
            assertNull(request().routingException());
            assertEquals(app, ctx.app());
        }
        assertEquals(List.of(), hooks);
    }

    @Test
    void wrongMethodStoresMethodNotAllowed() {
        try (RequestContext ctx = app().testRequestContext("/ok", "POST")) {
            assertNull(request().endpoint());
            assertInstanceOf(MethodNotAllowed.class, request().routingException());
        }
    }

    @Test
    void unknownPathStoresNotFound() {
        try (RequestContext ctx = app().testRequestContext("/x")) {
            assertNull(request().endpoint());
            assertInstanceOf(NotFound.class, request().routingException());
        }
    }

    @Test
    void contextsNestAndPopInOrder() {
        Flask app = app();
        try (RequestContext outer = app.testRequestContext("/ok")) {
            try (RequestContext inner = app.testRequestContext("/user/amy")) {
                assertEquals("/user/amy", request().path());
            }
            assertEquals("/ok", request().path());
        }
        assertFalse(hasRequestContext());
        assertFalse(hasAppContext());
    }

    @Test
    void anotherAppsRequestInsideAnAppContextGetsItsOwnAppContextAndRestoresTheOuterOne() {
        Flask outerApp = app();
        Flask otherApp = new Flask("other");
        otherApp.addUrlRule("/", "index", args -> "index");
        try (AppContext outer = outerApp.appContext()) {
            g().put("who", "outer");
            try (RequestContext inner = otherApp.testRequestContext("/")) {
                assertSame(otherApp, currentApp());
                assertNull(g().get("who", null));
            }
            assertSame(outerApp, currentApp());
            assertEquals("outer", g().get("who"));
            assertFalse(hasRequestContext());
        }
        assertFalse(hasAppContext());
    }

    @Test
    void poppingAContextThatIsNotOnTopFailsAndLeavesTheStackAsItWas() {
        Flask app = app();
        RequestContext outer = app.testRequestContext("/ok");
        RequestContext inner = app.testRequestContext("/user/amy");
        IllegalStateException e = assertThrows(IllegalStateException.class, outer::close);
        assertTrue(e.getMessage().startsWith("Popped wrong request context"), e.getMessage());
        assertEquals("/user/amy", request().path());
        inner.close();
        assertTrue(hasRequestContext()); // outer was marked popped, but is still on the stack
        assertTrue(Flask.clearContextsForTesting());
        assertFalse(hasRequestContext());
        assertFalse(hasAppContext());
    }

    @Test
    void aPoppedContextCanBePushedAgain() {
        Flask app = app();
        RequestContext ctx = app.testRequestContext("/ok");
        ctx.close();
        assertFalse(hasRequestContext());
        try (RequestContext again = ctx.push()) {
            assertEquals("/ok", request().path());
        }
        assertFalse(hasRequestContext());
        assertFalse(hasAppContext());
    }

    @Test
    void outsideARequestContextFlasksMessage() {
        IllegalStateException e = assertThrows(IllegalStateException.class, Flask::request);

        assertEquals("Working outside of request context.\n\nThis typically means that you attempted to use"
                + " functionality that needed\nan active HTTP request. Consult the documentation on testing for\n"
                + "information about how to avoid this problem.", e.getMessage());
    }

    @Test
    void fullTestRequestWithQueryFormAndHeaders() {
        Flask app = app();
        try (RequestContext ctx = app.testRequestContext(TestRequest.post("/ok").query("q", "a b")
                .form("name", "x").header("X-Test", "1"))) {
            assertTrue(request().url().endsWith("/ok?q=a+b"), request().url());
            assertEquals("x", request().form().get("name"));
            assertEquals("1", request().headers().get("x-test"));
            assertEquals("POST", request().method());
        }
    }

    @Test
    void defaultBaseUrlComesFromConfig() {
        Flask app = app();
        app.config().putAll(Map.of("SERVER_NAME", "example.org:8443", "APPLICATION_ROOT", "/app",
                "PREFERRED_URL_SCHEME", "https"));
        try (RequestContext ctx = app.testRequestContext("/ok")) {
            assertEquals("https://example.org:8443/app/ok", request().url());
            assertEquals("/app", request().scriptRoot());
        }
    }

    @Test
    void defaultBaseUrlIsLocalhost() {
        try (RequestContext ctx = app().testRequestContext("/ok")) {
            assertEquals("http://localhost/ok", request().url());
        }
    }
}
