package dev.flaskj.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.it.apps.VirtualThreadApp;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * flaskj unchanged on virtual threads: the container of this run (Tomcat 11 with {@code useVirtualThreads}, Jetty 12
 * with {@code VirtualThreadPool}) in a forked JDK 21+ JVM, the build itself staying on Java 17. 2000 requests at
 * once to a view that puts the request's id in g(), sleeps 20 ms and reads it back: every response must echo its
 * own id, from a virtual thread. The JDK is {@code -Dit.vthreads.java=<path to bin/java>}, else the newest JDK 21+
 * under {@code /usr/lib/jvm}; the test fails (never skips) when there is none.
 */
class VirtualThreadsIT {
    private static final int REQUESTS = 2000;
    private static ForkedServer server;
    private static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        Path webapp = TestWebapps.build(VirtualThreadApp.class, Map.of());
        server = ForkedServer.start(virtualThreadJava(), List.of("-Xmx512m",
                "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED"),
                VirtualThreadServers.class, List.of(Containers.kind(), webapp.toString()));
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30)).build();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** The java launcher of a JDK 21 or newer: the system property, else the newest one under /usr/lib/jvm. */
    static Path virtualThreadJava() throws IOException {
        String configured = System.getProperty("it.vthreads.java", "").trim();
        if (!configured.isEmpty()) {
            Path java = Path.of(configured);
            if (!Files.isExecutable(java)) {
                throw new IllegalStateException("it.vthreads.java=" + configured + " is not an executable java");
            }
            return java;
        }
        if (Runtime.version().feature() >= 21) {
            return Path.of(System.getProperty("java.home"), "bin", "java");
        }
        Path jvms = Path.of("/usr/lib/jvm");
        Optional<Path> found = Optional.empty();
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> dirs = Files.list(jvms)) {
                found = dirs.filter(d -> Files.isExecutable(d.resolve("bin/java")) && featureVersion(d) >= 21)
                        .max(Comparator.comparingInt(VirtualThreadsIT::featureVersion))
                        .map(d -> d.resolve("bin/java"));
            }
        }
        return found.orElseThrow(() -> new IllegalStateException("The virtual-thread test needs a JDK 21 or newer"
                + " (this build runs on Java " + Runtime.version().feature() + "). None was found under " + jvms
                + "; install one (e.g. Temurin 25) or pass -Dit.vthreads.java=/path/to/jdk/bin/java."));
    }

    /** JAVA_VERSION="25.0.1" in the JDK's release file gives 25; 0 when unreadable. */
    private static int featureVersion(Path jdk) {
        try {
            Matcher m = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)").matcher(Files.readString(jdk.resolve("release")));
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static CompletableFuture<HttpResponse<String>> send(String path) {
        return client.sendAsync(HttpRequest.newBuilder(server.uri(Containers.CONTEXT_PATH + path))
                .timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends {@code REQUESTS} at once to {@code prefix + id}; returns the problems (expected body is checked). */
    private static List<String> burst(String prefix, boolean checkHeader, String label) {
        List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>(REQUESTS);
        long start = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            pending.add(send(prefix + "r" + i));
        }
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        int mismatches = 0;
        int notVirtual = 0;
        int failed = 0;
        for (int i = 0; i < REQUESTS; i++) {
            String id = "r" + i;
            try {
                HttpResponse<String> r = pending.get(i).get(180, TimeUnit.SECONDS);
                String expected = checkHeader ? id + " virtual" : id + " " + id + " virtual";
                boolean headerOk = !checkHeader || id.equals(r.headers().firstValue("X-G-Id").orElse(null));
                if (r.statusCode() != 200) {
                    failed++;
                    problems.add(id + " -> " + r.statusCode() + " " + r.body());
                } else if (!r.body().startsWith(id + " ") || !headerOk
                        || (!checkHeader && !r.body().startsWith(id + " " + id + " "))) {
                    mismatches++;
                    problems.add(id + " -> " + r.body() + " X-G-Id=" + r.headers().firstValue("X-G-Id"));
                } else if (!r.body().equals(expected)) {
                    notVirtual++;
                    problems.add(id + " -> " + r.body());
                }
            } catch (Exception e) {
                failed++;
                problems.add(id + " -> " + e);
            }
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        System.out.println(server.name() + " on virtual threads, " + label + ": " + REQUESTS
                + " concurrent requests in " + ms + " ms, " + mismatches + " context mismatches, " + notVirtual
                + " not on a virtual thread, " + failed + " failed");
        return problems;
    }

    @Test
    void twoThousandConcurrentBlockingRequestsEachSeeTheirOwnContext() throws Exception {
        // Warm-up: class loading and JIT, so the burst measures serving.
        for (int i = 0; i < 20; i++) {
            assertEquals(200, send("/vt/warm" + i).get(60, TimeUnit.SECONDS).statusCode());
        }
        List<String> problems = burst("/vt/", false, "blocking view (Thread.sleep 20 ms)");
        String peak = send("/vt-peak").get(60, TimeUnit.SECONDS).body();
        System.out.println(server.name() + ": at most " + peak + " views were sleeping at once");

        assertTrue(problems.isEmpty(), problems.size() + " problems, e.g. "
                + problems.subList(0, Math.min(5, problems.size())));
    }

    @Test
    void twoThousandConcurrentAsyncViewsEachSeeTheirOwnContext() {
        List<String> problems = burst("/vt-async/", true, "CompletionStage view (20 ms)");

        assertTrue(problems.isEmpty(), problems.size() + " problems, e.g. "
                + problems.subList(0, Math.min(5, problems.size())));
    }
}
