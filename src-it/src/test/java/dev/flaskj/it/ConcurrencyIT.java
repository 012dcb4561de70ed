package dev.flaskj.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.it.apps.ConcurrencyApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * 64 clients for 20 s against a view that keeps a per-request token in g() and in a request attribute: a pooled
 * container thread must never see another request's context (issue 4).
 */
class ConcurrencyIT {
    private static final int CLIENTS = 64;
    private static final Duration RUN = Duration.ofSeconds(20);

    @Test
    void contextsNeverLeakBetweenConcurrentRequests() throws Exception {
        try (TestServer server = Containers.deploy(TestWebapps.build(ConcurrencyApp.class, Map.of()), "concurrency")) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            AtomicLong ok = new AtomicLong();
            AtomicLong mismatches = new AtomicLong();
            AtomicLong serverErrors = new AtomicLong();
            List<String> samples = java.util.Collections.synchronizedList(new ArrayList<>());
            Instant end = Instant.now().plus(RUN);
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int clientId = c;
                futures.add(pool.submit(() -> {
                    for (long n = 0; Instant.now().isBefore(end); n++) {
                        String token = "c" + clientId + "-" + n;
                        URI uri = server.uri("/myapplication/echo/" + token);
                        HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                                .build(), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() >= 500) {
                            serverErrors.incrementAndGet();
                        } else if (r.statusCode() == 200 && r.body().equals(token + " " + token)) {
                            ok.incrementAndGet();
                        } else {
                            mismatches.incrementAndGet();
                            if (samples.size() < 5) {
                                samples.add(token + " -> " + r.statusCode() + " " + r.body());
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            pool.shutdown();
            System.out.println(server.name() + ": " + ok.get() + " requests, " + mismatches.get() + " mismatches, "
                    + serverErrors.get() + " 5xx");
            assertEquals(0, mismatches.get(), samples.toString());
            assertEquals(0, serverErrors.get());
            assertTrue(ok.get() > CLIENTS * 10L, "only " + ok.get() + " requests completed");
        }
    }
}
