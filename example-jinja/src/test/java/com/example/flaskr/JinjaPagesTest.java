package com.example.flaskr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.jinja.Flaskr;
import dev.flaskj.Flask;
import dev.flaskj.testing.TestResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The pages of {@link Flaskr} as the tutorial's templates render them, beyond what the tutorial's tests look at:
 * the layout, links, escaping as MarkupSafe does it, the flashed errors, the update form's fallback from
 * {@code request.form} to the post, the 403 and 404 pages, and the quickstart's {@code hello.html}. Each expected
 * fragment is what Flask 3.1.3 renders from the same template and values.
 */
class JinjaPagesTest extends TutorialConftest {
    @Override
    Flask createApp(Map<String, ?> testConfig) {
        return Flaskr.create(testConfig);
    }

    @Override
    String prefix() {
        return "";
    }

    private static void contains(String page, String... fragments) {
        String normal = page.replaceAll("\\s+", " ");
        for (String f : fragments) {
            assertTrue(normal.contains(f), () -> "no " + f + " in\n" + page);
        }
    }

    @Test
    void indexForAVisitor() {
        TestResponse r = client.get("/");
        assertEquals(200, r.status());
        assertEquals("text/html; charset=utf-8", r.headers().get("Content-Type"));
        contains(r.text(),
                "<!doctype html> <title>Posts - Flaskr</title>",
                "<link rel=\"stylesheet\" href=\"/static/style.css\">",
                "<h1><a href=\"/\">Flaskr</a></h1>",
                "<li><a href=\"/auth/register\">Register</a> <li><a href=\"/auth/login\">Log In</a>",
                "<header> <h1>Posts</h1> </header>",
                "<h1>test title</h1> <div class=\"about\">by test on 2018-01-01</div>",
                "<p class=\"body\">test\nbody</p>".replace("\n", " "));
    }

    @Test
    void indexForTheAuthor() {
        auth.login();
        contains(client.get("/").text(),
                "<li><span>test</span> <li><a href=\"/auth/logout\">Log Out</a>",
                "<a class=\"action\" href=\"/create\">New</a>",
                "<a class=\"action\" href=\"/1/update\">Edit</a>");
    }

    @Test
    void titlesAndBodiesAreEscapedAsMarkupSafeDoes() {
        auth.login();
        client.post("/create", Map.of("title", "<b>\"Tom & Jerry's\"</b>", "body", "<script>x</script>"));
        contains(client.get("/").text(),
                "<h1>&lt;b&gt;&#34;Tom &amp; Jerry&#39;s&#34;&lt;/b&gt;</h1>",
                "<p class=\"body\">&lt;script&gt;x&lt;/script&gt;</p>");
        contains(client.get("/2/update").text(),
                "<title>Edit \"&lt;b&gt;&#34;Tom &amp; Jerry&#39;s&#34;&lt;/b&gt;\" - Flaskr</title>",
                "value=\"&lt;b&gt;&#34;Tom &amp; Jerry&#39;s&#34;&lt;/b&gt;\"");
    }

    @Test
    void updateFormShowsThePostOnGetAndTheSubmittedValuesOnAnError() {
        auth.login();
        contains(client.get("/1/update").text(),
                "<title>Edit \"test title\" - Flaskr</title>",
                "<input name=\"title\" id=\"title\" value=\"test title\" required>",
                "<textarea name=\"body\" id=\"body\">test\nbody</textarea>".replace("\n", " "),
                "<form action=\"/1/delete\" method=\"post\">");
        // an empty title: the error is flashed, the title falls back to the post's, the new body is kept
        TestResponse r = client.post("/1/update", Map.of("title", "", "body", "new body"));
        assertEquals(200, r.status());
        contains(r.text(),
                "<div class=\"flash\">Title is required.</div>",
                "<input name=\"title\" id=\"title\" value=\"test title\" required>",
                "<textarea name=\"body\" id=\"body\">new body</textarea>");
    }

    @Test
    void loginErrorsAreFlashedOnTheForm() {
        TestResponse r = auth.login("nobody", "x");
        assertEquals(200, r.status());
        contains(r.text(),
                "<title>Log In - Flaskr</title>",
                "<div class=\"flash\">Incorrect username.</div>",
                "<input name=\"username\" id=\"username\" required>");
    }

    @Test
    void someoneElsesPostIsA403PageInTheLayout() {
        auth.login("other", "other");
        TestResponse r = client.get("/1/update");
        assertEquals(403, r.status());
        contains(r.text(), "<title>Not allowed - Flaskr</title>", "<li><span>other</span>");
    }

    @Test
    void unknownUrlsGetTheAppsNotFoundPage() {
        TestResponse r = client.get("/no/such/<page>");
        assertEquals(404, r.status());
        assertEquals("A value", r.headers().get("X-Something"));
        contains(r.text(), "<title>Page not found - Flaskr</title>",
                "There is no page at <code>/no/such/&lt;page&gt;</code>",
                "<a href=\"/\">index</a>");
        auth.login();
        assertEquals(404, client.get("/2/update").status());
    }

    @Test
    void quickstartHelloTemplate() {
        contains(client.get("/hello/<World>").text(),
                "<!doctype html> <title>Hello from Flask</title> <h1>Hello &lt;World&gt;!</h1>");
        contains(client.get("/hello/").text(), "<title>Hello from Flask</title> <h1>Hello, World!</h1>");
        assertEquals("Hello, World!", client.get("/hello").text());
    }
}
