package dev.flaskj;

import static dev.flaskj.Flask.abort;
import static dev.flaskj.Flask.jsonify;
import static dev.flaskj.Flask.makeResponse;
import static dev.flaskj.Flask.redirect;
import static dev.flaskj.Flask.request;
import static dev.flaskj.Flask.urlFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.testing.TestClient;
import dev.flaskj.testing.TestResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the client sees for Flask's basic answers: 404, 405, OPTIONS, HEAD, abort, redirect, make_response,
 * jsonify, and the request's URL parts under a context path.
 */
class ResponseBasicsTest {

    private static Set<String> allow(TestResponse r) {
        return Set.of(r.header("Allow").split(", "));
    }

    @Test
    void unknownUrlGetsWerkzeugs404Page() {
        TestResponse r = new Flask("nf").testClient().get("/nope");

        assertEquals(404, r.status());
        assertEquals("<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n"
                + "<p>The requested URL was not found on the server. If you entered the URL manually please check"
                + " your spelling and try again.</p>\n", r.text());
        assertEquals(207, r.data().length);
        assertEquals("text/html; charset=utf-8", r.contentType());
    }

    @Test
    void wrongMethodGets405WithAllow() {
        Flask app = new Flask("mna");
        app.addUrlRule("/login", "login", args -> "posted", "POST");

        TestResponse r = app.testClient().get("/login");

        assertEquals(405, r.status());
        assertEquals(Set.of("POST", "OPTIONS"), allow(r));
        assertEquals("<!doctype html>\n<html lang=en>\n<title>405 Method Not Allowed</title>\n"
                + "<h1>Method Not Allowed</h1>\n<p>The method is not allowed for the requested URL.</p>\n", r.text());
        assertEquals(153, r.data().length);
    }

    @Test
    void optionsIsAnsweredAutomatically() {
        Flask app = new Flask("opts");
        app.addUrlRule("/", "index", args -> "index");

        TestResponse r = app.testClient().options("/");

        assertEquals(200, r.status());
        assertEquals(Set.of("GET", "HEAD", "OPTIONS"), allow(r));
        assertEquals(0, r.data().length);
    }

    @Test
    void headDropsTheBodyAndKeepsContentLength() {
        Flask app = new Flask("head");
        app.addUrlRule("/about", "about", args -> "About");

        TestResponse r = app.testClient().head("/about");

        assertEquals(200, r.status());
        assertEquals(0, r.data().length);
        assertEquals("5", r.header("Content-Length"));
    }

    @Test
    void abort401PageByteForByte() {
        Flask app = new Flask("abort401");
        app.addUrlRule("/secret", "secret", args -> {
            throw abort(401);
        });

        TestResponse r = app.testClient().get("/secret");

        assertEquals(401, r.status());
        assertEquals("<!doctype html>\n<html lang=en>\n<title>401 Unauthorized</title>\n<h1>Unauthorized</h1>\n"
                + "<p>The server could not verify that you are authorized to access the URL requested. You either"
                + " supplied the wrong credentials (e.g. a bad password), or your browser doesn&#39;t understand how"
                + " to supply the credentials required.</p>\n", r.text());
    }

    @Test
    void abortWithADescriptionEscapesIt() {
        Flask app = new Flask("abortdesc");
        app.addUrlRule("/x", "x", args -> {
            throw abort(404, "Thing <b>missing</b>\nline2");
        });

        assertTrue(app.testClient().get("/x").text()
                .endsWith("<p>Thing &lt;b&gt;missing&lt;/b&gt;<br>line2</p>\n"));
    }

    @Test
    void abortWithAResponseSendsItAsItIs() {
        Flask app = new Flask("abortresp");
        app.errorHandler(418, e -> "handler must not run");
        app.addUrlRule("/tea", "tea", args -> {
            throw abort(makeResponse("custom body", 418));
        });

        TestResponse r = app.testClient().get("/tea");

        assertEquals(418, r.status());
        assertEquals("custom body", r.text());
    }

    @Test
    void redirectUnderAContextPath() {
        Flask app = new Flask("redir");
        app.addUrlRule("/", "index", args -> redirect(urlFor("login")));
        app.addUrlRule("/login", "login", args -> "login");
        TestClient client = app.testClient();
        client.setContextPath("/myapplication");

        TestResponse r = client.get("/");

        assertEquals(302, r.status());
        assertEquals("/myapplication/login", r.location());
        assertEquals("text/html; charset=utf-8", r.contentType());
        assertEquals("<!doctype html>\n<html lang=en>\n<title>Redirecting...</title>\n<h1>Redirecting...</h1>\n"
                + "<p>You should be redirected automatically to the target URL: <a href=\"/myapplication/login\">"
                + "/myapplication/login</a>. If not, click the link.\n", r.text());
    }

    @Test
    void requestUrlPartsUnderAContextPath() {
        Flask app = new Flask("urlparts");
        app.addUrlRule("/a/b", "ab", args -> String.join("|", request().path(), request().scriptRoot(),
                request().url(), request().fullPath(), request().baseUrl(), request().urlRoot()));
        TestClient client = app.testClient();
        client.setContextPath("/myapplication");

        TestResponse r = client.get("/a/b?x=1");

        assertEquals("/a/b|/myapplication|http://localhost/myapplication/a/b?x=1|/a/b?x=1"
                + "|http://localhost/myapplication/a/b|http://localhost/myapplication/", r.text());
    }

    @Test
    void fullPathHasAQuestionMarkEvenWithoutAQuery() {
        Flask app = new Flask("fullpath");
        app.addUrlRule("/", "index", args -> request().fullPath());

        assertEquals("/?", app.testClient().get("/").text());
    }

    @Test
    void makeResponseHeadersReplaceExistingOnes() {
        Flask app = new Flask("replace");
        app.addUrlRule("/", "index", args -> {
            Response original = new Response("body");
            original.headers().set("X-A", "orig");
            return makeResponse(original, 404, Map.of("X-A", "new"));
        });

        TestResponse r = app.testClient().get("/");

        assertEquals(404, r.status());
        assertEquals(List.of("new"), r.headers().getList("X-A"));
    }

    @Test
    void stringIsHtmlUtf8() {
        Flask app = new Flask("str");
        app.addUrlRule("/", "index", args -> "Grüße");

        TestResponse r = app.testClient().get("/");

        assertEquals("text/html; charset=utf-8", r.contentType());
        assertEquals("Grüße", r.text());
        assertEquals("7", r.header("Content-Length"));
    }

    @Test
    void jsonifyShape() {
        Flask app = new Flask("jsonify");
        app.addUrlRule("/", "index", args -> jsonify(Map.of("a", 1)));

        TestResponse r = app.testClient().get("/");

        assertEquals(200, r.status());
        assertEquals("application/json", r.mimetype());
        assertEquals("application/json", r.contentType());
        assertTrue(r.text().endsWith("}\n"), r.text());
        assertEquals(Map.of("a", 1), r.json());
    }

    @Test
    void viewArgumentsFromTheUrl() {
        Flask app = new Flask("user");
        app.addUrlRule("/user/<username>", "user", args -> "User " + args.get("username"));

        assertEquals("User bob", app.testClient().get("/user/bob").text());
    }
}
