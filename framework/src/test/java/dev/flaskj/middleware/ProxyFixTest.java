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

    /**
     * A proxy that appends its own header line leaves the client's forged line first; the lines are one list,
     * joined with commas as a WSGI server joins them, before the trusted value is taken from the right.
     */
    @Test
    void repeatedHeaderLinesAreOneListNotTheFirstLine() throws Exception {
        FakeHttpServletRequest req = behindProxy();
        req.setHeader("X-Forwarded-For", "6.6.6.6");
        req.addHeader("X-Forwarded-For", "1.2.3.4");
        req.setHeader("X-Forwarded-Proto", "http");
        req.addHeader("X-Forwarded-Proto", "https");
        req.setHeader("X-Forwarded-Host", "evil.example");
        req.addHeader("X-Forwarded-Host", "proxy.example");
        req.setHeader("X-Forwarded-Prefix", "/evil");
        req.addHeader("X-Forwarded-Prefix", "/pre");
        assertEquals("https://proxy.example/pre/u 1.2.3.4 https https://proxy.example/pre/u",
                get(new ProxyFix(1, 1, 1, 0, 1), req));
        FakeHttpServletRequest two = behindProxy();
        two.setHeader("X-Forwarded-For", "6.6.6.6, 5.5.5.5");
        two.addHeader("X-Forwarded-For", "1.2.3.4");
        two.addHeader("X-Forwarded-For", "10.0.0.1");
        assertEquals("1.2.3.4", get(new ProxyFix(2, 1, 1, 0, 1), two).split(" ")[1]);
        FakeHttpServletRequest port = behindProxy();
        port.setHeader("X-Forwarded-Port", "1");
        port.addHeader("X-Forwarded-Port", "8443");
        assertEquals("https://proxy.example:8443/pre/u", get(new ProxyFix(1, 1, 1, 1, 1), port).split(" ")[0]);
    }

    /** Werkzeug tests/middleware/test_proxy_fix.py::test_proxy_fix, each parameter set by its id. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("werkzeugCases")
    void werkzeugProxyFixCases(String id, int[] trust, String[][] environ, String urlRoot) throws Exception {
        FakeHttpServletRequest req = new FakeHttpServletRequest("GET", "/parrot");
        req.setServletContext(new FakeServletContext(""));
        req.setServer("http", "localhost", 80);
        req.setRemoteAddr("192.168.0.1");
        for (String[] kv : environ) {
            switch (kv[0]) {
                case "REMOTE_ADDR" -> req.setRemoteAddr(kv[1]);
                case "SERVER" -> { // SERVER_NAME and SERVER_PORT without a Host header
                    req.setServer("http", kv[1].split(":")[0], Integer.parseInt(kv[1].split(":")[1]));
                    req.removeHeader("Host");
                }
                default -> req.setHeader(kv[0], kv[1]);
            }
        }
        Flask app = new Flask("parrot");
        app.addUrlRule("/parrot", "parrot", args -> Flask.request().remoteAddr() + " " + Flask.request().urlRoot()
                + " " + Flask.urlFor("parrot", "_external", true));
        FakeHttpServletResponse res = new FakeHttpServletResponse();
        new ProxyFix(trust[0], trust[1], trust[2], trust[3], trust[4]).doFilter(req, res,
                (rq, rs) -> app.handleRequest((jakarta.servlet.http.HttpServletRequest) rq,
                        (jakarta.servlet.http.HttpServletResponse) rs, null));
        assertEquals("192.168.0.1 " + urlRoot + " " + urlRoot + "parrot", res.bodyText(), id);
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> werkzeugCases() {
        int[] dflt = {1, 1, 0, 0, 0};
        return java.util.stream.Stream.of(
                c("for", dflt, "https://spam/", "REMOTE_ADDR", "192.168.0.2", "Host", "spam",
                        "X-Forwarded-For", "192.168.0.1", "X-Forwarded-Proto", "https"),
                c("proto", new int[] {1, 1, 0, 0, 0}, "https://spam/", "Host", "spam", "X-Forwarded-Proto", "https"),
                c("host", new int[] {1, 1, 1, 0, 0}, "http://eggs/", "Host", "spam", "X-Forwarded-Host", "eggs"),
                c("port, host without port", new int[] {1, 1, 0, 1, 0}, "http://spam:8080/", "Host", "spam",
                        "X-Forwarded-Port", "8080"),
                c("port, host with port", new int[] {1, 1, 0, 1, 0}, "http://spam:8080/", "Host", "spam:9000",
                        "X-Forwarded-Port", "8080"),
                c("port, name", new int[] {1, 1, 0, 1, 0}, "http://spam:8080/", "SERVER", "spam:9000",
                        "X-Forwarded-Port", "8080"),
                c("prefix", new int[] {1, 1, 0, 0, 1}, "http://spam/eggs/", "Host", "spam",
                        "X-Forwarded-Prefix", "/eggs"),
                c("all", new int[] {1, 1, 1, 1, 1}, "https://eggs/ham/", "REMOTE_ADDR", "192.168.0.2",
                        "Host", "spam:9000", "X-Forwarded-For", "192.168.0.1", "X-Forwarded-Proto", "https",
                        "X-Forwarded-Host", "eggs", "X-Forwarded-Port", "443", "X-Forwarded-Prefix", "/ham"),
                c("multiple for", new int[] {2, 1, 0, 0, 0}, "http://spam/", "REMOTE_ADDR", "192.168.0.3",
                        "Host", "spam", "X-Forwarded-For", "192.168.0.1, 192.168.0.2"),
                c("ignore 0", new int[] {0, 1, 0, 0, 0}, "http://spam/", "Host", "spam",
                        "X-Forwarded-For", "192.168.0.2"),
                c("ignore len < trusted", new int[] {3, 1, 0, 0, 0}, "http://spam/", "Host", "spam",
                        "X-Forwarded-For", "192.168.0.3, 192.168.0.2"),
                c("ignore untrusted", dflt, "http://spam/", "REMOTE_ADDR", "192.168.0.2", "Host", "spam",
                        "X-Forwarded-For", "192.168.0.3, 192.168.0.1"),
                c("ignore empty", new int[] {2, 1, 0, 0, 0}, "http://spam/", "Host", "spam",
                        "X-Forwarded-For", ", 192.168.0.3"),
                c("prefix < for", new int[] {2, 1, 0, 0, 1}, "http://spam/eggs/", "REMOTE_ADDR", "192.168.0.2",
                        "Host", "spam", "X-Forwarded-For", "192.168.0.1, 192.168.0.3",
                        "X-Forwarded-Prefix", "/ham, /eggs"),
                c("ipv6 host", new int[] {1, 1, 1, 0, 0}, "http://[2001:db8::a]/", "Host", "spam",
                        "X-Forwarded-Host", "[2001:db8::a]"),
                c("ipv6 port, host without port", new int[] {1, 1, 0, 1, 0}, "http://[2001:db8::a]:8080/",
                        "Host", "[2001:db8::a]", "X-Forwarded-Port", "8080"),
                c("ipv6 - port, host with port", new int[] {1, 1, 0, 1, 0}, "http://[2001:db8::a]:8080/",
                        "Host", "[2001:db8::a]:9000", "X-Forwarded-Port", "8080"));
    }

    private static org.junit.jupiter.params.provider.Arguments c(String id, int[] trust, String urlRoot,
            String... kv) {
        String[][] environ = new String[kv.length / 2][];
        for (int i = 0; i < kv.length; i += 2) {
            environ[i / 2] = new String[] {kv[i], kv[i + 1]};
        }
        return org.junit.jupiter.params.provider.Arguments.of(id, trust, environ, urlRoot);
    }
}
