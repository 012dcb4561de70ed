package dev.flaskj.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.it.apps.HardeningApp;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Inputs that used to overflow the stack of a backtracking regex, and an Error thrown by a view, on a real
 * container under /myapplication: flaskj answers each itself; the container's error page (stack trace, server
 * name and version) never appears.
 */
class HardeningIT {
    private static TestServer server;

    @BeforeAll
    static void deploy() throws Exception {
        server = Containers.deploy(TestWebapps.build(HardeningApp.class, Map.of()), "hardening");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri(path)).GET();
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return Http.send(b);
    }

    private static void assertNoContainerPage(HttpResponse<String> r) {
        String body = r.body();
        assertFalse(body.contains("Apache Tomcat") || body.contains("Jetty") || body.contains("Exception")
                || body.contains("\tat ") || body.contains("at java.") || body.contains("at dev.flaskj."), body);
    }

    @Test
    void aLongQuotedCookieIsServedNormally() throws Exception {
        HttpResponse<String> r = get("/myapplication/", "theme=\"" + "a".repeat(7 * 1024) + "\"");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("index", r.body());
        assertNoContainerPage(r);
    }

    @Test
    void aLongUnderscoredNumberFallsBackToTheDefault() throws Exception {
        // Python's int() accepts 1_1_1... (a number far beyond int, so the default applies).
        HttpResponse<String> r = get("/myapplication/list?page=" + "1_".repeat(2048) + "1", null);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("page 1", r.body());
        assertEquals("page 1000", get("/myapplication/list?page=1_000", null).body());
    }

    @Test
    void anErrorFromAViewGetsFlaskjs500Page() throws Exception {
        HttpResponse<String> r = get("/myapplication/boom", null);
        assertEquals(500, r.statusCode());
        assertTrue(r.body().contains("<h1>Internal Server Error</h1>"), r.body());
        assertNoContainerPage(r);
    }
}
