package dev.flaskj;

import static dev.flaskj.Flask.g;
import static dev.flaskj.Flask.request;
import static dev.flaskj.Flask.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.exceptions.HttpException;
import dev.flaskj.testing.EmbeddedTomcat;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Views returning a {@code CompletionStage} in a real container (embedded Tomcat): the request is suspended with
 * servlet async, the container thread returns, and the rest of the pipeline runs on the thread that completes the
 * stage, with the request's contexts pushed there.
 */
class AsyncViewContainerTest {
    static final String COMPLETER = "async-completer";
    static final ExecutorService COMPLETER_POOL = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, COMPLETER);
        t.setDaemon(true);
        return t;
    });
    /** What teardown functions saw: thread, g() id, exception. */
    static final Queue<String> TEARDOWNS = new ConcurrentLinkedQueue<>();
    static final CompletableFuture<Object> NEVER = new CompletableFuture<>();

    /** Loaded from the test class path by Tomcat's webapp class loader, so the static state above is shared. */
    public static class AsyncApp extends Flask {
        public AsyncApp() {
            super("asyncapp");
            config().put("SECRET_KEY", "async-container-test-key-0123456789");
            addUrlRule("/later/<name>", "later", args -> {
                g().put("id", "req-" + args.get("name"));
                g().put("viewThread", Thread.currentThread().getName());
                session().put("user", args.get("name"));
                return CompletableFuture.supplyAsync(() -> {
                    sleep(100);
                    return "done " + args.get("name");
                }, COMPLETER_POOL);
            });
            addUrlRule("/quick/<name>", "quick", args -> {
                g().put("id", "req-" + args.get("name"));
                session().put("user", args.get("name"));
                return CompletableFuture.supplyAsync(() -> {
                    sleep(2);
                    return "done " + args.get("name");
                }, COMPLETER_POOL);
            });
            addUrlRule("/fails", "fails", args -> {
                g().put("id", "f1");
                return CompletableFuture.supplyAsync(() -> {
                    sleep(20);
                    throw new IllegalArgumentException("late failure");
                }, COMPLETER_POOL);
            });
            addUrlRule("/slow", "slow", args -> {
                g().put("id", "s1");
                return NEVER;
            });
            addUrlRule("/probe", "probe", args -> "g=" + g().names() + " request=" + request().path());
            errorHandler(IllegalArgumentException.class, e -> new Response("handled " + e.getMessage() + " on "
                    + Thread.currentThread().getName() + " for " + g().get("id"), 418));
            errorHandler(503, (HttpException e) -> new Response("timed out " + g().get("id") + ": "
                    + e.description(), 503));
            afterRequest(r -> {
                r.headers().set("X-Seen", Thread.currentThread().getName() + " " + request().path() + " "
                        + g().get("id") + " " + session().get("user") + " view=" + g().get("viewThread"));
                return r;
            });
            teardownRequest(exc -> TEARDOWNS.add(Thread.currentThread().getName() + " " + g().get("id") + " "
                    + exc));
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

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
    private final Logger logger = Logger.getLogger("asyncapp");
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void captureLog() {
        TEARDOWNS.clear();
        logger.setUseParentHandlers(false);
        logger.addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        logger.removeHandler(capture);
        logger.setUseParentHandlers(true);
    }

    @AfterAll
    static void stopPool() {
        COMPLETER_POOL.shutdownNow();
    }

    private static Path webapp(Path dir, boolean asyncSupported) throws IOException {
        Files.createDirectories(dir.resolve("WEB-INF"));
        Files.writeString(dir.resolve("WEB-INF/web.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <context-param><param-name>ASYNC_TIMEOUT</param-name><param-value>1.0</param-value></context-param>
                  <filter>
                    <filter-name>flask</filter-name>
                    <filter-class>dev.flaskj.FlaskFilter</filter-class>
                    <async-supported>%s</async-supported>
                    <init-param><param-name>app</param-name><param-value>%s</param-value></init-param>
                  </filter>
                  <filter-mapping><filter-name>flask</filter-name><url-pattern>/*</url-pattern></filter-mapping>
                </web-app>
                """.formatted(asyncSupported, AsyncApp.class.getName()));
        return dir;
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The teardowns recorded once {@code n} have run (at most 10 s): teardown runs after the body is written, so
     * the client may have the response a moment before it.
     */
    private static List<String> teardowns(int n) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (TEARDOWNS.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return List.copyOf(TEARDOWNS);
    }

    private long warningsContaining(String text) {
        synchronized (capture) {
            return logged.stream().filter(r -> r.getLevel() == Level.WARNING && r.getMessage().contains(text)).count();
        }
    }

    @Test
    void theCompletingThreadRunsHooksSessionSaveAndTeardownWithTheContextsPushed(@TempDir Path dir)
            throws Exception {
        try (EmbeddedTomcat server = EmbeddedTomcat.start(webapp(dir.resolve("app"), true), "/myapplication")) {
            HttpResponse<String> r = get(server.baseUri().resolve("later/ann"));

            assertEquals(200, r.statusCode());
            assertEquals("done ann", r.body());
            String[] seen = r.headers().firstValue("X-Seen").orElse("").split(" ");
            assertEquals(COMPLETER, seen[0], "after-request ran on the completing thread: " + String.join(" ", seen));
            assertEquals("/later/ann req-ann ann", seen[1] + " " + seen[2] + " " + seen[3]);
            assertNotEquals("view=" + COMPLETER, seen[4], "the view ran on a container thread");
            assertTrue(r.headers().firstValue("Set-Cookie").orElse("").startsWith("session="),
                    "the session was saved on the completing thread: " + r.headers().map());
            assertEquals(List.of(COMPLETER + " req-ann null"), teardowns(1));
            assertFalse(COMPLETER_POOL.submit(Flask::hasAppContext).get(),
                    "the completing thread kept the request's contexts");
            assertEquals(0, warningsContaining(""), logged.toString());
        }
    }

    @Test
    void anExceptionalCompletionGoesThroughTheErrorHandlers(@TempDir Path dir) throws Exception {
        try (EmbeddedTomcat server = EmbeddedTomcat.start(webapp(dir.resolve("app"), true), "/myapplication")) {
            HttpResponse<String> r = get(server.baseUri().resolve("fails"));

            assertEquals(418, r.statusCode());
            assertEquals("handled late failure on " + COMPLETER + " for f1", r.body());
            assertEquals(List.of(COMPLETER + " f1 null"), teardowns(1));
        }
    }

    @Test
    void aStageThatNeverCompletesIsAnswered503AfterTheTimeout(@TempDir Path dir) throws Exception {
        try (EmbeddedTomcat server = EmbeddedTomcat.start(webapp(dir.resolve("app"), true), "/myapplication")) {
            HttpResponse<String> r = get(server.baseUri().resolve("slow"));

            assertEquals(503, r.statusCode());
            assertTrue(r.body().startsWith("timed out s1: "), r.body());
            List<String> teardowns = teardowns(1);
            assertEquals(1, teardowns.size(), teardowns.toString());
            assertTrue(teardowns.get(0).endsWith(" s1 null"), teardowns.toString());
            assertFalse(NEVER.isDone());
        }
    }

    @Test
    void noContextLeaksBetweenRequests(@TempDir Path dir) throws Exception {
        try (EmbeddedTomcat server = EmbeddedTomcat.start(webapp(dir.resolve("app"), true), "/myapplication")) {
            List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                pending.add(client.sendAsync(HttpRequest.newBuilder(server.baseUri().resolve("quick/u" + i)).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            for (int i = 0; i < 40; i++) {
                HttpResponse<String> r = pending.get(i).join();
                assertEquals("done u" + i, r.body());
                assertTrue(r.headers().firstValue("X-Seen").orElse("").contains(" /quick/u" + i + " req-u" + i + " u"
                        + i + " "), r.headers().firstValue("X-Seen").orElse(""));
            }
            // The container threads that returned the stages serve these: they must start clean, with no warning.
            for (int i = 0; i < 20; i++) {
                assertEquals("g=[] request=/probe", get(server.baseUri().resolve("probe")).body());
            }
            assertFalse(COMPLETER_POOL.submit(Flask::hasRequestContext).get());
            assertEquals(0, warningsContaining(""), "a thread still held a request's contexts: " + logged);
        }
    }

    @Test
    void withoutAsyncSupportTheRequestThreadWaitsAndAWarningSaysHowToEnableIt(@TempDir Path dir)
            throws Exception {
        try (EmbeddedTomcat server = EmbeddedTomcat.start(webapp(dir.resolve("app"), false), "/myapplication")) {
            HttpResponse<String> r = get(server.baseUri().resolve("later/bob"));
            HttpResponse<String> again = get(server.baseUri().resolve("later/cy"));

            assertEquals("done bob", r.body());
            assertEquals("done cy", again.body());
            String[] seen = r.headers().firstValue("X-Seen").orElse("").split(" ");
            assertNotEquals(COMPLETER, seen[0], "without servlet async the request thread finishes the request");
            assertEquals("/later/bob req-bob bob", seen[1] + " " + seen[2] + " " + seen[3]);
            assertEquals(1, warningsContaining("<async-supported>true</async-supported>"),
                    "one warning, naming the fix: " + logged);
        }
    }
}
