package dev.flaskj;

import static dev.flaskj.Flask.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.testing.TestClient;
import dev.flaskj.testing.TestRequest;
import dev.flaskj.testing.TestResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The path flaskj routes on never has {@code .} or {@code ..} segments: a container maps its filters and security
 * constraints on the path with those segments resolved, so {@code /admin/../x} is {@code /x} to a guard on
 * {@code /admin/*}, and routing the unresolved path would run an admin view the guard never saw.
 */
class RequestPathSecurityTest {
    private final List<String> ran = new ArrayList<>();

    private Flask app() {
        Flask app = new Flask("paths");
        app.addUrlRule("/admin/<path:p>", "admin", args -> {
            ran.add("admin " + args.get("p"));
            return "admin " + args.get("p");
        });
        app.addUrlRule("/files/<name>", "files", args -> {
            ran.add("files " + args.get("name"));
            return "file " + args.get("name");
        }, "GET", "POST");
        app.addUrlRule("/dir/<name>/", "dir", args -> "dir " + args.get("name"));
        app.addUrlRule("/x", "x", args -> "x " + request().path());
        app.addUrlRule("/<path:p>/", "slash", args -> "slash " + args.get("p"));
        return app;
    }

    static Stream<String> dotSegmentPaths() {
        return Stream.of("/x/../admin/secret", "/x/%2e%2e/admin/secret", "/x/%2E%2E/admin/secret",
                "/x/%2E./admin/secret", "/x/.%2e/admin/secret", "/admin/../x", "/admin/%2e%2e/x", "/admin/%2E./x",
                "/admin/.%2e/x", "/admin/..;/x", "/admin/..;jsessionid=1/x", "/admin/.;x/secret", "/admin/./secret",
                "/admin/%2e/secret", "/admin/..%2fx", "/admin/..%2Fx", "/admin/..\\x", "/admin/..%5cx",
                "/admin/.\\secret", "/admin//../x", "//admin/../x", "/admin/secret/..", "/admin/secret/.",
                "/files/.", "/files/..", "/files/%2e", "/files/..;", "/dir/.", "/dir/..", "/x/..", "/./admin/a");
    }

    /** Each spelling answers 404 and runs no view; before the fix the admin view ran for most of them. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dotSegmentPaths")
    void dotSegmentsNeverReachAView(String path) {
        TestClient client = app().testClient();
        for (String method : new String[] {"GET", "POST"}) {
            TestResponse r = client.open(TestRequest.of(method, path));
            assertEquals(404, r.status(), method + " " + path + " -> " + r.status() + " " + r.location());
        }
        assertEquals(List.of(), ran, path);
    }

    /**
     * The one routing difference left against Werkzeug: {@code POST /files/.} with a {@code string} rule. Werkzeug
     * 404s it (its server resolves the dot segment to {@code /files/}, which has no rule); flaskj answered a 308
     * redirect or ran the view.
     */
    @Test
    void postToADotSegmentOfAStringRuleIs404() {
        TestClient client = app().testClient();
        TestResponse r = client.post("/files/.");
        assertEquals(404, r.status());
        assertEquals(null, r.location());
        assertEquals(List.of(), ran);
    }

    @Test
    void ordinaryPathsStillRouteAndDotsInsideNamesAreFine() {
        TestClient client = app().testClient();
        assertEquals("admin a/b.txt", client.get("/admin/a/b.txt").text());
        assertEquals("admin ...", client.get("/admin/...").text());
        assertEquals("admin .hidden/..x", client.get("/admin/.hidden/..x").text());
        assertEquals("file a.b", client.get("/files/a.b").text());
        assertEquals(308, client.get("/dir/a").status());
    }

    /**
     * A doubled leading slash must not become a scheme-relative {@code Location} ({@code //evil.example/}), which a
     * browser would follow to another host; Werkzeug answers {@code http://localhost/evil.example/} for the same
     * request (leading slashes are collapsed, and redirects are absolute).
     */
    @Test
    void slashRedirectsNeverPointAtAnotherHost() {
        TestClient client = app().testClient();
        for (String path : new String[] {"//evil.example", "///evil.example", "/\\evil.example", "//evil.example/a"}) {
            TestResponse r = client.get(path);
            if (r.status() == 308) {
                String location = r.location();
                assertTrue(location.startsWith("http://localhost/"), path + " -> " + location);
                assertFalse(location.startsWith("http://localhost//"), path + " -> " + location);
            } else {
                assertNotEquals(200, r.status(), path);
            }
        }
        TestResponse ctx = client.open(TestRequest.get("//evil.example").contextPath("/ctx"));
        assertEquals(308, ctx.status());
        assertEquals("http://localhost/ctx/evil.example/", ctx.location());
    }

    @Test
    void dotSegmentCheckIsLinearAndExact() {
        assertTrue(RequestContext.hasDotSegmentInRequestPath("/a/.."));
        assertTrue(RequestContext.hasDotSegmentInRequestPath("/a/..;x/b"));
        assertTrue(RequestContext.hasDotSegmentInRequestPath("/a\\.\\b"));
        assertFalse(RequestContext.hasDotSegmentInRequestPath("/a/...;/b"));
        assertFalse(RequestContext.hasDotSegmentInRequestPath("/a/.b/b.;/c"));
        assertFalse(RequestContext.hasDotSegmentInRequestPath("/"));
        assertFalse(RequestContext.hasDotSegmentInRequestPath("/" + "a/".repeat(200_000) + ";".repeat(200_000)));
    }
}
