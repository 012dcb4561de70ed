package dev.flaskj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.testing.FakeFilterChain;
import dev.flaskj.testing.FakeHttpServletRequest;
import dev.flaskj.testing.FakeHttpServletResponse;
import dev.flaskj.testing.FakeServletContext;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Whatever fails on flaskj's code path (view, hooks, session save, error handlers, the 500 page, writing the body,
 * teardown) is answered by flaskj or logged once; nothing reaches the container, whose page leaks a stack trace.
 * Requests go through {@link FlaskFilter} as a container sends them, in production mode.
 */
class ErrorPathTest {
    private static final String PAGE_500_TITLE = "<title>500 Internal Server Error</title>";

    private final List<LogRecord> logged = new ArrayList<>();
    private Flask app;
    private Handler capture;

    private Flask newApp() {
        app = new Flask("errors");
        // Capture the app's log, quietly: these tests provoke errors on purpose.
        capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        capture.setLevel(Level.ALL);
        app.logger().setUseParentHandlers(false);
        app.logger().setLevel(Level.ALL);
        app.logger().addHandler(capture);
        return app;
    }

    @AfterEach
    void restoreLogger() {
        if (app != null) {
            app.logger().removeHandler(capture);
            app.logger().setUseParentHandlers(true);
            app.logger().setLevel(null);
        }
    }

    private long severe() {
        return logged.stream().filter(r -> r.getLevel() == Level.SEVERE).count();
    }

    static FilterConfig config(ServletContext sc) {
        return new FilterConfig() {
            @Override
            public String getFilterName() {
                return "flask";
            }

            @Override
            public ServletContext getServletContext() {
                return sc;
            }

            @Override
            public String getInitParameter(String name) {
                return null;
            }

            @Override
            public Enumeration<String> getInitParameterNames() {
                return Collections.emptyEnumeration();
            }
        };
    }

    private FakeHttpServletResponse get(String path) throws Exception {
        FlaskFilter filter = new FlaskFilter(app);
        filter.init(config(new FakeServletContext("/myapplication")));
        FakeHttpServletRequest req = new FakeHttpServletRequest("GET", "/myapplication" + path);
        req.setContextPath("/myapplication");
        FakeHttpServletResponse res = new FakeHttpServletResponse();
        filter.doFilter(req, res, new FakeFilterChain());
        return res;
    }

    private void assertFlaskj500(FakeHttpServletResponse res) {
        assertEquals(500, res.getStatus());
        assertTrue(res.bodyText().contains(PAGE_500_TITLE), res.bodyText());
    }

    @Test
    void anErrorFromTheViewGetsTheAppsHandler() throws Exception {
        newApp().addUrlRule("/", "index", args -> {
            throw new AssertionError("invariant broken");
        });
        app.errorHandler(500, e -> app.makeResponse("custom 500", 500));
        FakeHttpServletResponse res = get("/");
        assertEquals(500, res.getStatus());
        assertEquals("custom 500", res.bodyText());
        assertEquals(1, severe());
    }

    @Test
    void errorsFromHooksAndSessionSaveAnswer500() throws Exception {
        newApp().addUrlRule("/", "index", args -> "ok");
        app.afterRequest(r -> {
            throw new NoClassDefFoundError("com/example/Gone");
        });
        assertFlaskj500(get("/"));

        newApp().addUrlRule("/", "index", args -> {
            Flask.session().put("user", "x");
            return "ok";
        });
        app.setSessionInterface(new dev.flaskj.sessions.SessionInterface() {
            @Override
            public dev.flaskj.sessions.Session openSession(Flask a, Request request) {
                return new dev.flaskj.sessions.Session();
            }

            @Override
            public void saveSession(Flask a, dev.flaskj.sessions.Session s, Request request, Response response) {
                throw new ExceptionInInitializerError("session store");
            }
        });
        // The save fails for the view's response and again for the 500's: flaskj's page all the same.
        assertFlaskj500(get("/"));
    }

    @Test
    void aFailing500HandlerFallsBackToTheBuiltInPage() throws Exception {
        newApp().addUrlRule("/", "index", args -> {
            throw new IllegalStateException("view");
        });
        app.errorHandler(500, e -> {
            throw new LinkageError("handler");
        });
        assertFlaskj500(get("/"));
        assertEquals(2, severe()); // the view's exception, then the handler's

        newApp().addUrlRule("/", "index", args -> {
            throw new IllegalStateException("view");
        });
        app.errorHandler(500, e -> null); // not a valid response
        assertFlaskj500(get("/"));
    }

    @Test
    void aStreamThatFailsBeforeTheFirstChunkGets500() throws Exception {
        newApp().addUrlRule("/", "index", args -> Stream.<String>generate(() -> {
            throw new IllegalStateException("no data");
        }));
        FakeHttpServletResponse res = get("/");
        assertFlaskj500(res);
        assertEquals(1, severe());
    }

    @Test
    void aStreamThatFailsAfterTheFirstChunkIsLoggedOnceAndNotRethrown() throws Exception {
        newApp().addUrlRule("/", "index", args -> Stream.of("first chunk ", "x").map(s -> {
            if (s.equals("x")) {
                throw new IllegalStateException("database went away");
            }
            return s;
        }));
        FakeHttpServletResponse res = get("/");
        assertEquals(200, res.getStatus()); // already sent: the status cannot change
        assertTrue(res.isCommitted());
        assertEquals("first chunk ", res.bodyText());
        assertEquals(1, severe());
        assertTrue(logged.stream().anyMatch(r -> r.getThrown() instanceof IllegalStateException));
    }

    @Test
    void aFailingTeardownKeepsTheResponseAndIsLoggedOnce() throws Exception {
        newApp().addUrlRule("/", "index", args -> "ok");
        app.teardownRequest(exc -> {
            throw new IllegalStateException("teardown");
        });
        FakeHttpServletResponse res = get("/");
        assertEquals(200, res.getStatus());
        assertEquals("ok", res.bodyText());
        assertEquals(1, severe());
    }

    @Test
    void aVirtualMachineErrorIsSentAsFlaskjs500ThenRethrown() throws Exception {
        List<String> calls = new ArrayList<>();
        newApp().addUrlRule("/", "index", args -> {
            throw new OutOfMemoryError("Java heap space");
        });
        app.errorHandler(500, e -> {
            calls.add("handler");
            return "never";
        });
        FlaskFilter filter = new FlaskFilter(app);
        filter.init(config(new FakeServletContext("/myapplication")));
        FakeHttpServletRequest req = new FakeHttpServletRequest("GET", "/myapplication/");
        req.setContextPath("/myapplication");
        FakeHttpServletResponse res = new FakeHttpServletResponse();
        assertThrows(OutOfMemoryError.class, () -> filter.doFilter(req, res, new FakeFilterChain()));
        assertFlaskj500(res);
        assertTrue(res.isCommitted(), "committed, so the container adds no page of its own");
        assertEquals(List.of(), calls, "no app code runs after a VirtualMachineError");
    }

    @Test
    void aFilterWithoutItsAppAnswers503() throws Exception {
        FlaskFilter filter = new FlaskFilter(); // init never ran
        FakeHttpServletRequest req = new FakeHttpServletRequest("GET", "/myapplication/");
        FakeHttpServletResponse res = new FakeHttpServletResponse();
        filter.doFilter(req, res, new FakeFilterChain());
        assertEquals(503, res.getStatus());
        assertTrue(res.bodyText().contains("<h1>Service Unavailable</h1>"), res.bodyText());
    }

    @Test
    void testingModeStillPropagatesToTheTestClient() {
        newApp().addUrlRule("/", "index", args -> {
            throw new AssertionError("visible in the test");
        });
        app.config().put("TESTING", true);
        assertThrows(AssertionError.class, () -> app.testClient().get("/"));
        assertFalse(logged.stream().anyMatch(r -> r.getLevel() == Level.SEVERE));
    }

    @Test
    void theRestOfTheWebApplicationKeepsItsOwnErrors() throws Exception {
        newApp().addUrlRule("/", "index", args -> "ok");
        FlaskFilter filter = new FlaskFilter(app);
        filter.init(new FilterConfig() {
            @Override
            public String getFilterName() {
                return "flask";
            }

            @Override
            public ServletContext getServletContext() {
                return new FakeServletContext("/myapplication");
            }

            @Override
            public String getInitParameter(String name) {
                return Map.of("passThrough", "true").get(name);
            }

            @Override
            public Enumeration<String> getInitParameterNames() {
                return Collections.enumeration(List.of("passThrough"));
            }
        });
        FakeHttpServletRequest req = new FakeHttpServletRequest("GET", "/myapplication/other");
        req.setContextPath("/myapplication");
        jakarta.servlet.ServletException thrown = assertThrows(jakarta.servlet.ServletException.class,
                () -> filter.doFilter(req, new FakeHttpServletResponse(), (rq, rs) -> {
                    throw new jakarta.servlet.ServletException("other servlet");
                }));
        assertEquals("other servlet", thrown.getMessage());
    }
}
