package dev.flaskj.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every section of the Flask quickstart in the example WAR, over HTTP, in a real container under /myapplication. */
@ExtendWith(ExampleServer.class)
class QuickstartIT {
    private static final String APP = "/myapplication";
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]+)\"");

    private static HttpResponse<String> get(TestServer server, String path) throws Exception {
        return Http.get(server.uri(APP + path));
    }

    @Test
    void everyLinkOnTheIndexPageAnswers(TestServer server) throws Exception {
        String index = get(server, "/").body();
        Set<String> links = new LinkedHashSet<>();
        for (Matcher m = HREF.matcher(index); m.find(); ) {
            links.add(m.group(1));
        }
        assertTrue(links.size() > 30, links.toString());
        Map<String, Integer> notOk = Map.of(APP + "/secret", 401, APP + "/redirect", 302, APP + "/logout", 302,
                APP + "/no/such/page", 404, APP + "/debug/boom", 500);
        List<String> failures = new ArrayList<>();
        for (String link : links) {
            assertTrue(link.startsWith(APP + "/"), "urlFor builds every link with the context path: " + link);
            int status = Http.get(server.uri(link)).statusCode();
            if (status != notOk.getOrDefault(link, 200)) {
                failures.add(link + " -> " + status);
            }
        }
        assertEquals(List.of(), failures, server.name());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            /user/John%20Doe,                               User John Doe
            /user/%3Cb%3Ex,                                 User &lt;b&gt;x
            /post/42,                                       Post 42
            /path/a/b/c,                                    Subpath a/b/c
            /price/9.99,                                    Price 9.99
            /item/9f2c1a8e-3b7d-4c5e-8f10-2a4b6c8d0e1f,     Item 9f2c1a8e-3b7d-4c5e-8f10-2a4b6c8d0e1f
            /lang/fr,                                       Language fr
            /projects/,                                     The project page
            /about,                                         The about page
            """)
    void variableRulesWithEveryConverterAndUniqueUrls(String path, String body, TestServer server) throws Exception {
        HttpResponse<String> r = get(server, path);
        assertEquals(200, r.statusCode(), path + " on " + server.name());
        assertEquals(body, r.body());
    }

    @ParameterizedTest
    @CsvSource({"/post/abc", "/price/1", "/item/not-a-uuid", "/lang/es", "/about/"})
    void valuesAConverterRefusesAre404(String path, TestServer server) throws Exception {
        assertEquals(404, get(server, path).statusCode(), path);
    }

    @Test
    void folderLikeUrlRedirectsToTheSlashKeepingTheQuery(TestServer server) throws Exception {
        HttpResponse<String> r = get(server, "/projects?x=1");
        assertEquals(308, r.statusCode());
        assertEquals(server.uri(APP + "/projects/?x=1").toString(), r.headers().firstValue("Location").orElse(""));
    }

    @Test
    void urlBuildingShowsTheContextPath(TestServer server) throws Exception {
        String page = get(server, "/url-building").body();
        assertTrue(page.contains("<code class=\"url\">/myapplication/user/John%20Doe</code>"), page);
        assertTrue(page.contains("<code class=\"url\">/myapplication/static/style.css</code>"), page);
        assertTrue(page.contains("<code class=\"url\">" + server.uri(APP + "/") + "</code>"), page);
    }

    @Test
    void httpMethods(TestServer server) throws Exception {
        HttpResponse<String> put = Http.send(HttpRequest.newBuilder(server.uri(APP + "/methods"))
                .PUT(HttpRequest.BodyPublishers.noBody()));
        assertEquals("You sent a PUT request.", put.body());
        HttpResponse<String> patch = Http.send(HttpRequest.newBuilder(server.uri(APP + "/methods"))
                .method("PATCH", HttpRequest.BodyPublishers.noBody()));
        assertEquals(405, patch.statusCode());
        assertEquals("DELETE, GET, HEAD, OPTIONS, POST, PUT", patch.headers().firstValue("Allow").orElse(""));
    }

    @Test
    void templatesHaveTheLayoutAndEscape(TestServer server) throws Exception {
        String page = get(server, "/hello/%3Cb%3EAda").body();
        assertTrue(page.contains("<h1>Hello &lt;b&gt;Ada!</h1>"), page);
        assertTrue(page.contains("<link rel=\"stylesheet\" href=\"/myapplication/static/style.css\">"), page);
        String markup = get(server, "/autoescaping").body();
        assertTrue(markup.contains("<dd id=\"text\">&lt;script&gt;alert(&#39;hi&#39;)&lt;/script&gt;</dd>"), markup);
        assertTrue(markup.contains("<strong>Hello &lt;blink&gt;hacker&lt;/blink&gt;!</strong>"), markup);
        assertFalse(markup.contains("<script>"), markup);
    }

    @Test
    void requestArgs(TestServer server) throws Exception {
        assertTrue(get(server, "/search?q=a%26b").body().contains("<b id=\"q\">a&amp;b</b>"));
        assertEquals(200, get(server, "/search").statusCode(), "a missing argument read with a default is no 400");
    }

    @Test
    void loginFormSessionAndFlashing(TestServer server) throws Exception {
        CookieClient user = new CookieClient(server);
        assertEquals(400, user.post(APP + "/login", Map.of("username", "ada")).statusCode(),
                "request().form().get(key) with the key missing");
        String bad = user.post(APP + "/login", Map.of("username", "ada", "password", "wrong")).body();
        assertTrue(bad.contains("<p class=\"flash error\">Invalid username/password</p>"), bad);

        HttpResponse<String> ok = user.post(APP + "/login", Map.of("username", "ada", "password", "secret"));
        assertEquals(302, ok.statusCode());
        assertEquals(APP + "/", ok.headers().firstValue("Location").orElse(""));
        String index = user.get(APP + "/").body();
        assertTrue(index.contains("<p class=\"flash message\">You were successfully logged in</p>"), index);
        assertTrue(index.contains("Logged in as <b id=\"username\">ada</b>"), index);
        assertFalse(user.get(APP + "/").body().contains("successfully logged in"), "a flash is shown once");
        assertTrue(user.get(APP + "/me").body().contains("\"username\":\"ada\""));

        assertEquals(302, user.get(APP + "/logout").statusCode());
        String after = user.get(APP + "/").body();
        assertFalse(after.contains("Logged in as"), after);
        assertTrue(after.contains("<p class=\"flash info\">You were logged out</p>"), after);
    }

    @Test
    void fileUploadStoresTheSecureFilename(TestServer server) throws Exception {
        CookieClient user = new CookieClient(server);
        String unique = UUID.randomUUID().toString().substring(0, 8);
        byte[] content = ("upload " + unique).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = user.upload(APP + "/upload", "the_file", "../../my notes " + unique + ".txt", content);
        assertEquals(302, r.statusCode(), r.body());
        String stored = "my_notes_" + unique + ".txt";
        String page = user.get(APP + "/upload").body();
        assertTrue(page.contains("<p class=\"flash success\">Uploaded " + stored + "</p>"), page);
        assertTrue(page.contains("href=\"/myapplication/uploads/" + stored + "\""), page);
        assertEquals("upload " + unique, user.get(APP + "/uploads/" + stored).body());
        int escape = user.get(APP + "/uploads/..%2Fflaskr.mv.db").statusCode();
        assertTrue(escape == 404 || escape == 400, "the container or sendFromDirectory refuses it: " + escape);
    }

    @Test
    void cookiesAreSetAndReadBack(TestServer server) throws Exception {
        CookieClient user = new CookieClient(server);
        assertTrue(user.get(APP + "/cookies").body().contains("sent no <code>username</code> cookie"));
        HttpResponse<String> set = user.post(APP + "/cookies", Map.of("username", "ada"));
        assertTrue(set.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("username=ada;")),
                set.headers().toString());
        assertTrue(user.get(APP + "/cookies").body().contains("<span id=\"sent\">ada</span>"));
    }

    @Test
    void redirectsAbortAndTheCustom404(TestServer server) throws Exception {
        HttpResponse<String> redirect = get(server, "/redirect");
        assertEquals(302, redirect.statusCode());
        assertEquals(APP + "/login", redirect.headers().firstValue("Location").orElse(""));
        HttpResponse<String> secret = get(server, "/secret");
        assertEquals(401, secret.statusCode());
        assertTrue(secret.body().contains("<h1>Unauthorized</h1>"), secret.body());
        HttpResponse<String> missing = get(server, "/nothing-here");
        assertEquals(404, missing.statusCode());
        assertEquals("A value", missing.headers().firstValue("X-Something").orElse(""));
        assertTrue(missing.body().contains("<h1>Page not found</h1>"), missing.body());
    }

    @Test
    void responsesWithHeadersAndJson(TestServer server) throws Exception {
        HttpResponse<String> custom = get(server, "/response");
        assertEquals(200, custom.statusCode());
        assertEquals("A value", custom.headers().firstValue("X-Something").orElse(""));
        HttpResponse<String> me = get(server, "/me");
        assertEquals("application/json", Http.mimetype(me));
        assertEquals("{\"stylesheet\":\"/myapplication/static/style.css\",\"theme\":\"light\",\"username\":\"guest\"}\n",
                me.body());
        HttpResponse<String> users = get(server, "/users");
        assertEquals("application/json", Http.mimetype(users));
        assertEquals("[{\"theme\":\"light\",\"username\":\"alice\"},{\"theme\":\"dark\",\"username\":\"bob\"}]\n",
                users.body());
    }

    @Test
    void loggingReachesTheAppLogger(TestServer server) throws Exception {
        // the container runs in this JVM, so the app's JDK logger is the one named here
        Logger logger = Logger.getLogger("com.example.Hello");
        List<String> messages = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public synchronized void publish(LogRecord record) {
                messages.add(new SimpleFormatter().formatMessage(record));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        logger.addHandler(capture);
        try {
            assertEquals(200, get(server, "/logging").statusCode());
        } finally {
            logger.removeHandler(capture);
        }
        synchronized (capture) {
            assertTrue(messages.contains("A warning occurred (42 apples)"), messages.toString());
            assertTrue(messages.contains("An error occurred"), messages.toString());
        }
    }

    @Test
    void proxyFixNoteShowsWhatTheAppSees(TestServer server) throws Exception {
        String page = get(server, "/proxy-fix").body();
        assertTrue(page.contains("<code id=\"remote\">127.0.0.1</code>"), page);
        assertTrue(page.contains("<code id=\"external\">" + server.uri(APP + "/") + "</code>"), page);
        assertTrue(page.contains("dev.flaskj.middleware.ProxyFix"), page);
    }

    @Test
    void extensionPageUsesTheDatabase(TestServer server) throws Exception {
        String page = get(server, "/extensions").body();
        assertTrue(page.contains("<code class=\"extension\">flaskr.db</code>"), page);
        assertTrue(Pattern.compile("<b id=\"posts\">\\d+</b>").matcher(page).find(), page);
    }
}
