package dev.flaskj;

import static dev.flaskj.Flask.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.testing.TestClient;
import dev.flaskj.testing.TestRequest;
import dev.flaskj.testing.TestResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Bad input gets a clear 4xx and never a 500 (issues 3 and 4). */
class BadInputTest {
    private final AtomicBoolean viewRan = new AtomicBoolean();

    private Flask app() {
        Flask app = new Flask("bad-input");
        app.addUrlRule("/", "index", args -> "index");
        app.addUrlRule("/user/<name>", "user", args -> "user " + args.get("name"));
        app.addUrlRule("/p/<path:p>", "path", args -> "path " + args.get("p"));
        app.addUrlRule("/form", "form", args -> {
            viewRan.set(true);
            return "form " + request().form().toMap() + " args " + request().args().toMap();
        }, "GET", "POST");
        app.addUrlRule("/need", "need", args -> request().form().get("username"), "POST");
        app.addUrlRule("/json", "json", args -> String.valueOf(request().json()), "POST");
        return app;
    }

    static Stream<String> hostilePaths() {
        return Stream.of("/%ZZ", "/%", "/%C3%28", "/%C3", "/%00", "/user/%00", "/user/a%00b", "/%FF%FE",
                "/user/%ED%A0%80", "/..%2F..%2Fetc/passwd", "/static/%2e%2e/WEB-INF/web.xml", "/static/..%5c..%5cx",
                "/p/%2e%2e/%2e%2e", "/" + "a".repeat(64 * 1024), "/user/" + "%C3%A9".repeat(5000),
                "/p/" + "x/".repeat(20_000), "/templates/hello.html", "/WEB-INF/web.xml", "/static/;x/a.css",
                "/static/.%2e/templates/x.html", "//../../etc/passwd", "/user/%2F%2F%2F");
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("hostilePaths")
    void hostilePathsAreNever500(String path) {
        TestResponse r = app().testClient().get(path);
        assertTrue(r.status() == 200 || r.status() == 404 || r.status() == 400 || r.status() == 308,
                path.length() > 80 ? path.substring(0, 80) : path + " -> " + r.status());
    }

    @Test
    void slashMergingNeverRedirectsToADotSegmentPath() {
        TestClient client = app().testClient();
        assertEquals(308, client.get("/user//bob").status(), "ordinary merged slashes still redirect");
        assertEquals(404, client.get("/static//../templates/hello.html").status());
        assertEquals(404, client.get("/p//./x").status());
    }

    @Test
    void malformedQueryAndFormEncodingsAreKeptNotFatal() {
        TestClient client = app().testClient();
        assertEquals(200, client.get("/form?a=%ZZ&&=v&c&d=%C3%28").status());
        TestResponse form = client.open(TestRequest.post("/form").data("a=%ZZ&b=%C3%A9&&c")
                .contentType("application/x-www-form-urlencoded"));
        assertEquals(200, form.status());
        assertTrue(form.text().contains("b=é"), form.text());
    }

    @Test
    void unknownCharsetIsNotFatal() {
        TestResponse r = app().testClient().open(TestRequest.post("/form").data("a=1")
                .contentType("application/x-www-form-urlencoded; charset=klingon"));
        assertEquals(200, r.status());
    }

    @Test
    void missingFormKeyIs400AndDebugNamesTheKey() {
        Flask app = app();
        TestResponse r = app.testClient().post("/need", java.util.Map.of("other", "x"));
        assertEquals(400, r.status());
        assertEquals("<!doctype html>\n<html lang=en>\n<title>400 Bad Request</title>\n<h1>Bad Request</h1>\n"
                + "<p>The browser (or proxy) sent a request that this server could not understand.</p>\n", r.text());
        Flask debug = app();
        debug.config().put("DEBUG", true);
        TestResponse d = debug.testClient().post("/need", java.util.Map.of("other", "x"));
        assertEquals(400, d.status());
        assertTrue(d.text().contains("<br>KeyError: &#39;username&#39;"), d.text());
    }

    @Test
    void invalidJsonIs400AndWrongContentTypeIs415() {
        TestClient client = app().testClient();
        assertEquals(400, client.open(TestRequest.post("/json").data("{bad").contentType("application/json"))
                .status());
        assertEquals(400, client.open(TestRequest.post("/json").data("").contentType("application/json")).status());
        TestResponse r = client.open(TestRequest.post("/json").data("[1]").contentType("text/plain"));
        assertEquals(415, r.status());
        assertTrue(r.text().contains("Did not attempt to load JSON data because the request Content-Type was not"
                + " &#39;application/json&#39;."), r.text());
        assertEquals("[1, 2]", client.open(TestRequest.post("/json").json(java.util.List.of(1, 2))).text());
    }

    @Test
    void bodyOverTheLimitIs413AndTheViewNeverRuns() {
        Flask app = app();
        app.config().put("MAX_CONTENT_LENGTH", 10);
        TestResponse r = app.testClient().open(TestRequest.post("/form").data("a=" + "x".repeat(100))
                .contentType("application/x-www-form-urlencoded"));
        assertEquals(413, r.status());
        assertTrue(r.text().contains("<title>413 Request Entity Too Large</title>"));
        assertTrue(viewRan.get(), "Flask reads the body lazily: the view starts, the form access raises 413");
        viewRan.set(false);
        app.config().put("MAX_FORM_MEMORY_SIZE", 5);
        app.config().put("MAX_CONTENT_LENGTH", null);
        assertEquals(413, app.testClient().open(TestRequest.post("/form").data("a=" + "x".repeat(10))
                .contentType("application/x-www-form-urlencoded")).status());
        assertFalse(r.text().contains("Exception"));
    }
}
