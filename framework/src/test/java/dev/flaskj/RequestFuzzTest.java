package dev.flaskj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.flaskj.testing.FakeFilterChain;
import dev.flaskj.testing.FakeHttpServletRequest;
import dev.flaskj.testing.FakeHttpServletResponse;
import dev.flaskj.testing.FakeServletContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random and adversarial requests through the whole server path, as a container sends them: {@link FlaskFilter},
 * the dispatcher, the views that read every part of the request, the session save and the response writing.
 * No {@code Throwable} may escape the filter, and every answer is below 500 except where the view throws on
 * purpose. Seeded and bounded; the megabyte inputs would take minutes with a quadratic or backtracking parser,
 * and {@link Timeout} is only the safety net around that (linearity itself is guarded by
 * {@link NoRegexOnRequestDataTest} and the parsers' own tests).
 */
class RequestFuzzTest {
    private static final long SEED = 20240611L;
    private static final int ROUNDS = 20_000;

    @TempDir
    static Path folder;

    private static Flask app;
    private static FlaskFilter filter;
    private static Path file;

    @BeforeAll
    static void setUp() throws Exception {
        file = Files.writeString(folder.resolve("data.txt"), "0123456789".repeat(100));
        app = new Flask("fuzz");
        app.config().put("SECRET_KEY", "fuzz-secret");
        app.logger().setUseParentHandlers(false); // /boom logs on purpose
        app.logger().setLevel(Level.OFF);
        app.addUrlRule("/", "index", args -> "index"); // reads nothing; the session save still looks at cookies
        app.addUrlRule("/read", "read", args -> {
            Request r = Flask.request();
            StringBuilder sb = new StringBuilder();
            sb.append(r.args().getInt("page", 1)).append(r.args().getLong("n", 0L))
                    .append(r.args().getDouble("x", 0.0));
            r.cookies().forEach(e -> sb.append(e.getKey().length()));
            r.headers().forEach(e -> sb.append(e.getValue().length() % 7));
            sb.append(r.form().size()).append(r.files().size()).append(r.values().size());
            sb.append(new Markup(r.args().get("html", "")).striptags().length());
            sb.append(r.mimetype()).append(r.url().length()).append(r.fullPath().length());
            Flask.session().put("seen", sb.length());
            return sb.toString();
        }, RuleOptions.methods("GET", "POST", "PUT"));
        app.addUrlRule("/json", "json", args -> String.valueOf(Flask.request().json()),
                RuleOptions.methods("POST"));
        app.addUrlRule("/file", "file", args -> Flask.sendFile(file));
        app.addUrlRule("/user/<name>", "user", args -> "u" + args.get("name"));
        app.addUrlRule("/post/<int:id>", "post", args -> "p" + args.get("id"));
        app.addUrlRule("/path/<path:rest>", "path", args -> "r" + args.get("rest"));
        app.addUrlRule("/boom", "boom", args -> {
            throw new IllegalStateException("deliberate");
        });
        filter = new FlaskFilter(app);
        filter.init(ErrorPathTest.config(new FakeServletContext("/myapplication")));
    }

    @AfterAll
    static void tearDown() {
        app.logger().setUseParentHandlers(true);
        app.logger().setLevel(null);
    }

    /** Sends one request; fails the test when anything escapes the filter. */
    private static FakeHttpServletResponse send(String method, String rawPath, String query,
            Consumer<FakeHttpServletRequest> customise) {
        FakeHttpServletRequest req = new FakeHttpServletRequest(method, "/myapplication" + rawPath);
        req.setContextPath("/myapplication");
        req.setQueryString(query);
        req.setServletContext(new FakeServletContext("/myapplication"));
        customise.accept(req);
        FakeHttpServletResponse res = new FakeHttpServletResponse();
        try {
            filter.doFilter(req, res, new FakeFilterChain());
        } catch (Throwable t) {
            fail("escaped the filter for " + method + " " + shorten(rawPath) + "?" + shorten(query), t);
        }
        return res;
    }

    private static String shorten(String s) {
        return s == null ? "" : s.length() > 120 ? s.substring(0, 120) + "...(" + s.length() + ")" : s;
    }

    private static void assertBelow500(FakeHttpServletResponse res, String what) {
        assertTrue(res.getStatus() < 500, () -> "status " + res.getStatus() + " for " + shorten(what) + ": "
                + shorten(res.bodyText()));
        assertTrue(!res.bodyText().contains("at dev.flaskj."), "no stack trace in a response");
    }

    private static String random(Random rnd, String alphabet, int maxLength) {
        int len = rnd.nextInt(maxLength + 1);
        StringBuilder sb = new StringBuilder(len);
        for (int i = 0; i < len; i++) {
            sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    // Characters that matter to each parser: separators, quotes, escapes, whitespace, Latin-1 and control bytes.
    private static final String COOKIE_CHARS = "a=;\"\\ \t,\u00e9\u00ff\u0001session.x_-/";
    private static final String QUERY_CHARS = "a=&+%2F0123456789_-.eEiInf page=n=x=html=<>!/\u00e9";
    private static final String HEADER_CHARS = "\"W/, *-=;0123456789bytes\t a\u00a0\u001c";
    private static final String PATH_CHARS = "abc/..%2e%2F%00\\0123456789-_~;.";
    private static final String JSON_CHARS = "{}[]\":,0123456789.eE+-truefalsnul \\u\u00e9";

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void randomRequestsNeverEscapeAndNeverAnswer500() {
        Random rnd = new Random(SEED);
        int served = 0;
        for (int round = 0; round < ROUNDS; round++) {
            String cookie = random(rnd, COOKIE_CHARS, 64);
            String query = random(rnd, QUERY_CHARS, 64);
            String headerValue = random(rnd, HEADER_CHARS, 48);
            String target = switch (rnd.nextInt(6)) {
                case 0 -> "/";
                case 1, 2 -> "/read";
                case 3 -> "/file";
                case 4 -> "/user/" + random(rnd, PATH_CHARS, 24);
                default -> "/" + random(rnd, PATH_CHARS, 32);
            };
            String header = List.of("If-None-Match", "If-Match", "Range", "If-Range", "If-Modified-Since",
                    "Content-Type", "Accept", "User-Agent").get(rnd.nextInt(8));
            String method = target.equals("/read") && rnd.nextBoolean() ? "POST" : "GET";
            byte[] body = method.equals("POST") ? random(rnd, QUERY_CHARS, 64).getBytes(StandardCharsets.UTF_8) : null;
            String what = method + " " + target + "?" + query + " Cookie: " + cookie + " " + header + ": "
                    + headerValue;
            FakeHttpServletResponse res = send(method, target, query, req -> {
                req.setHeader("Cookie", cookie);
                req.setHeader(header, headerValue);
                if (body != null) {
                    req.setBody(body, rnd.nextBoolean() ? "application/x-www-form-urlencoded" : headerValue);
                }
            });
            assertBelow500(res, what);
            served++;
        }
        assertEquals(ROUNDS, served);
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void randomJsonBodiesNeverEscape() {
        Random rnd = new Random(SEED + 1);
        for (int round = 0; round < 2_000; round++) {
            String doc = random(rnd, JSON_CHARS, 48);
            FakeHttpServletResponse res = send("POST", "/json", null,
                    req -> req.setBody(doc.getBytes(StandardCharsets.UTF_8), "application/json"));
            assertBelow500(res, "json " + doc);
        }
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void randomMultipartFramingsNeverEscape() {
        Random rnd = new Random(SEED + 2);
        String[] pieces = {"--b\r\n", "--b--\r\n", "\r\n", "Content-Disposition: form-data; name=\"f\"",
            "; filename=\"a\\\"b.txt\"", "Content-Type: text/plain", "data", "--", "b", "\r", "\n", "\"", ";"};
        for (int round = 0; round < 2_000; round++) {
            StringBuilder sb = new StringBuilder();
            int n = rnd.nextInt(16);
            for (int i = 0; i < n; i++) {
                sb.append(pieces[rnd.nextInt(pieces.length)]);
            }
            byte[] body = sb.toString().getBytes(StandardCharsets.UTF_8);
            String type = rnd.nextInt(4) == 0 ? "multipart/form-data" : "multipart/form-data; boundary=b";
            FakeHttpServletResponse res = send("POST", "/read", null, req -> req.setBody(body, type));
            assertBelow500(res, "multipart " + sb);
        }
    }

    @Test
    void theDeliberateFailureIsFlaskjs500() {
        FakeHttpServletResponse res = send("GET", "/boom", null, req -> {});
        assertEquals(500, res.getStatus());
        assertTrue(res.bodyText().contains("<h1>Internal Server Error</h1>"));
    }

    /** Inputs that cost minutes (or a stack overflow) with a backtracking or quadratic parser. */
    static Stream<String[]> adversarial() {
        int mb = 1 << 20;
        return Stream.of(
                new String[] {"Cookie", "theme=\"" + "a".repeat(7 * 1024) + "\""},
                new String[] {"Cookie", "theme=\"" + "a".repeat(mb) + "\""},
                new String[] {"Cookie", "x=\"" + "\\\"".repeat(mb / 2) + "\"; session=abc"},
                new String[] {"Cookie", "a=" + " =".repeat(mb / 2) + "b;c=1"},
                new String[] {"If-None-Match", "\"a\", ".repeat(mb / 6)},
                new String[] {"If-None-Match", "\"a, ".repeat(mb / 4)},
                new String[] {"If-Match", "W/\"" + " ".repeat(mb) + "x"},
                new String[] {"Range", "bytes=" + "0-1,".repeat(mb / 4)},
                new String[] {"If-Modified-Since", "Sun, " + " ".repeat(mb) + "06 Nov 1994 08:49:37 GMT"},
                new String[] {"Content-Type", "text/plain;" + " a=\"b\";".repeat(mb / 8)});
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void megabyteInputsOfAdversarialShape() {
        List<String> statuses = new ArrayList<>();
        adversarial().forEach(h -> {
            for (String target : new String[] {"/", "/read", "/file"}) {
                FakeHttpServletResponse res = send("GET", target, null, req -> req.setHeader(h[0], h[1]));
                assertBelow500(res, target + " " + h[0] + ": " + h[1]);
                statuses.add(h[0] + " " + res.getStatus());
            }
        });
        int mb = 1 << 20;
        for (String query : new String[] {"page=" + "1_".repeat(2048) + "1", "page=" + "1_".repeat(mb / 2) + "1",
            "x=" + "1_".repeat(mb / 2) + ".5", "html=" + "%3Cb%3Ex%3C/b%3E".repeat(mb / 16),
            "a".repeat(mb) + "=" + "&".repeat(mb)}) {
            FakeHttpServletResponse res = send("GET", "/read", query, req -> {});
            assertEquals(200, res.getStatus(), () -> shorten(query) + ": " + shorten(res.bodyText()));
        }
        // The 7 KB quoted cookie on a view that reads nothing: the session save parses it.
        FakeHttpServletResponse res = send("GET", "/", null,
                req -> req.setHeader("Cookie", "theme=\"" + "a".repeat(7 * 1024) + "\""));
        assertEquals(200, res.getStatus());
        assertEquals("index", res.bodyText());
        assertTrue(statuses.size() > 0);
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void longPathsAndBodiesOfAdversarialShape() throws IOException {
        int mb = 1 << 20;
        for (String path : new String[] {"/user/" + "a".repeat(mb), "/path/" + "a/".repeat(mb / 2),
            "/post/" + "1".repeat(mb), "/" + "%2e%2e/".repeat(mb / 8)}) {
            assertBelow500(send("GET", path, null, req -> {}), path);
        }
        byte[] form = ("a=" + "b".repeat(mb) + "&" + "c=d&".repeat(mb / 8)).getBytes(StandardCharsets.UTF_8);
        // Over MAX_FORM_MEMORY_SIZE (Flask's 500 kB): 413, a client error like any other.
        assertBelow500(send("POST", "/read", null, req -> req.setBody(form, "application/x-www-form-urlencoded")),
                "form");
        byte[] json = ("[" + "1,".repeat(mb / 2) + "1]").getBytes(StandardCharsets.UTF_8);
        assertBelow500(send("POST", "/json", null, req -> req.setBody(json, "application/json")), "json array");
    }
}
