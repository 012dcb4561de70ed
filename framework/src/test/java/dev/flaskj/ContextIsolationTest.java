package dev.flaskj;

import static dev.flaskj.Flask.g;
import static dev.flaskj.Flask.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.routing.Converter;
import dev.flaskj.testing.TestClient;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every request starts from empty context stacks and leaves the thread as it found it: a context a view opens and
 * never closes, or one left on a pooled thread by other code, is never seen by a later request on that thread.
 */
class ContextIsolationTest {
    private final Flask app = new Flask("isolation");
    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private Logger logger;
    private boolean useParentHandlers;

    @BeforeEach
    void captureLog() {
        logger = app.logger();
        useParentHandlers = logger.getUseParentHandlers();
        logger.setUseParentHandlers(false);
        logger.addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        logger.removeHandler(capture);
        logger.setUseParentHandlers(useParentHandlers);
    }

    private long warnings() {
        return logged.stream().filter(r -> r.getLevel() == Level.WARNING).count();
    }

    @Test
    void anAppContextLeftOpenByAViewIsNotInheritedByTheNextRequest() {
        app.addUrlRule("/leak", "leak", args -> {
            app.appContext(); // pushed and never closed: a bug in the view
            g().put("user", "alice");
            return "leaked";
        });
        app.addUrlRule("/who", "who", args -> g().get("user", "nobody"));
        TestClient client = app.testClient();

        assertEquals("leaked", client.get("/leak").text());
        assertEquals("nobody", client.get("/who").text(), "the next request on this thread saw the leaked g()");
        assertFalse(Flask.clearContextsForTesting(), "the thread still holds a context after the request");
        assertEquals(1, warnings(), "the leak is logged once as a warning");

        assertEquals("leaked", client.get("/leak").text());
        assertEquals("nobody", client.get("/who").text());
        assertEquals(1, warnings(), "repeats are not logged as warnings again");
    }

    @Test
    void aRequestContextLeftOpenByAViewIsNotInheritedEither() {
        app.addUrlRule("/leak", "leak", args -> {
            app.testRequestContext("/elsewhere"); // pushed, never closed
            return "leaked " + request().path();
        });
        app.addUrlRule("/path", "path", args -> request().path());
        TestClient client = app.testClient();

        assertEquals("leaked /elsewhere", client.get("/leak").text());
        assertEquals("/path", client.get("/path").text());
        assertFalse(Flask.clearContextsForTesting());
    }

    @Test
    void contextsAlreadyOnTheThreadAreSetAsideForTheRequestAndPutBackAfterIt() {
        app.addUrlRule("/who", "who", args -> g().get("user", "nobody"));
        AppContext stale = app.appContext();
        try {
            stale.g().put("user", "mallory");
            assertEquals("nobody", app.testClient().get("/who").text(), "the request read a context it did not push");
            assertSame(stale, ContextStack.appOrNull(), "the thread's own context is back after the request");
            assertEquals(1, warnings());
            assertTrue(logged.get(0).getMessage().contains("/who"), logged.get(0).getMessage());
        } finally {
            stale.close();
        }
    }

    @Test
    void anErrorWhileMatchingTheUrlLeavesNoContextOnTheThread() {
        // A custom converter that fails with an Error (not an exception the matcher turns into a 404) while
        // matching, which happens when the request context is pushed.
        app.urlMap().converters().register("boom", (a, k) -> new Converter() {
            @Override
            public String regex() {
                return "[^/]+";
            }

            @Override
            public boolean matchesSlash() {
                return false;
            }

            @Override
            public Object toJava(String value) {
                throw new AssertionError("converter failed");
            }

            @Override
            public String toUrl(Object value) {
                return String.valueOf(value);
            }

            @Override
            public Class<?> javaType() {
                return String.class;
            }
        });
        app.addUrlRule("/item/<boom:id>", "item", args -> "never");
        app.addUrlRule("/who", "who", args -> g().get("user", "nobody"));
        TestClient client = app.testClient();

        Throwable failure = null;
        try {
            client.get("/item/1");
        } catch (Throwable e) {
            failure = e; // whether the Error escapes is the error path's business; the contexts are ours
        }
        assertFalse(Flask.clearContextsForTesting(), "a failed match left the request's contexts on the thread"
                + (failure == null ? "" : " (" + failure + ")"));
        assertNotNull(client.get("/who"));
        assertThrows(IllegalStateException.class, Flask::request, "no request context outside a request");
    }
}
