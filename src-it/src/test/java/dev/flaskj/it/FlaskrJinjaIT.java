package dev.flaskj.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Jinja example WAR (example-jinja: Flaskr rendering Flask's tutorial templates unchanged, through
 * {@code TEMPLATE_ENGINE=jinja}) deployed in a real container under {@code /myapplication}: the tutorial's pages and
 * flow over HTTP, with the links, escaping and status codes a Flask deployment of the tutorial gives.
 */
class FlaskrJinjaIT {
    private static final String APP = Containers.CONTEXT_PATH;
    private static TestServer server;

    @BeforeAll
    static void deploy() throws Exception {
        String war = System.getProperty("it.jinja.war");
        if (war == null || !Files.isRegularFile(Path.of(war))) {
            throw new IllegalStateException("the Jinja example WAR is missing (system property it.jinja.war=" + war
                    + "); run the build from the repository root");
        }
        // Its own database: the quickstart example may be deployed in this JVM too, and H2 locks its file.
        Path dir = Containers.explode(Path.of(war), "jinja");
        Path webXml = dir.resolve("WEB-INF/web.xml");
        String param = "<context-param><param-name>FLASKR_DATA_DIR</param-name><param-value>"
                + Containers.workDir("jinja-data") + "</param-value></context-param>\n  <filter>";
        Files.writeString(webXml, Files.readString(webXml, StandardCharsets.UTF_8).replaceFirst("<filter>",
                Matcher.quoteReplacement(param)), StandardCharsets.UTF_8);
        server = Containers.deploy(dir, "jinja");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String normal(String html) {
        return html.replaceAll("\\s+", " ");
    }

    @Test
    void tutorialFlowOnTheTutorialsTemplates() throws Exception {
        CookieClient alice = new CookieClient(server);
        String name = FlaskrIT.uniqueName("alice");

        String home = normal(alice.get(APP + "/").body());
        assertTrue(home.contains("<!doctype html> <title>Posts - Flaskr</title> <link rel=\"stylesheet\" href=\""
                + APP + "/static/style.css\">"), home);
        assertTrue(home.contains("<li><a href=\"" + APP + "/auth/register\">Register</a> <li><a href=\"" + APP
                + "/auth/login\">Log In</a>"), home);

        HttpResponse<String> register = alice.post(APP + "/auth/register", Map.of("username", name, "password", "pw"));
        assertEquals(302, register.statusCode(), register.body());
        assertEquals(APP + "/auth/login", register.headers().firstValue("Location").orElse(""));
        HttpResponse<String> taken = alice.post(APP + "/auth/register", Map.of("username", name, "password", "pw"));
        assertEquals(200, taken.statusCode());
        assertTrue(normal(taken.body()).contains("<div class=\"flash\">User " + name + " is already registered.</div>"),
                taken.body());
        HttpResponse<String> login = alice.post(APP + "/auth/login", Map.of("username", name, "password", "pw"));
        assertEquals(302, login.statusCode(), login.body());
        assertEquals(APP + "/", login.headers().firstValue("Location").orElse(""));

        String title = "<b>\"Tom & Jerry's\"</b> " + name;
        String escaped = "&lt;b&gt;&#34;Tom &amp; Jerry&#39;s&#34;&lt;/b&gt; " + name;
        assertEquals(302, alice.post(APP + "/create", Map.of("title", title, "body", "line one")).statusCode());
        String index = normal(alice.get(APP + "/").body());
        assertTrue(index.contains("<li><span>" + name + "</span> <li><a href=\"" + APP + "/auth/logout\">Log Out</a>"),
                index);
        int at = index.indexOf("<h1>" + escaped + "</h1> <div class=\"about\">by " + name + " on ");
        assertTrue(at >= 0, index);
        // created is a date-time in the row; the template formats it with strftime('%Y-%m-%d') (server's today,
        // or yesterday if the request crossed midnight)
        String day = index.substring(at).replaceFirst("(?s)^.*?on (\\d{4}-\\d{2}-\\d{2})</div>.*$", "$1");
        assertTrue(day.equals(LocalDate.now().toString()) || day.equals(LocalDate.now().minusDays(1).toString()),
                day);
        Matcher edit = Pattern.compile("href=\"" + APP + "/(\\d+)/update\">Edit</a>").matcher(index);
        assertTrue(edit.find(at), index);
        String id = edit.group(1);

        String update = normal(alice.get(APP + "/" + id + "/update").body());
        assertTrue(update.contains("<title>Edit \"" + escaped + "\" - Flaskr</title>"), update);
        assertTrue(update.contains("<form action=\"" + APP + "/" + id + "/delete\" method=\"post\">"), update);
        HttpResponse<String> empty = alice.post(APP + "/" + id + "/update", Map.of("title", "", "body", "kept"));
        assertEquals(200, empty.statusCode());
        assertTrue(normal(empty.body()).contains("<div class=\"flash\">Title is required.</div>"), empty.body());
        assertTrue(normal(empty.body()).contains("<textarea name=\"body\" id=\"body\">kept</textarea>"), empty.body());

        // another user gets the 403 page in the tutorial's layout; an unknown post the app's 404 page
        CookieClient bob = new CookieClient(server);
        String bobName = FlaskrIT.uniqueName("bob");
        assertEquals(302, bob.post(APP + "/auth/register", Map.of("username", bobName, "password", "pw")).statusCode());
        assertEquals(302, bob.post(APP + "/auth/login", Map.of("username", bobName, "password", "pw")).statusCode());
        HttpResponse<String> forbidden = bob.post(APP + "/" + id + "/delete", Map.of());
        assertEquals(403, forbidden.statusCode());
        assertTrue(forbidden.body().contains("<title>Not allowed - Flaskr</title>"), forbidden.body());
        HttpResponse<String> missing = bob.get(APP + "/999999/update");
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("<title>Page not found - Flaskr</title>"), missing.body());

        assertEquals(302, alice.post(APP + "/" + id + "/delete", Map.of()).statusCode());
        assertTrue(!alice.get(APP + "/").body().contains(escaped));
        HttpResponse<String> logout = alice.get(APP + "/auth/logout");
        assertEquals(302, logout.statusCode());
        assertEquals(APP + "/", logout.headers().firstValue("Location").orElse(""));
    }

    @Test
    void staticFilesServedTemplatesNot() throws Exception {
        CookieClient client = new CookieClient(server);
        HttpResponse<String> css = client.get(APP + "/static/style.css");
        assertEquals(200, css.statusCode());
        assertTrue(css.headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
        assertTrue(css.body().contains("font-family: sans-serif"), css.body());
        for (String path : new String[] {"/templates/base.html", "/templates/NOTICE.txt", "/WEB-INF/web.xml"}) {
            assertEquals(404, client.get(APP + path).statusCode(), path);
        }
        String hello = normal(client.get(APP + "/hello/%3Cyou%3E").body());
        assertTrue(hello.contains("<title>Hello from Flask</title> <h1>Hello &lt;you&gt;!</h1>"), hello);
    }
}
