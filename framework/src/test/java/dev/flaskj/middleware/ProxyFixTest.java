package dev.flaskj.middleware;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flaskj.Flask;
import dev.flaskj.testing.FakeHttpServletRequest;
import dev.flaskj.testing.FakeHttpServletResponse;
import dev.flaskj.testing.FakeServletContext;
import org.junit.jupiter.api.Test;

/** ProxyFix in front of the app: external URLs and the client address as the client saw them. */
class ProxyFixTest {
    private static Flask app() {
        Flask app = new Flask("proxied");
        app.addUrlRule("/u", "u", args -> Flask.urlFor("u", "_external", true) + " " + Flask.request().remoteAddr()
                + " " + Flask.request().scheme() + " " + Flask.request().url());
        return app;
    }

    private static String get(ProxyFix fix, FakeHttpServletRequest req) throws Exception {
        Flask app = app();
        FakeHttpServletResponse res = new FakeHttpServletResponse();
        fix.doFilter(req, res, (rq, rs) -> app.handleRequest((jakarta.servlet.http.HttpServletRequest) rq,
                (jakarta.servlet.http.HttpServletResponse) rs, null));
        return res.bodyText();
    }

    private static FakeHttpServletRequest behindProxy() {
        FakeHttpServletRequest req = new FakeHttpServletRequest("GET", "/myapplication/u");
        req.setContextPath("/myapplication");
        req.setServer("http", "backend", 8080);
        req.setServletContext(new FakeServletContext("/myapplication"));
        req.setHeader("Host", "backend:8080");
        req.setRemoteAddr("10.0.0.2");
        req.setHeader("X-Forwarded-For", "1.2.3.4");
        req.setHeader("X-Forwarded-Proto", "https");
        req.setHeader("X-Forwarded-Host", "proxy.example");
        req.setHeader("X-Forwarded-Prefix", "/pre");
        return req;
    }

    @Test
    void forwardedProtoHostAndPrefixBuildTheExternalUrl() throws Exception {
        // Werkzeug 3.1: ProxyFix(x_for=1, x_proto=1, x_host=1, x_prefix=1) -> https://proxy.example/pre/u
        assertEquals("https://proxy.example/pre/u 1.2.3.4 https https://proxy.example/pre/u",
                get(new ProxyFix(1, 1, 1, 0, 1), behindProxy()));
    }

    @Test
    void withoutTrustForAHeaderItIsIgnored() throws Exception {
        assertEquals("https://backend:8080/myapplication/u 1.2.3.4 https https://backend:8080/myapplication/u",
                get(new ProxyFix(), behindProxy()));
        assertEquals("http://backend:8080/myapplication/u 10.0.0.2 http http://backend:8080/myapplication/u",
                get(new ProxyFix(0, 0, 0, 0, 0), behindProxy()));
    }

    @Test
    void trustCountPicksTheValueFromTheRightAndPortReplacesTheHostPort() throws Exception {
        FakeHttpServletRequest req = behindProxy();
        req.setHeader("X-Forwarded-For", "6.6.6.6, 1.2.3.4, 10.0.0.1");
        req.setHeader("X-Forwarded-Port", "8443");
        assertEquals("https://proxy.example:8443/pre/u 1.2.3.4 https https://proxy.example:8443/pre/u",
                get(new ProxyFix(2, 1, 1, 1, 1), req));
        assertEquals(null, ProxyFix.trusted(3, "a, b"), "fewer values than trusted hops: ignored");
    }
}
