package dev.flaskj;

import static dev.flaskj.Flask.urlFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.exceptions.RequestRedirect;
import dev.flaskj.testing.TestClient;
import dev.flaskj.testing.TestResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Routing as the whole pipeline answers it, under a context path. */
class RoutingPipelineTest {
    private static Flask app() {
        Flask app = new Flask("routing");
        app.addUrlRule("/projects/", "projects", args -> "The project page");
        app.addUrlRule("/about", "about", args -> "The about page");
        app.addUrlRule("/user/<username>", "profile", args -> "User " + args.get("username"));
        app.addUrlRule("/post/<int:id>", "post", args -> "Post " + args.get("id") + " "
                + args.get("id").getClass().getSimpleName());
        app.addUrlRule("/m", "mget", args -> "get");
        app.addUrlRule("/m", "mpost", args -> "post", "POST");
        View dpage = args -> "page " + args.get("page");
        app.addUrlRule("/d/", "dpage", dpage, RuleOptions.defaultOptions().defaults(Map.of("page", 1)));
        app.addUrlRule("/d/page/<int:page>", "dpage", dpage);
        app.addUrlRule("/links", "links", args -> urlFor("profile", "username", "John Doe") + " "
                + urlFor("profile", "username", "x", "_external", true) + " " + urlFor("static", "filename",
                        "style.css") + " " + urlFor("about", "q", "a b&c", "_anchor", "top"));
        return app;
    }

    private static TestClient client() {
        TestClient client = app().testClient();
        client.setContextPath("/myapplication");
        return client;
    }

    private static Set<String> allow(TestResponse r) {
        return new TreeSet<>(Arrays.asList(r.headers().get("Allow").split(", ")));
    }

    @Test
    void missingTrailingSlashIs308ToAbsoluteUrlKeepingTheRawQuery() {
        TestResponse r = client().get("/projects?a=1&b=%2F&c=x+y");
        assertEquals(308, r.status());
        String target = "http://localhost/myapplication/projects/?a=1&b=%2F&c=x+y";
        assertEquals(target, r.location());
        assertEquals(RequestRedirect.redirectBody(target), r.text());
    }

    @Test
    void extraSlashOnLeafRuleIs404AndPostToGetOnlySlashRuleIs404() {
        assertEquals(404, client().get("/about/").status());
        assertEquals(404, client().post("/projects", Map.of()).status());
        assertEquals("The about page", client().get("/about").text());
    }

    @Test
    void convertersReachTheViewAsJavaValues() {
        assertEquals("Post 7 Integer", client().get("/post/007").text());
        assertEquals("Post 123456789012345678901234567890 BigInteger",
                client().get("/post/123456789012345678901234567890").text());
        assertEquals(404, client().get("/post/abc").status());
        assertEquals(404, client().get("/post/-1").status());
        assertEquals("User John Doe", client().get("/user/John%20Doe").text());
        assertEquals("User é", client().get("/user/%C3%A9").text());
        assertEquals(404, client().get("/user/a%2Fb").status(), "decoded before routing, so a/b is two segments");
    }

    @Test
    void headDropsTheBodyButKeepsContentLength() {
        TestResponse r = client().head("/about");
        assertEquals(200, r.status());
        assertEquals("", r.text());
        assertEquals("14", r.headers().get("Content-Length"));
    }

    @Test
    void automaticOptionsAnswersTheUnionOfMethodsOfAllRulesForThePath() {
        TestResponse r = client().options("/m");
        assertEquals(200, r.status());
        assertEquals("", r.text());
        assertEquals(Set.of("GET", "HEAD", "OPTIONS", "POST"), allow(r));
    }

    @Test
    void wrongMethodIs405WithAllow() {
        TestResponse r = client().put("/about");
        assertEquals(405, r.status());
        assertEquals(Set.of("GET", "HEAD", "OPTIONS"), allow(r));
        assertEquals("<!doctype html>\n<html lang=en>\n<title>405 Method Not Allowed</title>\n<h1>Method Not Allowed"
                + "</h1>\n<p>The method is not allowed for the requested URL.</p>\n", r.text());
        assertEquals(405, client().open(dev.flaskj.testing.TestRequest.of("FOO", "/about")).status());
    }

    @Test
    void defaultsRedirectToTheCanonicalUrl() {
        assertEquals("page 1", client().get("/d/").text());
        assertEquals("page 2", client().get("/d/page/2").text());
        TestResponse r = client().get("/d/page/1");
        assertEquals(308, r.status());
        assertEquals("http://localhost/myapplication/d/", r.location());
    }

    @Test
    void urlForInsideARequestCarriesTheContextPath() {
        assertEquals("/myapplication/user/John%20Doe http://localhost/myapplication/user/x"
                + " /myapplication/static/style.css /myapplication/about?q=a+b%26c#top", client().get("/links").text());
    }

    @Test
    @SuppressWarnings("try") // the context only needs to be open
    void urlForOutsideARequestNeedsServerName() {
        Flask app = app();
        try (AppContext ignored = app.appContext()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> urlFor("about"));
            assertTrue(e.getMessage().startsWith("Unable to build URLs outside an active request without"
                    + " 'SERVER_NAME' configured."), e.getMessage());
            app.config().put("SERVER_NAME", "example.org:8443");
            app.config().put("APPLICATION_ROOT", "/app");
            app.config().put("PREFERRED_URL_SCHEME", "https");
            assertEquals("https://example.org:8443/app/about", urlFor("about"));
            assertEquals("/app/about", urlFor("about", "_external", false));
        }
    }

    @Test
    @SuppressWarnings("try") // the context only needs to be open
    void buildErrorNamesWhatIsMissing() {
        Flask app = app();
        app.config().put("SERVER_NAME", "localhost");
        try (AppContext ignored = app.appContext()) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> urlFor("profile"));
            assertEquals("Could not build url for endpoint 'profile'. Did you forget to specify values"
                    + " ['username']?", e.getMessage());
        }
    }

    @Test
    void setupAfterTheFirstRequestFailsWithFlasksMessage() {
        Flask app = app();
        app.testClient().get("/about");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> app.addUrlRule("/late", "late", args -> "late"));
        assertTrue(e.getMessage().contains("can no longer be called on the application. It has already handled"
                + " its first request"), e.getMessage());
    }

    @Test
    void anotherViewUnderAnExistingEndpointIsRejected() {
        Flask app = new Flask("dup");
        app.addUrlRule("/a", "about", args -> "a");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> app.addUrlRule("/b", "about", args -> "b"));
        assertEquals("View function mapping is overwriting an existing endpoint function: about", e.getMessage());
    }
}
