package dev.flaskj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.testing.TestResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The debug traceback page: what it shows, what it hides, and that it is off by default. */
class DebugPageTest {
    /** An app with a view that throws, wrapped once so the page has a chain. */
    public static class Boom extends Flask {
        @Route(value = "/boom/<int:id>", methods = {"GET", "POST"})
        String boom(int id) {
            try {
                return explode(id);
            } catch (IllegalStateException e) {
                throw new IllegalArgumentException("view failed for " + id, e);
            }
        }

        private static String explode(int id) {
            throw new IllegalStateException("kaboom <b>" + id + "</b>"); // the throwing line
        }
    }

    private static Boom app(boolean debug) {
        Boom app = new Boom();
        app.config().put("DEBUG", debug);
        return app;
    }

    @Test
    void debugPageShowsChainSourceLineAndRequest() {
        // Secrets are built, not written: the page shows this test's own source lines too.
        String password = "hunter" + 2;
        String token = "abc" + 123;
        String basic = "c2Vj" + "cmV0";
        TestResponse r = app(true).testClient().post("/boom/7?q=search&access_token=" + token, req -> req
                .form("username", "bob").form("password", password).header("Authorization", "Basic " + basic)
                .header("X-Trace", "t-1"));
        String page = r.text();
        assertEquals(500, r.status());
        assertEquals("text/html", r.mimetype());
        assertTrue(page.contains("<h1>java.lang.IllegalArgumentException</h1>"), page);
        assertTrue(page.contains("java.lang.IllegalArgumentException: view failed for 7"), page);
        assertTrue(page.contains("Caused by: java.lang.IllegalStateException: kaboom &lt;b&gt;7&lt;/b&gt;"), page);
        // the throwing line of the app's source, highlighted
        assertTrue(page.contains("<span class=current>") && page.contains(
                "throw new IllegalStateException(&#34;kaboom &lt;b&gt;&#34; + id + &#34;&lt;/b&gt;&#34;);"
                        + " // the throwing line</span>"), page);
        assertTrue(page.contains("<tr><th>Endpoint</th><td>boom</td></tr>"), page);
        assertTrue(page.contains("<tr><th>Method</th><td>POST</td></tr>"), page);
        assertTrue(page.contains("<tr><th>URL</th><td>http://localhost/boom/7</td></tr>"), page);
        assertTrue(page.contains("<tr><th>username</th><td>bob</td></tr>"), page);
        assertTrue(page.contains("<tr><th>password</th><td>[hidden]</td></tr>"), page);
        assertTrue(page.contains("<tr><th>q</th><td>search</td></tr>"), page);
        assertTrue(page.contains("<tr><th>access_token</th><td>[hidden]</td></tr>"), page);
        assertTrue(page.contains("<tr><th>Authorization</th><td>[hidden]</td></tr>"), page);
        assertTrue(page.contains("<tr><th>X-Trace</th><td>t-1</td></tr>"), page);
        for (String secret : List.of(password, token, basic)) {
            assertFalse(page.contains(secret), secret);
        }
    }

    @Test
    void pageHasNoScriptNoConsoleAndFoldsLibraryFrames() {
        String page = app(true).testClient().get("/boom/1").text();
        assertFalse(page.toLowerCase(java.util.Locale.ROOT).contains("<script"), page);
        assertFalse(page.contains("<form") || page.contains("<input"), page);
        assertTrue(page.contains("no console and evaluates nothing"), page);
        assertTrue(page.contains("<details class=library><summary>"), page);
        assertTrue(page.contains("in the framework, the container or the JDK</summary>"), page);
    }

    @Test
    void frameworkFramesFoldEvenWhenTheirSourceIsBesideTheirClasses() {
        // In this build flaskj's classes are a folder next to src/main/java, just as an app's are under jetty:run.
        String page = app(true).testClient().get("/boom/1").text();
        for (String framework : List.of("ViewBinder", "Dispatcher", "Flask.")) {
            assertFalse(page.contains("<div class=\"frame app\"><code>at dev.flaskj." + framework), page);
        }
        assertTrue(page.contains("<li>at dev.flaskj.Dispatcher."), page);
        assertTrue(page.contains("<div class=\"frame app\"><code>at dev.flaskj.DebugPageTest$Boom.explode"), page);
    }

    @Test
    void debugOffGivesThePlain500Page() {
        Boom app = app(false);
        TestResponse r = app.testClient().get("/boom/1");
        assertEquals(500, r.status());
        assertEquals("<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n"
                + "<h1>Internal Server Error</h1>\n<p>The server encountered an internal error and was unable to"
                + " complete your request. Either the server is overloaded or there is an error in the"
                + " application.</p>\n", r.text());
    }

    @Test
    void sourceFromConfiguredSourcePath(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("com/acme/Shop.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "package com.acme;\nclass Shop {\n  void buy() { fail(); }\n}\n");
        Flask app = new Flask("sources");
        app.config().put("SOURCE_PATH", dir.toString());
        SourceLocator locator = new SourceLocator(app);
        Optional<List<String>> lines = locator.lines(new StackTraceElement("com.acme.Shop$Cart", "buy", "Shop.java", 3));
        assertEquals("  void buy() { fail(); }", lines.orElseThrow().get(2));
        assertTrue(locator.lines(new StackTraceElement("com.acme.Shop", "x", "../../etc/passwd", 1)).isEmpty());
        assertTrue(locator.lines(new StackTraceElement("com.acme.Nope", "x", "Nope.java", 1)).isEmpty());
    }

    @Test
    void sensitiveNames() {
        for (String name : List.of("password", "new_password", "PASSWD", "secret_key", "X-Auth-Token", "Cookie",
                "Authorization", "csrf_token", "api-key", "session")) {
            assertTrue(DebugRequestSection.isSensitive(name), name);
        }
        for (String name : List.of("username", "email", "q", "Accept", "User-Agent")) {
            assertFalse(DebugRequestSection.isSensitive(name), name);
        }
    }

    // ------------------------------------------------------------------ who may see it

    private static final String PRODUCTION_500 = "<!doctype html>\n<html lang=en>\n<title>500 Internal Server"
            + " Error</title>\n<h1>Internal Server Error</h1>\n<p>The server encountered an internal error and was"
            + " unable to complete your request. Either the server is overloaded or there is an error in the"
            + " application.</p>\n";

    /** The app with its logger captured, so the provoked errors stay off the console. */
    private static Boom quiet(Boom app) {
        app.logger().setUseParentHandlers(false);
        return app;
    }

    private static TestResponse boomFrom(Boom app, String remoteAddr, String... headers) {
        return app.testClient().get("/boom/3", req -> {
            req.remoteAddr(remoteAddr);
            for (int i = 0; i < headers.length; i += 2) {
                req.header(headers[i], headers[i + 1]);
            }
        });
    }

    @Test
    void debugPageOnlyForLoopbackClients() {
        Boom app = quiet(app(true));
        for (String local : List.of("127.0.0.1", "127.1.2.3", "::1", "0:0:0:0:0:0:0:1", "[::1]",
                "::ffff:127.0.0.1")) {
            TestResponse r = boomFrom(app, local);
            assertEquals(500, r.status(), local);
            assertTrue(r.text().contains("kaboom"), local + ": " + r.text());
        }
        for (String remote : List.of("203.0.113.7", "10.0.0.1", "128.0.0.1", "::2", "2001:db8::1", "localhost",
                "127.0.0.1.example", "1127.0.0.1", "")) {
            TestResponse r = boomFrom(app, remote);
            assertEquals(500, r.status(), remote);
            assertEquals(PRODUCTION_500, r.text(), remote);
        }
    }

    @Test
    void aProxiedRequestIsRemoteEvenFromLoopback() {
        Boom app = quiet(app(true));
        assertEquals(PRODUCTION_500, boomFrom(app, "127.0.0.1", "X-Forwarded-For", "203.0.113.7").text());
        assertEquals(PRODUCTION_500, boomFrom(app, "127.0.0.1", "Forwarded", "for=203.0.113.7").text());
    }

    @Test
    void debugAllowRemoteShowsThePageToEveryone() {
        Boom app = quiet(app(true));
        app.config().put("DEBUG_ALLOW_REMOTE", true);
        assertTrue(boomFrom(app, "203.0.113.7").text().contains("kaboom"));
        assertTrue(boomFrom(app, "127.0.0.1", "X-Forwarded-For", "203.0.113.7").text().contains("kaboom"));
    }

    @Test
    void remoteClientInDebugStillReachesTheAppsOwn500Handler() {
        Boom app = quiet(app(true));
        app.errorHandler(500, e -> Flask.makeResponse("handled", 500));
        assertEquals("handled", boomFrom(app, "203.0.113.7").text());
    }
}
