package dev.flaskj.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.it.apps.ContainerSessionApp;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Container sessions ({@code SESSION_INTERFACE=container}) against session fixation, with the real HttpSession of
 * each container: the JSESSIONID a client had before logging in is not the one it has after, and the old one no
 * longer reaches the session.
 */
class ContainerSessionIT {
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = Containers.deploy(TestWebapps.build(ContainerSessionApp.class,
                Map.of("SESSION_INTERFACE", "container")), "container-session");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static HttpResponse<String> send(String method, String path, String sessionId) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.uri(Containers.CONTEXT_PATH + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (sessionId != null) {
            b.header("Cookie", "JSESSIONID=" + sessionId);
        }
        HttpResponse<String> r = Http.send(b);
        assertEquals(200, r.statusCode(), server.name() + " " + method + " " + path + ": " + r.body());
        return r;
    }

    /** The JSESSIONID the response sets, if any. */
    private static Optional<String> newSessionId(HttpResponse<String> r) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring("JSESSIONID=".length(), c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .reduce((first, last) -> last);
    }

    @Test
    void anEmptySessionGetsANewIdWhenItFirstHoldsData() throws Exception {
        String before = newSessionId(send("GET", "/visit", null)).orElseThrow();

        String after = newSessionId(send("POST", "/login/alice", before))
                .orElseThrow(() -> new AssertionError(server.name() + ": login kept JSESSIONID " + before));

        assertNotEquals(before, after, server.name());
        assertEquals("alice", send("GET", "/whoami", after).body());
        assertEquals("anonymous", send("GET", "/whoami", before).body(), "the id from before login still works");
    }

    @Test
    void regenerateGivesASessionWithDataANewIdAndKeepsTheData() throws Exception {
        String before = newSessionId(send("POST", "/cart/book", null)).orElseThrow();
        assertEquals("anonymous cart=book", send("GET", "/whoami", before).body());

        String after = newSessionId(send("POST", "/sudo/bob", before))
                .orElseThrow(() -> new AssertionError(server.name() + ": regenerate() kept JSESSIONID " + before));

        assertNotEquals(before, after, server.name());
        assertEquals("bob cart=book", send("GET", "/whoami", after).body());
        assertEquals("anonymous", send("GET", "/whoami", before).body());
    }

    @Test
    void aSessionThatAlreadyHoldsDataKeepsItsIdOnOrdinaryWrites() throws Exception {
        String id = newSessionId(send("POST", "/cart/book", null)).orElseThrow();
        HttpResponse<String> again = send("POST", "/cart/pen", id);
        assertTrue(newSessionId(again).isEmpty(), server.name() + " rotated on an ordinary write");
        assertEquals("anonymous cart=pen", send("GET", "/whoami", id).body());
    }
}
