package dev.flaskj.testing;

import static dev.flaskj.Flask.redirect;
import static dev.flaskj.Flask.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.Flask;
import dev.flaskj.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The test client's own mechanics: cookie jar, redirects, and how requests are built. */
class TestClientTest {

    private static Flask appWithEcho() {
        Flask app = new Flask("echo");
        app.addUrlRule("/echo", "echo", args -> request().method() + " " + request().fullPath(),
                "GET", "POST", "PUT", "PATCH", "DELETE");
        return app;
    }

    private static Response withSetCookie(String header) {
        Response r = new Response("ok");
        r.headers().add("Set-Cookie", header);
        return r;
    }

    // ------------------------------------------------------------------ cookie jar

    @Test
    void cookieSetByTheAppIsSentOnTheNextRequest() {
        Flask app = new Flask("cookies");
        app.addUrlRule("/set", "set", args -> new Response("set").setCookie("flavor", "chocolate"));
        app.addUrlRule("/show", "show", args -> "flavor=" + request().cookies().get("flavor", "none"));
        TestClient client = app.testClient();

        TestResponse set = client.get("/set");

        assertEquals(Map.of("flavor", "chocolate"), set.cookies());
        assertEquals("flavor=chocolate", client.get("/show").text());
        assertEquals("chocolate", client.getCookie("flavor").value());
    }

    @Test
    void cookieIsOnlySentBelowItsPath() {
        Flask app = new Flask("paths");
        app.addUrlRule("/admin/login", "login", args -> withSetCookie("token=abc; Path=/admin"));
        app.addUrlRule("/admin/panel", "panel", args -> request().cookies().get("token", "none"));
        app.addUrlRule("/administrator", "lookalike", args -> request().cookies().get("token", "none"));
        app.addUrlRule("/public", "public", args -> request().cookies().get("token", "none"));
        TestClient client = app.testClient();
        client.get("/admin/login");

        assertEquals("abc", client.get("/admin/panel").text());
        assertEquals("none", client.get("/public").text());
        assertEquals("none", client.get("/administrator").text(), "a path prefix must end at a '/'");
    }

    @Test
    void cookieWithoutPathDefaultsToTheRequestDirectory() {
        Flask app = new Flask("defaultpath");
        app.addUrlRule("/shop/cart/add", "add", args -> withSetCookie("item=pen"));
        TestClient client = app.testClient();

        client.get("/shop/cart/add");

        assertEquals("/shop/cart", client.getCookie("item").path());
    }

    @Test
    void cookiePathIncludesTheContextPath() {
        Flask app = new Flask("ctxcookie");
        app.addUrlRule("/set", "set", args -> withSetCookie("c=1; Path=/myapplication"));
        app.addUrlRule("/get", "get", args -> request().cookies().get("c", "none"));
        TestClient client = app.testClient();
        client.setContextPath("/myapplication");
        client.get("/set");

        assertEquals("1", client.get("/get").text());
        assertEquals("none", client.open(TestRequest.get("/get").contextPath("")).text());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/
            a=gone; Max-Age=0; Path=/
            a=gone; Max-Age=-1; Path=/
            a=gone; Expires=Wed, 21 Oct 2015 07:28:00 GMT; Path=/
            """)
    void expiredSetCookieDeletesTheCookie(String header) {
        Flask app = new Flask("expire");
        app.addUrlRule("/delete", "delete", args -> withSetCookie(header));
        app.addUrlRule("/show", "show", args -> request().cookies().get("a", "none"));
        TestClient client = app.testClient();
        client.setCookie("a", "1");
        assertEquals("1", client.get("/show").text());

        client.get("/delete");

        assertNull(client.getCookie("a"));
        assertEquals("none", client.get("/show").text());
    }

    // Werkzeug's Client.set_cookie quotes with dump_cookie: 0x1A-0x1F stay as they are, ';' becomes \073.
    @Test
    void setCookieQuotesTheValueAsSetCookieHeadersDo() {
        Flask app = new Flask("quote");
        app.addUrlRule("/raw", "raw", args -> request().headers().get("Cookie"));
        app.addUrlRule("/value", "value", args -> request().cookies().get("a", "none"));
        TestClient client = app.testClient();
        client.setCookie("a", "x\u001ay;z");
        assertEquals("a=\"x\u001ay\\073z\"", client.get("/raw").text());
        assertEquals("x\u001ay;z", client.get("/value").text());
    }

    // Werkzeug's test cookie jar reads Expires with parse_date, so an RFC 850 date in the past deletes too.
    @Test
    void expiresInRfc850FormDeletesTheCookie() {
        Flask app = new Flask("expire850");
        app.addUrlRule("/delete", "delete",
                args -> withSetCookie("a=gone; Expires=Sunday, 06-Nov-94 08:49:37 GMT; Path=/"));
        TestClient client = app.testClient();
        client.setCookie("a", "1");
        client.get("/delete");
        assertNull(client.getCookie("a"));
    }

    @Test
    void deleteCookieFromAResponseRemovesIt() {
        Flask app = new Flask("logout");
        app.addUrlRule("/logout", "logout", args -> new Response("bye").deleteCookie("user"));
        TestClient client = app.testClient();
        client.setCookie("user", "bob");

        client.get("/logout");

        assertNull(client.getCookie("user"));
        assertTrue(client.cookies().isEmpty());
    }

    @Test
    void maxAgeWinsOverExpiresAndKeepsTheCookie() {
        Flask app = new Flask("maxage");
        app.addUrlRule("/set", "set", args -> withSetCookie(
                "s=1; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=3600; Path=/"));
        TestClient client = app.testClient();

        client.get("/set");

        assertEquals("1", client.getCookie("s").value());
        assertTrue(client.getCookie("s").expires() != null);
    }

    @Test
    void cookieForAnotherDomainIsNotSent() {
        Flask app = new Flask("domain");
        app.addUrlRule("/set", "set", args -> withSetCookie("d=1; Domain=example.com; Path=/"));
        app.addUrlRule("/show", "show", args -> request().cookies().get("d", "none"));
        TestClient client = app.testClient();
        client.get("/set");

        assertEquals("none", client.get("/show").text());
        assertEquals("1", client.open(TestRequest.get("/show").baseUrl("http://www.example.com/")).text());
    }

    @Test
    void quotedCookieValueIsDecodedInTheJarAndSentBackAsReceived() {
        Flask app = new Flask("quoted");
        app.addUrlRule("/set", "set", args -> withSetCookie("u=\"the user\\073x\"; Path=/"));
        app.addUrlRule("/raw", "raw", args -> request().headers().get("Cookie", "none"));
        TestClient client = app.testClient();
        client.get("/set");

        assertEquals("the user;x", client.getCookie("u").value());
        assertEquals("u=\"the user\\073x\"", client.get("/raw").text());
    }

    @Test
    void setGetAndDeleteCookieOnTheClient() {
        Flask app = new Flask("manual");
        app.addUrlRule("/show", "show", args -> request().cookies().get("theme", "none"));
        TestClient client = app.testClient();

        client.setCookie("theme", "dark");
        assertEquals("dark", client.getCookie("theme").value());
        assertEquals("dark", client.get("/show").text());

        client.deleteCookie("theme");
        assertNull(client.getCookie("theme"));
        assertEquals("none", client.get("/show").text());
    }

    @Test
    void withoutCookiesNothingIsStoredOrSent() {
        Flask app = new Flask("nocookies");
        app.addUrlRule("/set", "set", args -> new Response("set").setCookie("a", "1"));
        app.addUrlRule("/raw", "raw", args -> request().headers().get("Cookie", "none"));
        TestClient client = app.testClient(false);

        assertEquals(Map.of("a", "1"), client.get("/set").cookies());
        assertEquals("none", client.get("/raw").text());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> client.getCookie("a"));
        assertTrue(e.getMessage().startsWith("Cookies are disabled."), e.getMessage());
    }

    // ------------------------------------------------------------------ redirects

    private static Flask redirectingApp(int code) {
        Flask app = new Flask("redirects");
        app.addUrlRule("/start", "start", args -> redirect("/target", code), "GET", "POST", "HEAD");
        app.addUrlRule("/target", "target",
                args -> request().method() + " form=" + request().form().get("a", "-"), "GET", "POST");
        return app;
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(textBlock = """
            301, GET  form=-
            302, GET  form=-
            303, GET  form=-
            307, POST form=1
            308, POST form=1
            """)
    void redirectMethodRules(int code, String expected) {
        TestClient client = redirectingApp(code).testClient();

        TestResponse r = client.open(TestRequest.post("/start").form("a", "1").followRedirects(true));

        assertEquals(200, r.status());
        assertEquals(expected.replace("  ", " "), r.text());
        assertEquals(1, r.history().size());
        assertEquals(code, r.history().get(0).status());
        assertEquals("/target", r.history().get(0).location());
        assertEquals("/target", r.request().path());
    }

    @Test
    void headStaysHeadAcrossA302() {
        Flask app = new Flask("headredirect");
        app.addUrlRule("/start", "start", args -> redirect("/target"));
        app.addUrlRule("/target", "target", args -> "target body");
        TestClient client = app.testClient();

        TestResponse r = client.open(TestRequest.head("/start").followRedirects(true));

        assertEquals(200, r.status());
        assertEquals("HEAD", r.request().method());
        assertEquals(0, r.data().length);
        assertEquals("11", r.header("Content-Length"));
    }

    @Test
    void redirectsAreNotFollowedByDefault() {
        TestResponse r = redirectingApp(302).testClient().get("/start");

        assertEquals(302, r.status());
        assertEquals("/target", r.location());
        assertTrue(r.history().isEmpty());
    }

    @Test
    void aChainOfRedirectsIsRecordedInOrder() {
        Flask app = new Flask("chain");
        app.addUrlRule("/a", "a", args -> redirect("/b", 301));
        app.addUrlRule("/b", "b", args -> redirect("/c", 302));
        app.addUrlRule("/c", "c", args -> "end");

        TestResponse r = app.testClient().open(TestRequest.get("/a").followRedirects(true));

        assertEquals("end", r.text());
        assertEquals(List.of(301, 302), r.history().stream().map(TestResponse::status).toList());
    }

    @Test
    void redirectLoopFailsAfterTwentyHops() {
        Flask app = new Flask("loop");
        app.addUrlRule("/loop", "loop", args -> redirect("/loop"));

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> app.testClient().open(TestRequest.get("/loop").followRedirects(true)));

        assertTrue(e.getMessage().startsWith("Too many redirects"), e.getMessage());
    }

    @Test
    void absoluteLocationOnTheSameHostIsFollowedAndAnotherHostIsNot() {
        Flask app = new Flask("absolute");
        app.addUrlRule("/same", "same", args -> redirect("http://localhost/target"));
        app.addUrlRule("/away", "away", args -> redirect("https://other.example/x"));
        app.addUrlRule("/target", "target", args -> "here " + request().url());
        TestClient client = app.testClient();

        assertEquals("here http://localhost/target",
                client.open(TestRequest.get("/same").followRedirects(true)).text());
        TestResponse away = client.open(TestRequest.get("/away").followRedirects(true));
        assertEquals(302, away.status());
        assertEquals("https://other.example/x", away.location());
    }

    @Test
    void relativeLocationResolvesAgainstTheRequestUrl() {
        Flask app = new Flask("relative");
        app.addUrlRule("/docs/old", "old", args -> redirect("new?v=2"));
        app.addUrlRule("/docs/new", "new", args -> request().fullPath());

        TestResponse r = app.testClient().open(TestRequest.get("/docs/old").followRedirects(true));

        assertEquals("/docs/new?v=2", r.text());
    }

    @Test
    void redirectUnderAContextPathKeepsTheContextPath() {
        Flask app = new Flask("ctxredirect");
        app.addUrlRule("/start", "start", args -> redirect(dev.flaskj.Flask.urlFor("target")));
        app.addUrlRule("/target", "target", args -> request().scriptRoot() + "|" + request().path());
        TestClient client = app.testClient();
        client.setContextPath("/myapplication");

        TestResponse r = client.open(TestRequest.get("/start").followRedirects(true));

        assertEquals("/myapplication/target", r.history().get(0).location());
        assertEquals("/myapplication|/target", r.text());
    }

    @Test
    void cookiesSetDuringRedirectsAreKept() {
        Flask app = new Flask("logincookie");
        app.addUrlRule("/login", "login", args -> redirect("/home").setCookie("user", "bob"), "POST");
        app.addUrlRule("/home", "home", args -> "hi " + request().cookies().get("user", "nobody"));

        TestResponse r = app.testClient().open(TestRequest.post("/login").followRedirects(true));

        assertEquals("hi bob", r.text());
    }

    // ------------------------------------------------------------------ building requests

    @Test
    void queryFromThePathAndFromQueryCalls() {
        TestClient client = appWithEcho().testClient();

        TestResponse r = client.get("/echo?x=1", req -> req.query("y", "a b").query("y", "&="));

        assertEquals("GET /echo?x=1&y=a+b&y=%26%3D", r.text());
    }

    @Test
    void queryValuesReachArgs() {
        Flask app = new Flask("args");
        app.addUrlRule("/search", "search", args -> request().args().getList("tag") + " "
                + request().args().get("q"));

        TestResponse r = app.testClient().get("/search", req -> req.query("tag", "a").query("tag", "b")
                .query("q", "x y&z"));

        assertEquals("[a, b] x y&z", r.text());
    }

    @Test
    void formPostIsUrlencoded() {
        Flask app = new Flask("form");
        app.addUrlRule("/login", "login", args -> request().mimetype() + " " + request().form().get("username")
                + "/" + request().form().get("password"), "POST");

        TestResponse r = app.testClient().post("/login", Map.of("username", "bob smith", "password", "p&w=1"));

        assertEquals("application/x-www-form-urlencoded bob smith/p&w=1", r.text());
    }

    @Test
    void formWithRepeatedKeysFromAnIterable() {
        Flask app = new Flask("formlist");
        app.addUrlRule("/pick", "pick", args -> String.valueOf(request().form().getList("c")), "POST");

        assertEquals("[red, blue]", app.testClient().post("/pick", Map.of("c", List.of("red", "blue"))).text());
    }

    @Test
    void jsonBodyIsSerialisedWithTheAppProviderAndTyped() {
        Flask app = new Flask("json");
        app.addUrlRule("/api", "api", args -> {
            Map<?, ?> body = (Map<?, ?>) request().json();
            return request().contentType() + " " + body.get("name");
        }, "POST");

        TestResponse r = app.testClient().post("/api", req -> req.json(Map.of("name", "pen")));

        assertEquals("application/json pen", r.text());
    }

    @Test
    void rawDataWithContentType() {
        Flask app = new Flask("data");
        app.addUrlRule("/raw", "raw", args -> request().contentType() + " " + request().contentLength() + " "
                + new String(request().data(), StandardCharsets.UTF_8), "PUT");

        TestResponse r = app.testClient().put("/raw", req -> req.data("hello é").contentType("text/plain"));

        assertEquals("text/plain 8 hello é", r.text());
    }

    @Test
    void filesMakeAMultipartBody() {
        Flask app = new Flask("upload");
        app.addUrlRule("/upload", "upload", args -> {
            byte[] body = request().servletRequest().getInputStream().readAllBytes();
            return request().mimetype() + "\n" + new String(body, StandardCharsets.UTF_8);
        }, "POST");

        TestResponse r = app.testClient().open(TestRequest.post("/upload").form("title", "Beach")
                .file("photo", "beach.txt", "text/plain", "sand".getBytes(StandardCharsets.UTF_8)));

        String text = r.text();
        assertTrue(text.startsWith("multipart/form-data\n--"), text);
        assertTrue(text.contains("Content-Disposition: form-data; name=\"title\"\r\n\r\nBeach\r\n"), text);
        assertTrue(text.contains("Content-Disposition: form-data; name=\"photo\"; filename=\"beach.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nsand\r\n"), text);
        assertTrue(text.endsWith("--\r\n"), text);
    }

    @Test
    void uploadedFilesAreParsedByTheApp() {
        Flask app = new Flask("upload-parsed");
        app.addUrlRule("/upload", "upload", args -> {
            var photos = request().files().getList("photo");
            StringBuilder out = new StringBuilder(request().form().get("title"));
            for (var f : photos) {
                out.append(' ').append(f.filename()).append('=').append(new String(f.read(), StandardCharsets.UTF_8));
            }
            return out.toString();
        }, "POST");

        TestResponse r = app.testClient().open(TestRequest.post("/upload").form("title", "Beach")
                .file("photo", "a.txt", "text/plain", "sand".getBytes(StandardCharsets.UTF_8))
                .file("photo", "b.txt", "text/plain", "sea".getBytes(StandardCharsets.UTF_8)));

        assertEquals("Beach a.txt=sand b.txt=sea", r.text());
    }

    @Test
    void twoKindsOfBodyAreRejected() {
        TestClient client = appWithEcho().testClient();

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> client.post("/echo", req -> req.form("a", "1").json(Map.of("b", 2))));

        assertTrue(e.getMessage().startsWith("A test request has one body"), e.getMessage());
    }

    @Test
    void headersAreCaseInsensitiveAndRepeatable() {
        Flask app = new Flask("headers");
        app.addUrlRule("/h", "h", args -> request().headers().getList("x-tag") + " "
                + request().headers().get("USER-AGENT", "none"));

        TestResponse r = app.testClient().get("/h", req -> req.header("X-Tag", "a").header("x-tag", "b"));

        assertTrue(r.text().startsWith("[a, b] flaskj-test-client/"), r.text());
    }

    @Test
    void headerReplacesADefault() {
        Flask app = new Flask("ua");
        app.addUrlRule("/ua", "ua", args -> request().userAgent() + " " + request().host());

        TestResponse r = app.testClient().get("/ua", req -> req.header("User-Agent", "curl/8").header("Host",
                "h.example"));

        assertEquals("curl/8 h.example", r.text());
    }

    @Test
    void defaultsAreWerkzeugs() {
        Flask app = new Flask("defaults");
        app.addUrlRule("/", "index", args -> request().url() + " " + request().remoteAddr() + " "
                + request().host() + " " + request().scriptRoot().isEmpty());

        assertEquals("http://localhost/ 127.0.0.1 localhost true", app.testClient().get("/").text());
    }

    @Test
    void baseUrlSetsSchemeHostPortAndContextPath() {
        Flask app = new Flask("base");
        app.addUrlRule("/where", "where", args -> String.join("|", request().url(), request().scheme(),
                request().host(), request().scriptRoot(), request().path(), request().fullPath()));

        TestResponse r = app.testClient().open(TestRequest.get("/where?x=1")
                .baseUrl("https://example.com:8443/myapplication"));

        assertEquals("https://example.com:8443/myapplication/where?x=1|https|example.com:8443|/myapplication"
                + "|/where|/where?x=1", r.text());
    }

    @Test
    void defaultBaseComesFromConfig() {
        Flask app = new Flask("servername");
        app.config().put("SERVER_NAME", "example.org:8443");
        app.config().put("APPLICATION_ROOT", "/app");
        app.config().put("PREFERRED_URL_SCHEME", "https");
        app.addUrlRule("/ok", "ok", args -> request().url());

        assertEquals("https://example.org:8443/app/ok", app.testClient().get("/ok").text());
    }

    @Test
    void clientWideBaseUrl() {
        Flask app = new Flask("clientbase");
        app.addUrlRule("/x", "x", args -> request().url());
        TestClient client = app.testClient();
        client.setBaseUrl("https://shop.example/store");

        assertEquals("https://shop.example/store/x", client.get("/x").text());
    }

    @Test
    void pathTextIsPercentEncodedAndDecodedByTheApp() {
        Flask app = new Flask("encoding");
        app.addUrlRule("/user/<name>", "user", args -> request().path() + " | "
                + request().servletRequest().getRequestURI() + " | " + args.get("name"));

        TestResponse r = app.testClient().get("/user/John Doe é");

        assertEquals("/user/John Doe é | /user/John%20Doe%20%C3%A9 | John Doe é", r.text());
    }

    @Test
    void everyMethodShortcutSendsItsMethod() {
        TestClient client = appWithEcho().testClient();

        assertEquals("GET /echo?", client.get("/echo").text());
        assertEquals("POST /echo?", client.post("/echo").text());
        assertEquals("PUT /echo?", client.put("/echo").text());
        assertEquals("PATCH /echo?", client.patch("/echo").text());
        assertEquals("DELETE /echo?", client.delete("/echo").text());
        assertEquals(200, client.head("/echo").status());
        assertEquals(200, client.options("/echo").status());
    }

    // ------------------------------------------------------------------ responses

    @Test
    void responseAccessors() {
        Flask app = new Flask("accessors");
        app.addUrlRule("/r", "r", args -> {
            Response r = new Response("{\"a\":1}".getBytes(StandardCharsets.UTF_8), 201, "application/json");
            r.headers().add("X-Multi", "1");
            r.headers().add("X-Multi", "2");
            return r;
        });

        TestResponse r = app.testClient().get("/r");

        assertEquals(201, r.status());
        assertEquals("application/json", r.mimetype());
        assertEquals("application/json", r.contentType());
        assertEquals(List.of("1", "2"), r.headers().getList("x-multi"));
        assertEquals("1", r.header("X-MULTI"));
        assertEquals(Map.of("a", 1), r.json());
        assertTrue(r.isJson());
        assertEquals("/r", r.request().path());
    }

    @Test
    void jsonOfAnHtmlResponseFailsWithTheContentType() {
        Flask app = new Flask("notjson");
        app.addUrlRule("/", "index", args -> "<p>hi</p>");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> app.testClient().get("/").json());

        assertTrue(e.getMessage().contains("text/html; charset=utf-8"), e.getMessage());
        assertFalse(app.testClient().get("/").isJson());
    }

    @Test
    void sessionTransactionWithoutSecretKeySaysWhy() {
        Flask app = new Flask("session");

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> app.testClient().sessionTransaction(session -> session.put("user_id", 42)));

        assertEquals("Session backend did not open a session. Check the configuration (is SECRET_KEY set?)",
                e.getMessage());
    }
}
