package dev.flaskj.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.it.apps.ReliabilityApp;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The container in its own JVM at {@code -Xmx256m}, 64 connections of mixed traffic for
 * {@code -Dit.reliability.seconds} (default 60): sessions, uploads (in memory and spooled to disk), JSON, static
 * files, 4xx errors, and hostile input — a 7 KB quoted cookie, a 4 KB {@code page=1_1_1…}, session cookies forged
 * with an empty key, {@code /admin/../x}, {@code Host: evil.example} against {@code TRUSTED_HOSTS}, repeated
 * {@code X-Forwarded-For} lines, a 50 MB JSON body without {@code MAX_CONTENT_LENGTH}, bodies shorter than their
 * {@code Content-Length}, multipart without its final boundary, JSON that is not UTF-8.
 *
 * <p>Every response is checked against what that request must get. At the end: no 5xx, no response carrying another
 * request's id, no request whose answer was wrong or missing, no file left in the servlet context's temp folder,
 * and the heap after a full GC no more than 10 % above its value before the run (after a warm-up with the same
 * traffic, so pools and caches are at size).
 */
class ReliabilityIT {
    private static final int CONNECTIONS = 64;
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("it.reliability.seconds", 60));
    private static final Duration WARMUP = Duration.ofSeconds(Math.min(10, Math.max(2, RUN.toSeconds() / 6)));
    private static final int TIMEOUT_MS = 30_000;
    private static final String APP = Containers.CONTEXT_PATH;
    private static final String SECRET_KEY = HexFormat.of().formatHex(new SecureRandom().generateSeed(32));

    /** One kind of request: how to send it (given the request id) and what its answer must be. */
    private record Case(String name, Function<String, Sent> request, Function<RawHttp.Result, String> check) {}

    /** The bytes of one request. */
    private record Sent(String head, byte[] body, boolean halfClose) {}

    private int port;
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
    private final Map<String, List<String>> samples = new ConcurrentHashMap<>();
    private final AtomicLong serverErrors = new AtomicLong();
    private final AtomicLong mismatches = new AtomicLong();
    private final Semaphore hugeBody = new Semaphore(1); // one 50 MB body at a time: it is about parsing, not RAM

    @Test
    void mixedAndHostileTrafficLeavesNoErrorsNoLeaksNoTempFiles() throws Exception {
        Path webapp = TestWebapps.build(ReliabilityApp.class, Map.of("SECRET_KEY", SECRET_KEY,
                "TRUSTED_HOSTS", "[\"127.0.0.1\", \"localhost\"]"));
        addProxyFix(webapp);
        long cssLength = Files.size(webapp.resolve("static/style.css"));
        try (ForkedServer server = ForkedServer.start(webapp, List.of("-Xmx256m", "-XX:+UseSerialGC"))) {
            port = server.base().getPort();
            List<Case> cases = cases(cssLength);
            Path tempDir = Path.of(get("/_tempdir").text());
            assertTrue(Files.isDirectory(tempDir), "no context temp dir: " + tempDir);

            run(cases, WARMUP, "warm-up");
            Set<String> tempBefore = files(tempDir);
            long heapBefore = Long.parseLong(get("/_heap").text().strip());
            counts.clear();
            failures.clear();
            samples.clear();
            serverErrors.set(0);
            mismatches.set(0);

            long total = run(cases, RUN, "run");
            Set<String> tempAfter = files(tempDir);
            tempAfter.removeAll(tempBefore);
            long heapAfter = Long.parseLong(get("/_heap").text().strip());
            assertTrue(server.isAlive(), "the server JVM died; see its server.log");

            StringBuilder report = new StringBuilder(server.name() + " pid " + server.pid() + ": " + total
                    + " requests in " + RUN.toSeconds() + " s, " + serverErrors + " 5xx, " + mismatches
                    + " context mismatches, " + tempAfter.size() + " temp files left, heap after GC "
                    + heapBefore / 1024 + " KiB before, " + heapAfter / 1024 + " KiB after\n");
            new TreeMap<>(counts).forEach((name, n) -> {
                long failed = failures.getOrDefault(name, new AtomicLong()).get();
                report.append(String.format("  %-22s %7d sent %7d wrong%s%n", name, n.get(), failed,
                        failed == 0 ? "" : "  e.g. " + samples.get(name)));
            });
            System.out.println(report);
            long wrong = failures.values().stream().mapToLong(AtomicLong::get).sum();
            assertTrue(wrong == 0 && serverErrors.get() == 0 && mismatches.get() == 0 && tempAfter.isEmpty()
                    && heapAfter <= heapBefore * 1.10, report + (tempAfter.isEmpty() ? "" : "temp files: "
                    + tempAfter.stream().limit(10).toList()));
            assertTrue(total > CONNECTIONS * 10L, "only " + total + " requests completed\n" + report);
        }
    }

    /** Runs all connections for {@code length}; returns the number of requests sent. */
    private long run(List<Case> cases, Duration length, String label) throws Exception {
        Instant end = Instant.now().plus(length);
        ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
        AtomicLong sent = new AtomicLong();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int c = 0; c < CONNECTIONS; c++) {
                int worker = c;
                futures.add(pool.submit(() -> {
                    for (long n = 0; Instant.now().isBefore(end); n++) {
                        Case k = cases.get((int) ((worker + n) % cases.size()));
                        if (k.name().equals("json-50MB")) {
                            if (!hugeBody.tryAcquire()) {
                                continue;
                            }
                            try {
                                send(k, label + "-" + worker + "-" + n);
                            } finally {
                                hugeBody.release();
                            }
                        } else {
                            send(k, label + "-" + worker + "-" + n);
                        }
                        sent.incrementAndGet();
                    }
                    return null;
                }));
            }
            long deadline = System.nanoTime() + length.plusSeconds(120).toNanos();
            for (Future<?> f : futures) {
                f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }
        return sent.get();
    }

    private void send(Case k, String rid) {
        counts.computeIfAbsent(k.name(), x -> new AtomicLong()).incrementAndGet();
        String problem;
        try {
            currentRid.set(rid);
            Sent s = k.request().apply(rid);
            RawHttp.Result r = RawHttp.exchange(port, s.head(), s.body(), s.halfClose(), TIMEOUT_MS);
            String echo = r.header("X-Echo-Id");
            if (r.status() >= 500) {
                serverErrors.incrementAndGet();
            }
            if (echo != null && !echo.equals(rid)) {
                mismatches.incrementAndGet();
                problem = "context mismatch: sent " + rid + ", got " + echo;
            } else if (r.status() / 100 == 2 && echo == null) {
                mismatches.incrementAndGet();
                problem = "2xx without the request id";
            } else {
                problem = k.check().apply(r);
            }
            if (problem != null) {
                problem = problem + " [" + r.brief() + "]";
            }
        } catch (IOException | RuntimeException e) {
            problem = "no answer: " + e;
        }
        if (problem != null) {
            failures.computeIfAbsent(k.name(), x -> new AtomicLong()).incrementAndGet();
            List<String> list = samples.computeIfAbsent(k.name(), x -> java.util.Collections.synchronizedList(
                    new ArrayList<>()));
            if (list.size() < 2) {
                list.add(problem);
            }
        }
    }

    // ------------------------------------------------------------------ the requests

    private List<Case> cases(long cssLength) throws IOException {
        List<Case> c = new ArrayList<>();
        byte[] small = random(2000);
        byte[] large = random(700 * 1024); // above the in-memory threshold: spooled to a temp file
        byte[] huge = hugeJson(50 * 1024 * 1024);
        String forged = forgedSession("admin");
        String session = loginCookie("user-setup");

        c.add(new Case("login", rid -> post("/login", "application/x-www-form-urlencoded",
                ("username=" + URLEncoder.encode("user-" + rid, StandardCharsets.UTF_8)).getBytes(
                        StandardCharsets.US_ASCII), ""), r -> r.status() == 200 && r.text().startsWith("ok user-")
                && r.header("Set-Cookie") != null && r.header("Set-Cookie").startsWith("session=") ? null
                : "expected 200 with a session cookie"));
        c.add(new Case("whoami", rid -> get("/whoami", ""), r -> expect(r, 200, "anonymous")));
        c.add(new Case("whoami-session", rid -> get("/whoami", "Cookie: " + session + "\r\n"),
                r -> expect(r, 200, "user-setup")));
        c.add(new Case("upload-small", rid -> multipart("/upload", small, true, ""),
                r -> expect(r, 200, sizeAndCrc(small))));
        c.add(new Case("upload-700KB", rid -> multipart("/upload", large, true, ""),
                r -> expect(r, 200, sizeAndCrc(large))));
        c.add(new Case("json", rid -> post("/json", "application/json",
                "{\"a\": [1, 2, 3], \"pad\": \"xyz\", \"n\": null}".getBytes(StandardCharsets.UTF_8), ""),
                r -> r.status() == 200 && r.text().contains("\"members\":3") && r.text().contains("\"pad\":3")
                        ? null : "expected 200 {members:3, pad:3}"));
        c.add(new Case("static", rid -> get("/static/style.css", ""), r -> r.status() == 200
                && r.body().length == cssLength ? null : "expected 200 with the " + cssLength + "-byte file"));
        c.add(new Case("error-404", rid -> get("/nope", ""), r -> expect(r, 404, null)));
        c.add(new Case("error-405", rid -> post("/whoami", "text/plain", new byte[0], ""), r -> expect(r, 405, null)));
        c.add(new Case("error-403", rid -> get("/forbidden", ""), r -> expect(r, 403, null)));

        String bigCookie = "theme=\"" + "a".repeat(7 * 1024) + "\"";
        c.add(new Case("cookie-7KB-quoted", rid -> get("/theme", "Cookie: " + bigCookie + "\r\n"),
                r -> expect(r, 200, String.valueOf(7 * 1024))));
        String page = "1_".repeat(2048);
        c.add(new Case("page-1_1_1-4KB", rid -> get("/items?page=" + page, ""),
                r -> r.status() == 200 || r.status() == 400 ? null : "expected 200 or 400"));
        c.add(new Case("session-empty-key", rid -> get("/whoami", "Cookie: session=" + forged + "\r\n"),
                r -> expect(r, 200, "anonymous")));
        c.add(new Case("dot-segments", rid -> get("/admin/../x", ""),
                r -> r.text().startsWith("admin:") ? "reached the admin view"
                        : (r.status() == 200 && r.text().equals("x")) || r.status() == 400 || r.status() == 404
                        ? null : "expected 200 x, 400 or 404"));
        c.add(new Case("host-evil", rid -> new Sent("GET " + APP + "/x HTTP/1.1\r\nHost: evil.example\r\n"
                + "X-Request-Id: " + rid + "\r\nConnection: close\r\n\r\n", null, false), r -> expect(r, 400, null)));
        c.add(new Case("xff-repeated", rid -> get("/proxied", "X-Forwarded-For: 1.1.1.1\r\n"
                + "X-Forwarded-For: 2.2.2.2, 3.3.3.3\r\n"), r -> r.status() == 400
                || (r.status() == 200 && r.text().equals("3.3.3.3")) ? null
                : "expected 200 3.3.3.3 (the last entry of the joined lines) or 400"));
        c.add(new Case("json-50MB", rid -> post("/json", "application/json", huge, ""),
                r -> r.status() == 413 || (r.status() == 200 && r.text().contains("\"pad\":" + (huge.length - 10)))
                        ? null : "expected 200 with the pad length, or 413"));
        c.add(new Case("json-truncated", rid -> new Sent(head("POST", "/json", "Content-Type: application/json\r\n"
                + "Content-Length: 1000\r\n", rid), "{\"a\": \"only part".getBytes(StandardCharsets.UTF_8), true),
                r -> expect(r, 400, null)));
        c.add(new Case("form-truncated", rid -> new Sent(head("POST", "/login",
                "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 5000\r\n", rid),
                "username=half".getBytes(StandardCharsets.US_ASCII), true), r -> expect(r, 400, null)));
        c.add(new Case("multipart-no-end", rid -> multipart("/upload", small, false, ""), r -> expect(r, 400, null)));
        c.add(new Case("json-invalid-utf8", rid -> post("/json", "application/json",
                new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xff, (byte) 0xfe, (byte) 0xc3, '"', '}'}, ""),
                r -> expect(r, 400, null)));
        return c;
    }

    private static String expect(RawHttp.Result r, int status, String body) {
        if (r.status() != status) {
            return "expected " + status;
        }
        return body == null || r.text().equals(body) ? null : "expected body " + body;
    }

    private static String head(String method, String path, String extraHeaders, String rid) {
        return method + " " + APP + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Request-Id: " + rid
                + "\r\nConnection: close\r\n" + extraHeaders + "\r\n";
    }

    private Sent get(String path, String extraHeaders) {
        return new Sent(head("GET", path, extraHeaders, currentRid.get()), null, false);
    }

    private Sent post(String path, String contentType, byte[] body, String extraHeaders) {
        return new Sent(head("POST", path, "Content-Type: " + contentType + "\r\nContent-Length: " + body.length
                + "\r\n" + extraHeaders, currentRid.get()), body, false);
    }

    private Sent multipart(String path, byte[] content, boolean finalBoundary, String extraHeaders) {
        String boundary = "----flaskj-reliability-boundary";
        byte[] start = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"f\"; filename=\"data.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] end = (finalBoundary ? "\r\n--" + boundary + "--\r\n" : "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[start.length + content.length + end.length];
        System.arraycopy(start, 0, body, 0, start.length);
        System.arraycopy(content, 0, body, start.length, content.length);
        System.arraycopy(end, 0, body, start.length + content.length, end.length);
        return post(path, "multipart/form-data; boundary=" + boundary, body, extraHeaders);
    }

    /** The id of the request being built, set by {@link #send} through the case's function argument. */
    private final ThreadLocal<String> currentRid = new ThreadLocal<>();

    /** A request outside the traffic (setup, heap, temp dir), with its own short timeout. */
    private RawHttp.Result get(String path) throws IOException {
        RawHttp.Result r = RawHttp.exchange(port, "GET " + APP + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Connection: close\r\n\r\n", null, false, 60_000);
        if (r.status() != 200) {
            throw new IOException(path + ": " + r.brief());
        }
        return r;
    }

    /** Logs in once and returns the {@code session=...} cookie pair. */
    private String loginCookie(String user) throws IOException {
        byte[] form = ("username=" + user).getBytes(StandardCharsets.US_ASCII);
        RawHttp.Result r = RawHttp.exchange(port, "POST " + APP + "/login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length
                + "\r\nConnection: close\r\n\r\n", form, false, 60_000);
        String cookie = r.header("Set-Cookie");
        if (r.status() != 200 || cookie == null) {
            throw new IOException("login failed: " + r.brief());
        }
        return cookie.split(";", 2)[0];
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new java.util.Random(n).nextBytes(b);
        return b;
    }

    private static String sizeAndCrc(byte[] b) {
        CRC32 crc = new CRC32();
        crc.update(b);
        return b.length + ":" + Long.toHexString(crc.getValue());
    }

    /** {"pad":"aaa…"} of exactly {@code size} bytes (the pad is size - 10 characters). */
    private static byte[] hugeJson(int size) {
        byte[] b = new byte[size];
        byte[] open = "{\"pad\":\"".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(open, 0, b, 0, open.length);
        java.util.Arrays.fill(b, open.length, size - 2, (byte) 'a');
        b[size - 2] = '"';
        b[size - 1] = '}';
        return b;
    }

    /**
     * A Flask session cookie {"user": name} signed as itsdangerous does (salt cookie-session, HMAC key derivation,
     * HMAC-SHA1) but with an empty secret key. HMAC pads keys with zero bytes to the block size, so the one-byte key
     * {0} gives the same MACs as the empty key (which {@code SecretKeySpec} refuses).
     */
    private static String forgedSession(String name) {
        try {
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String payload = b64.encodeToString(("{\"user\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8));
            long now = Instant.now().getEpochSecond();
            byte[] ts = java.math.BigInteger.valueOf(now).toByteArray();
            String value = payload + "." + b64.encodeToString(ts[0] == 0 ? java.util.Arrays.copyOfRange(ts, 1,
                    ts.length) : ts);
            Mac derive = Mac.getInstance("HmacSHA1");
            derive.init(new SecretKeySpec(new byte[1], "HmacSHA1"));
            byte[] key = derive.doFinal("cookie-session".getBytes(StandardCharsets.US_ASCII));
            Mac sign = Mac.getInstance("HmacSHA1");
            sign.init(new SecretKeySpec(key, "HmacSHA1"));
            return value + "." + b64.encodeToString(sign.doFinal(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Relative paths of the regular files below {@code dir}. */
    private static Set<String> files(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString())
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    /** Maps Werkzeug-default ProxyFix (x_for=1) in front of the app, as a deployment behind one proxy does. */
    private static void addProxyFix(Path webapp) throws IOException {
        Path webXml = webapp.resolve("WEB-INF/web.xml");
        String xml = Files.readString(webXml);
        Files.writeString(webXml, xml.replace("  <filter>\n    <filter-name>flask</filter-name>",
                "  <filter><filter-name>proxy-fix</filter-name>"
                        + "<filter-class>dev.flaskj.middleware.ProxyFix</filter-class></filter>\n"
                        + "  <filter-mapping><filter-name>proxy-fix</filter-name><url-pattern>/proxied</url-pattern>"
                        + "</filter-mapping>\n  <filter>\n    <filter-name>flask</filter-name>"));
        if (!Files.readString(webXml).contains("proxy-fix")) {
            throw new IllegalStateException("web.xml layout changed: " + xml);
        }
    }
}
