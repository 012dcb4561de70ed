package dev.flaskj;

import static dev.flaskj.Flask.request;
import static dev.flaskj.Flask.urlFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.testing.TestClient;
import dev.flaskj.testing.TestRequest;
import dev.flaskj.testing.TestResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TRUSTED_HOSTS as Flask 3.1 applies it; every expected answer was checked against Flask 3.1.3 / Werkzeug 3.1.8. */
class TrustedHostsTest {
    private final List<String> ran = new ArrayList<>();

    private Flask app(Object trusted) {
        Flask app = new Flask("hosts");
        app.config().put("TRUSTED_HOSTS", trusted);
        app.addUrlRule("/x", "x", args -> {
            ran.add("x");
            return urlFor("x", "_external", true) + " " + request().host() + " " + request().url();
        });
        app.addUrlRule("/dir/", "dir", args -> "dir");
        return app;
    }

    private static TestResponse get(TestClient c, String path, String host) {
        return c.open(TestRequest.get(path).header("Host", host));
    }

    @Test
    void untrustedHostIs400AndNoUrlCarriesIt() {
        TestClient c = app(List.of("good.example")).testClient();
        TestResponse evil = get(c, "/x", "evil.example");
        assertEquals(400, evil.status());
        assertTrue(evil.text().contains("Host &#39;evil.example&#39; is not trusted."), evil.text());
        TestResponse redirect = get(c, "/dir", "evil.example");
        assertEquals(400, redirect.status(), "no slash redirect to the untrusted host");
        assertEquals(null, redirect.location());
        assertEquals(List.of(), ran);
        assertEquals("http://good.example/x good.example http://good.example/x", get(c, "/x", "good.example").text());
        assertEquals("http://good.example/dir/", get(c, "/dir", "good.example").location());
    }

    @Test
    void subdomainWildcardAndPortsAsFlask() {
        TestClient c = app(List.of("good.example", ".sub.example")).testClient();
        assertEquals(200, get(c, "/x", "good.example:8080").status());
        assertEquals("http://good.example:8080/x", get(c, "/x", "good.example:8080").text().split(" ")[0]);
        assertEquals(200, get(c, "/x", "a.sub.example").status());
        assertEquals(200, get(c, "/x", "sub.example").status());
        assertEquals(200, get(c, "/x", "x.sub.example:1").status());
        assertEquals(400, get(c, "/x", "GOOD.example").status());
        assertEquals(400, get(c, "/x", "good.example.").status());
        assertEquals(400, get(c, "/x", "evil.com/x").status());
        assertEquals(400, get(c, "/x", "[::1]").status());
        assertEquals(400, get(c, "/x", "asub.example").status());
    }

    @Test
    void aSingleStringAndAJsonContextParamWork() {
        assertEquals(400, get(app("good.example").testClient(), "/x", "evil.example").status());
        assertEquals(200, get(app("good.example").testClient(), "/x", "good.example").status());
        Object parsed = Config.parseJsonOrString("[\"good.example\"]");
        assertEquals(400, get(app(parsed).testClient(), "/x", "evil.example").status());
        assertEquals(200, get(app(parsed).testClient(), "/x", "good.example").status());
    }

    @Test
    void withoutTrustedHostsAnyWellFormedHostIsUsedAndAMalformedOneIs400() {
        TestClient c = app(null).testClient();
        assertEquals("http://evil.example/x evil.example http://evil.example/x", get(c, "/x", "evil.example").text());
        assertEquals(200, get(app(List.of()).testClient(), "/x", "evil.example").status(), "empty list: no check");
        for (String bad : new String[] {"evil.com/x", "a b", "evil.example@x", "x\"y"}) {
            TestResponse r = get(c, "/dir", bad);
            assertEquals(400, r.status(), bad);
            assertEquals(null, r.location(), bad);
        }
    }

    /** Flask runs before-request functions before the routing error is raised, so a hook sees the 400 too. */
    @Test
    void beforeRequestHookReadingTheHostGetsThe400() {
        Flask app = app(List.of("good.example"));
        app.beforeRequest(() -> {
            ran.add("before " + request().host());
            return null;
        });
        TestResponse r = get(app.testClient(), "/x", "evil.example");
        assertEquals(400, r.status());
        assertEquals(List.of(), ran);
    }
}
