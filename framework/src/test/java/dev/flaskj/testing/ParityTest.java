package dev.flaskj.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flaskj.Flask;
import dev.flaskj.Response;
import dev.flaskj.support.Webapps;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test client is the real pipeline: the same 24 requests (routes, redirects, sessions, flashes, uploads,
 * errors) give the same answers through {@code testClient()} and through {@code FlaskFilter} in embedded Tomcat.
 */
class ParityTest {
    private static final String BOUNDARY = "parityBoundary";

    /** The app both sides serve. */
    public static class ParityApp extends Flask {
        public ParityApp() {
            config().put("SECRET_KEY", "parity");
            beforeRequest(() -> request().args().containsKey("stop") ? makeResponse("short-circuit", 203) : null);
            addUrlRule("/", "index", args -> "hello");
            addUrlRule("/user/<name>", "user", args -> "User " + args.get("name"));
            addUrlRule("/post/<int:id>", "post", args -> Map.of("id", args.get("id")));
            addUrlRule("/projects/", "projects", args -> "projects");
            addUrlRule("/about", "about", args -> "about");
            addUrlRule("/login", "login", args -> {
                String user = request().form().get("username");
                session().put("user", user);
                flash("Welcome " + user, "info");
                return redirect(urlFor("me"));
            }, "GET", "POST");
            addUrlRule("/me", "me", args -> session().get("user") + " " + getFlashedMessagesWithCategories());
            addUrlRule("/secret", "secret", args -> {
                throw abort(401);
            });
            addUrlRule("/boom", "boom", args -> {
                throw new IllegalStateException("boom");
            });
            addUrlRule("/search", "search", args -> request().args().getList("q").toString());
            addUrlRule("/json", "json", args -> jsonify(request().json()), "POST");
            addUrlRule("/upload", "upload", args -> {
                var f = request().files().get("file");
                return f.filename() + " " + f.contentType() + " " + new String(f.read(), StandardCharsets.UTF_8)
                        + " " + request().form().get("note");
            }, "POST");
            addUrlRule("/cookie-set", "cookieSet", args -> new Response("set").setCookie("k", "v"));
            addUrlRule("/cookie-read", "cookieRead", args -> request().cookies().get("k", "none"));
            addUrlRule("/need", "need", args -> request().form().get("missing"), "POST");
            addUrlRule("/links", "links", args -> urlFor("user", "name", "a b", "_external", true, "x", "1"));
            addUrlRule("/stream", "stream", args -> Stream.of("a", "b"));
            addUrlRule("/header", "header", args -> makeResponse("h", 200, Map.of("X-Custom", "yes")));
        }
    }

    record Step(String method, String path, String contentType, byte[] body) {
        static Step get(String path) {
            return new Step("GET", path, null, new byte[0]);
        }

        static Step of(String method, String path) {
            return new Step(method, path, null, new byte[0]);
        }

        static Step post(String path, String contentType, String body) {
            return new Step("POST", path, contentType, body.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static List<Step> steps() {
        String multipart = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhi\r\n--"
                + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nfile body\r\n--" + BOUNDARY + "--\r\n";
        return List.of(Step.get("/"), Step.of("HEAD", "/"), Step.get("/user/John%20Doe"),
                Step.get("/user/%C3%A9"), Step.get("/post/007"), Step.get("/post/x"), Step.get("/projects?a=1&b=%2F"),
                Step.get("/about/"), Step.of("PUT", "/about"), Step.of("OPTIONS", "/login"),
                Step.post("/login", "application/x-www-form-urlencoded", "username=alice"), Step.get("/me"),
                Step.get("/me"), Step.get("/secret"), Step.get("/boom"), Step.get("/search?q=a+b&q=c"),
                Step.post("/json", "application/json", "{\"b\":[1,2],\"a\":\"\\u00e9\"}"),
                Step.post("/json", "text/plain", "[1]"), Step.post("/json", "application/json", "{bad"),
                Step.post("/upload", "multipart/form-data; boundary=" + BOUNDARY, multipart),
                Step.get("/cookie-set"), Step.get("/cookie-read"),
                Step.post("/need", "application/x-www-form-urlencoded", "other=1"), Step.get("/links"),
                Step.get("/stream"), Step.get("/header"), Step.get("/?stop=1"), Step.get("/nope"));
    }

    /** What must be equal on both sides; Tomcat writes "text/html;charset=utf-8" without the space. */
    private static String answer(Step step, int status, String body, Map<String, List<String>> headers) {
        String contentType = first(headers, "Content-Type").replace(" ", "").toLowerCase(Locale.ROOT);
        TreeSet<String> allow = new TreeSet<>(Arrays.asList(first(headers, "Allow").split(",\\s*")));
        List<String> cookieNames = new ArrayList<>();
        for (String c : headers.getOrDefault("set-cookie", List.of())) {
            cookieNames.add(c.substring(0, c.indexOf('=')));
        }
        return step.method() + " " + step.path() + " -> " + status + " [" + contentType + "] location="
                + first(headers, "Location") + " allow=" + allow + " vary=" + first(headers, "Vary") + " x-custom="
                + first(headers, "X-Custom") + " cookies=" + cookieNames + "\n" + body;
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
        return v == null || v.isEmpty() ? "" : v.get(0);
    }

    private static Map<String, List<String>> lowerCased(Iterable<Map.Entry<String, String>> headers) {
        Map<String, List<String>> out = new java.util.HashMap<>();
        headers.forEach(e -> out.computeIfAbsent(e.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                .add(e.getValue()));
        return out;
    }

    @Test
    void testClientAndTomcatGiveTheSameAnswers(@TempDir Path dir) throws Exception {
        Webapps.flaskFilter(dir, ParityApp.class);
        List<String> viaTomcat = new ArrayList<>();
        List<String> viaClient = new ArrayList<>();
        try (EmbeddedTomcat server = EmbeddedTomcat.start(dir, "/myapplication")) {
            URI base = URI.create("http://127.0.0.1:" + server.port());
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                    .build();
            TestClient client = new ParityApp().testClient();
            client.setBaseUrl(base + "/myapplication");
            for (Step step : steps()) {
                HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + "/myapplication" + step.path()))
                        .method(step.method(), HttpRequest.BodyPublishers.ofByteArray(step.body()));
                TestRequest testReq = TestRequest.of(step.method(), step.path()).data(step.body());
                if (step.contentType() != null) {
                    req.header("Content-Type", step.contentType());
                    testReq.contentType(step.contentType());
                }
                HttpResponse<String> r = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
                viaTomcat.add(answer(step, r.statusCode(), r.body(), r.headers().map().entrySet().stream()
                        .collect(java.util.stream.Collectors.toMap(e -> e.getKey().toLowerCase(Locale.ROOT),
                                Map.Entry::getValue))));
                TestResponse t = client.open(testReq);
                viaClient.add(answer(step, t.status(), t.text(), lowerCased(t.headers())));
            }
        }
        assertEquals(String.join("\n\n", viaTomcat), String.join("\n\n", viaClient));
        assertEquals(28, viaClient.size());
        // spot checks, so equal answers cannot be equally wrong
        String all = String.join("\n", viaClient);
        assertContains(all, "GET /user/%C3%A9 -> 200 [text/html;charset=utf-8]");
        assertContains(all, "POST /login -> 302");
        assertContains(all, "alice [FlashMessage[category=info, message=Welcome alice]]");
        assertContains(all, "GET /projects?a=1&b=%2F -> 308");
        assertContains(all, "/myapplication/projects/?a=1&b=%2F");
        assertContains(all, "POST /upload -> 200 [text/html;charset=utf-8] location= allow=[] vary= x-custom="
                + " cookies=[]\na.txt text/plain file body hi");
        assertContains(all, "GET /cookie-read -> 200 [text/html;charset=utf-8] location= allow=[] vary= x-custom="
                + " cookies=[]\nv");
        assertContains(all, "GET /boom -> 500");
        assertContains(all, "POST /json -> 415");
        assertContains(all, "{\"a\":\"\\u00e9\",\"b\":[1,2]}");
    }

    private static void assertContains(String haystack, String needle) {
        org.junit.jupiter.api.Assertions.assertTrue(haystack.contains(needle), needle + " not in:\n" + haystack);
    }
}
