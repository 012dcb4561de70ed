package dev.flaskj;

import static dev.flaskj.Flask.g;
import static dev.flaskj.Flask.request;
import static dev.flaskj.Flask.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.exceptions.HttpException;
import dev.flaskj.testing.TestClient;
import dev.flaskj.testing.TestResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Views returning a {@code CompletionStage}, through the test client, which has no container and so waits for the
 * stage on the request thread (bounded by {@code ASYNC_TIMEOUT}). The container path (servlet async, completion on
 * another thread) is {@link AsyncViewContainerTest}.
 */
class AsyncViewTest {
    private final Flask app = new Flask("asyncviews");
    private final ExecutorService completer = Executors.newSingleThreadExecutor(r -> new Thread(r, "completer"));
    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public synchronized void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private Logger logger;

    @BeforeEach
    void setUp() {
        app.config().put("SECRET_KEY", "async-view-test-key-0123456789");
        logger = app.logger();
        logger.setUseParentHandlers(false);
        logger.addHandler(capture);
    }

    @AfterEach
    void tearDown() {
        logger.removeHandler(capture);
        logger.setUseParentHandlers(true);
        completer.shutdownNow();
    }

    /** A stage completed by another thread {@code delayMs} later with {@code value}. */
    private CompletableFuture<Object> later(long delayMs, Object value) {
        return CompletableFuture.supplyAsync(() -> {
            sleep(delayMs);
            return value;
        }, completer);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void theStagesValueGoesThroughConversionHooksAndSessionSave() {
        List<String> teardown = new ArrayList<>();
        app.addUrlRule("/later/<name>", "later", args -> {
            g().put("id", "req-" + args.get("name"));
            session().put("user", args.get("name"));
            return later(50, Map.of("hello", args.get("name"))); // a Map becomes JSON, as a view's return value
        });
        app.afterRequest(r -> {
            r.headers().set("X-Seen", request().path() + " " + g().get("id") + " " + session().get("user"));
            return r;
        });
        app.teardownRequest(exc -> teardown.add(g().get("id") + " " + exc));
        TestClient client = app.testClient();

        TestResponse r = client.get("/later/ann");

        assertEquals(200, r.status());
        assertEquals(Map.of("hello", "ann"), r.json());
        assertEquals("/later/ann req-ann ann", r.header("X-Seen"));
        assertNotNull(r.cookies().get("session"), "the session was saved after the stage completed");
        assertEquals(List.of("req-ann null"), teardown);
        assertFalse(Flask.clearContextsForTesting(), "the request left a context on the thread");
        assertTrue(logged.isEmpty(), "the test client waits without a warning: " + logged);
    }

    static final class Boom extends RuntimeException {
        Boom(String message) {
            super(message);
        }
    }

    @Test
    void anExceptionalCompletionGoesThroughTheErrorHandlers() {
        app.addUrlRule("/fails", "fails", args -> {
            g().put("id", "f1");
            return CompletableFuture.supplyAsync(() -> {
                throw new Boom("late");
            }, completer);
        });
        app.errorHandler(Boom.class, e -> new Response("handled " + e.getMessage() + " for " + g().get("id"), 418));

        TestResponse r = app.testClient().get("/fails");

        assertEquals(418, r.status());
        assertEquals("handled late for f1", r.text());
        assertFalse(Flask.clearContextsForTesting());
    }

    @Test
    void anHttpExceptionCompletionIsAnsweredWithItsStatus() {
        app.addUrlRule("/gone", "gone", args -> CompletableFuture.failedFuture(
                new dev.flaskj.exceptions.Forbidden("not yours")));

        TestResponse r = app.testClient().get("/gone");

        assertEquals(403, r.status());
        assertTrue(r.text().contains("not yours"), r.text());
    }

    @Test
    void anUnhandledExceptionalCompletionIsA500AndLogged() {
        app.addUrlRule("/fails", "fails", args -> CompletableFuture.failedFuture(new Boom("unhandled")));

        TestResponse r = app.testClient().get("/fails");

        assertEquals(500, r.status());
        assertTrue(logged.stream().anyMatch(l -> l.getLevel() == Level.SEVERE && l.getThrown() instanceof Boom),
                "the failure is logged with its exception: " + logged);
    }

    @Test
    void inTestingModeAnUnhandledCompletionFailurePropagatesToTheTest() {
        app.config().put("TESTING", true);
        app.addUrlRule("/fails", "fails", args -> CompletableFuture.failedFuture(new Boom("to the test")));

        Boom e = assertThrows(Boom.class, () -> app.testClient().get("/fails"));

        assertEquals("to the test", e.getMessage());
        assertFalse(Flask.clearContextsForTesting());
    }

    @Test
    void aStageThatDoesNotCompleteInTimeIsA503AndIsNotCancelled() {
        app.config().put("ASYNC_TIMEOUT", 0.2);
        CompletableFuture<Object> never = new CompletableFuture<>();
        app.addUrlRule("/slow", "slow", args -> never);

        TestResponse r = app.testClient().get("/slow");

        assertEquals(503, r.status());
        assertTrue(r.text().contains("200 ms"), r.text());
        assertFalse(never.isDone(), "the stage may be shared: a timeout must not cancel it");
    }

    @Test
    void aTimeoutGoesThroughThe503Handler() {
        app.config().put("ASYNC_TIMEOUT", Duration.ofMillis(100));
        app.addUrlRule("/slow", "slow", args -> {
            g().put("id", "s1");
            return new CompletableFuture<>();
        });
        app.errorHandler(503, (HttpException e) -> new Response("busy " + g().get("id"), 503));

        TestResponse r = app.testClient().get("/slow");

        assertEquals(503, r.status());
        assertEquals("busy s1", r.text());
    }

    @Test
    void theDefaultTimeoutIsThirtySeconds() {
        assertEquals(30, ((Number) app.config().get("ASYNC_TIMEOUT")).intValue());
        assertEquals(Duration.ofSeconds(30), AsyncViews.timeout(app));
        app.config().put("ASYNC_TIMEOUT", "1.5");
        assertEquals(Duration.ofMillis(1500), AsyncViews.timeout(app));
        app.config().put("ASYNC_TIMEOUT", 0);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> AsyncViews.timeout(app));
        assertTrue(e.getMessage().contains("ASYNC_TIMEOUT"), e.getMessage());
    }

    @Test
    void noContextLeaksBetweenAsyncRequests() throws Exception {
        app.addUrlRule("/set/<v>", "set", args -> {
            g().put("v", args.get("v"));
            return later(5, "set " + args.get("v"));
        });
        app.addUrlRule("/get", "get", args -> later(5, "got " + g().get("v", "nothing")));
        TestClient client = app.testClient();

        for (int i = 0; i < 20; i++) {
            assertEquals("set " + i, client.get("/set/" + i).text());
            assertEquals("got nothing", client.get("/get").text(), "a later request saw an earlier one's g()");
        }
        assertFalse(Flask.clearContextsForTesting());
        // the completing thread never had the request's contexts pushed: user code there runs without them
        assertFalse(completer.submit(Flask::hasRequestContext).get());
        assertTrue(logged.isEmpty(), logged.toString());
    }

    @Test
    void theViewThreadIsNotTheCompletingThread() {
        app.addUrlRule("/t", "t", args -> {
            String viewThread = Thread.currentThread().getName();
            return later(1, "").thenApply(x -> viewThread + "|" + Thread.currentThread().getName());
        });

        String[] threads = app.testClient().get("/t").text().split("\\|");

        assertNotEquals(threads[0], threads[1]);
        assertEquals("completer", threads[1]);
    }
}
