package com.example;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.testing.TestClient;
import dev.flaskj.testing.TestRequest;
import dev.flaskj.testing.TestResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The quickstart sections through the test client (the same checks run on real containers in src-it). */
class HelloTest {
    @TempDir
    Path dataDir;

    private TestClient client;

    @BeforeEach
    void setUp() {
        client = ExampleApps.create(dataDir).testClient();
        client.setContextPath("/myapplication");
    }

    @Test
    void indexLinksEverySection() {
        TestResponse r = client.get("/");
        assertEquals(200, r.status());
        for (String link : List.of("/myapplication/hello", "/myapplication/user/John%20Doe", "/myapplication/post/42",
                "/myapplication/path/a/b/c", "/myapplication/price/9.99", "/myapplication/lang/fr",
                "/myapplication/projects/", "/myapplication/about", "/myapplication/url-building",
                "/myapplication/methods", "/myapplication/static/style.css", "/myapplication/autoescaping",
                "/myapplication/login", "/myapplication/upload", "/myapplication/cookies",
                "/myapplication/redirect", "/myapplication/secret", "/myapplication/response",
                "/myapplication/me", "/myapplication/users", "/myapplication/logout", "/myapplication/logging",
                "/myapplication/proxy-fix", "/myapplication/extensions", "/myapplication/flaskr/",
                "/myapplication/flaskr/auth/register")) {
            assertTrue(r.text().contains("href=\"" + link + "\""), link);
        }
    }

    @Test
    void minimalApplication() {
        assertEquals("Hello, World!", client.get("/hello").text());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            /user/John%20Doe,                               User John Doe
            /user/<b>x,                                     User &lt;b&gt;x
            /post/42,                                       Post 42
            /path/a/b/c,                                    Subpath a/b/c
            /price/9.99,                                    Price 9.99
            /item/9f2c1a8e-3b7d-4c5e-8f10-2a4b6c8d0e1f,     Item 9f2c1a8e-3b7d-4c5e-8f10-2a4b6c8d0e1f
            /lang/fr,                                       Language fr
            /projects/,                                     The project page
            /about,                                         The about page
            """)
    void variableRulesAndUniqueUrls(String path, String body) {
        TestResponse r = client.get(path);
        assertEquals(200, r.status(), path);
        assertEquals(body, r.text());
    }

    @ParameterizedTest
    @CsvSource({"/post/abc", "/price/1", "/item/not-a-uuid", "/lang/es", "/about/"})
    void valuesTheConverterRefusesAre404(String path) {
        assertEquals(404, client.get(path).status());
    }

    @Test
    void folderLikeUrlRedirectsToTheSlash() {
        TestResponse r = client.get("/projects?x=1");
        assertEquals(308, r.status());
        assertEquals("http://localhost/myapplication/projects/?x=1", r.location());
    }

    @Test
    void urlBuildingPageShowsTheContextPath() {
        String page = client.get("/url-building").text();
        assertTrue(page.contains("/myapplication/user/John%20Doe"), page);
        assertTrue(page.contains("http://localhost/myapplication/"), page);
    }

    @Test
    void httpMethods() {
        assertEquals("You sent a PUT request.", client.put("/methods").text());
        TestResponse patch = client.patch("/methods");
        assertEquals(405, patch.status());
        assertEquals("DELETE, GET, HEAD, OPTIONS, POST, PUT", patch.header("Allow"));
    }

    @Test
    void templatesEscapeAndTheLayoutLinksTheStylesheet() {
        String page = client.get("/hello/<b>Ada").text();
        assertTrue(page.contains("Hello &lt;b&gt;Ada!"), page);
        assertTrue(page.contains("href=\"/myapplication/static/style.css\""), page);
        String markup = client.get("/autoescaping").text();
        assertTrue(markup.contains("<strong>Hello &lt;blink&gt;hacker&lt;/blink&gt;!</strong>"), markup);
        assertFalse(markup.contains("<script>alert"), markup);
    }

    @Test
    void loginFormMissingKeyIs400() {
        assertEquals(400, client.post("/login", Map.of("username", "ada")).status());
    }

    @Test
    void loginPutsTheUserInTheSessionAndFlashes() {
        TestResponse bad = client.post("/login", Map.of("username", "ada", "password", "wrong"));
        assertEquals(200, bad.status());
        assertTrue(bad.text().contains("class=\"flash error\">Invalid username/password"), bad.text());

        TestResponse ok = client.post("/login", Map.of("username", "ada", "password", Hello.DEMO_PASSWORD));
        assertEquals(302, ok.status());
        assertEquals("/myapplication/", ok.location());
        String index = client.get("/").text();
        assertTrue(index.contains("class=\"flash message\">You were successfully logged in"), index);
        assertTrue(index.contains("Logged in as <b id=\"username\">ada</b>"), index);
        assertEquals("ada", client.get("/me").json() instanceof Map<?, ?> m ? m.get("username") : null);

        client.get("/logout");
        assertFalse(client.get("/").text().contains("Logged in as"));
    }

    @Test
    void uploadStoresTheSecureFilename() throws Exception {
        TestResponse r = client.open(TestRequest.post("/upload")
                .file("the_file", "../../notes for you.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8)));
        assertEquals(302, r.status());
        assertEquals("hello", Files.readString(dataDir.resolve("uploads/notes_for_you.txt")));
        String page = client.get("/upload").text();
        assertTrue(page.contains("Uploaded notes_for_you.txt"), page);
        assertTrue(page.contains("href=\"/myapplication/uploads/notes_for_you.txt\""), page);
        assertEquals("hello", client.get("/uploads/notes_for_you.txt").text());
        assertEquals(404, client.get("/uploads/..%2F..%2Fetc%2Fpasswd").status());
    }

    @Test
    void uploadsAreServedAsDownloadsNeverInline() {
        // An uploaded page with a script: shown inline from the app's origin it would be stored XSS.
        byte[] page = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(document.cookie)</script></svg>"
                .getBytes(StandardCharsets.UTF_8);
        client.open(TestRequest.post("/upload").file("the_file", "pic.svg", "image/svg+xml", page));
        TestResponse r = client.get("/uploads/pic.svg");
        assertEquals(200, r.status());
        assertEquals("attachment; filename=pic.svg", r.headers().get("Content-Disposition"));
        assertEquals("nosniff", r.headers().get("X-Content-Type-Options"));
        assertArrayEquals(page, r.data());
    }

    @Test
    void loginPageMarksTheDemoPasswordAsDemoOnly() {
        String page = client.get("/login").text();
        assertTrue(page.contains("<strong>Demo only:</strong>") && page.contains("<code>" + Hello.DEMO_PASSWORD
                + "</code>"), page);
    }

    @Test
    void cookiesAreSetAndReadBack() {
        TestResponse set = client.post("/cookies", Map.of("username", "ada"));
        assertEquals("ada", set.cookies().get("username"));
        assertTrue(client.get("/cookies").text().contains("<span id=\"sent\">ada</span>"));
    }

    @Test
    void redirectsAndErrors() {
        assertEquals("/myapplication/login", client.get("/redirect").location());
        assertEquals(401, client.get("/secret").status());
        TestResponse missing = client.get("/no/such/page");
        assertEquals(404, missing.status());
        assertEquals("A value", missing.header("X-Something"));
        assertTrue(missing.text().contains("<h1>Page not found</h1>"), missing.text());
    }

    @Test
    void responsesAndJson() {
        assertEquals("A value", client.get("/response").header("X-Something"));
        assertEquals(Map.of("username", "guest", "theme", "light", "stylesheet", "/myapplication/static/style.css"),
                client.get("/me").json());
        TestResponse users = client.get("/users");
        assertEquals("application/json", users.mimetype());
        assertEquals(List.of(Map.of("username", "alice", "theme", "light"), Map.of("username", "bob", "theme", "dark")),
                users.json());
    }

    @Test
    void loggingGoesToTheAppLogger() {
        List<String> messages = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                messages.add(new java.util.logging.SimpleFormatter().formatMessage(record));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger logger = Logger.getLogger(Hello.class.getName());
        logger.addHandler(handler);
        try {
            assertEquals(200, client.get("/logging").status());
        } finally {
            logger.removeHandler(handler);
        }
        assertTrue(messages.contains("A warning occurred (42 apples)"), messages.toString());
        assertTrue(messages.contains("An error occurred"), messages.toString());
    }

    @Test
    void proxyFixAndExtensionPages() {
        assertTrue(client.get("/proxy-fix").text().contains("http://localhost/myapplication/"));
        String page = client.get("/extensions").text();
        assertTrue(page.contains("<code class=\"extension\">flaskr.db</code>"), page);
        assertTrue(page.contains("<b id=\"posts\">0</b>"), page);
    }

    @Test
    void withoutAConfiguredKeySessionsStillWork() {
        Hello app = ExampleApps.create(dataDir);
        app.config().put("SECRET_KEY", null);
        TestClient c = app.testClient();
        c.post("/login", Map.of("username", "ada", "password", Hello.DEMO_PASSWORD));
        assertTrue(c.get("/").text().contains("Logged in as"));
    }
}
