package dev.flaskj.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.it.apps.SessionApp;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Signed-cookie sessions are stateless: two separate servers with the same SECRET_KEY share users, a rotated key
 * keeps them through SECRET_KEY_FALLBACKS, and without the fallback the session is simply gone (issue 5).
 */
class SessionRotationIT {
    private static TestServer server(Map<String, String> params, String label) throws Exception {
        return Containers.deploy(TestWebapps.build(SessionApp.class, params), label);
    }

    private static String whoami(TestServer server, String cookie) throws Exception {
        HttpResponse<String> r = Http.send(HttpRequest.newBuilder(server.uri("/myapplication/whoami"))
                .header("Cookie", cookie));
        assertEquals(200, r.statusCode(), server.name());
        return r.body();
    }

    @Test
    void sessionMovesBetweenServersAndSurvivesKeyRotationOnlyWithAFallback() throws Exception {
        String cookie;
        try (TestServer first = server(Map.of("SECRET_KEY", "old-key"), "session-a");
             TestServer second = server(Map.of("SECRET_KEY", "old-key"), "session-b")) {
            HttpResponse<String> login = Http.send(HttpRequest.newBuilder(first.uri("/myapplication/login/alice"))
                    .POST(HttpRequest.BodyPublishers.noBody()));
            assertEquals(200, login.statusCode());
            String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
            assertTrue(setCookie.contains("Path=/myapplication"), setCookie);
            cookie = setCookie.substring(0, setCookie.indexOf(';'));
            assertEquals("alice", whoami(second, cookie), "the second server reads the first one's session");
        }
        try (TestServer rotated = server(Map.of("SECRET_KEY", "new-key", "SECRET_KEY_FALLBACKS", "[\"old-key\"]"),
                "session-rotated")) {
            assertEquals("alice", whoami(rotated, cookie));
        }
        try (TestServer forgotten = server(Map.of("SECRET_KEY", "new-key"), "session-new")) {
            assertEquals("anonymous", whoami(forgotten, cookie), "a foreign signature is an empty session, not a 500");
            assertEquals("anonymous", whoami(forgotten, "session=garbage.garbage.garbage"));
        }
    }
}
