package dev.flaskj.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.junit.jupiter.api.Test;

/**
 * Server-side sessions shared by nodes: {@code SESSION_INTERFACE=container} on two standalone Jetty nodes whose
 * container keeps sessions in one PostgreSQL database (modules {@code session-store-jdbc} and
 * {@code session-cache-null}: every request reads the session from the database and writes it back before the
 * response is committed). flaskj writes no store of its own; a session written on one node is read on the other,
 * flashes included, in both directions.
 */
class SharedSessionIT {
    private static final String APP = Containers.CONTEXT_PATH;

    private static Standalone.Jetty node(String name, Standalone.Postgres db) throws Exception {
        Standalone.Jetty node = Standalone.Jetty.create(name,
                "http,ee10-deploy,ext,session-cache-null,session-store-jdbc",
                List.of("jetty.session.jdbc.driverClass=org.postgresql.Driver",
                        "jetty.session.jdbc.driverUrl=" + db.jdbcUrl(),
                        "jetty.sessionIdManager.workerName=" + name,
                        "jetty.session.savePeriod.seconds=0",
                        // Jetty's default writes the session after the response is sent: the visitor's next
                        // request, on the other node, could read the database before the write.
                        "jetty.session.flushOnResponseCommit=true"));
        Path ext = Files.createDirectories(node.base.resolve("lib/ext"));
        Files.copy(Standalone.jdbcDriver(), ext.resolve("postgresql.jar"));
        node.env.put("FLASK_SESSION_INTERFACE", "container");
        node.env.put("FLASK_SECRET_KEY", "shared-session-key");
        node.env.put("FLASK_FLASKR_DATA_DIR", Files.createDirectories(node.base.resolve("data")).toString());
        node.deployWar(Containers.exampleWar());
        return node;
    }

    /** One visitor who carries its JSESSIONID from node to node by hand, as a balancer without stickiness would. */
    private static final class Visitor {
        String sessionId;

        HttpResponse<String> get(TestServer node, String path) throws Exception {
            return send(node, HttpRequest.newBuilder(node.uri(APP + path)).GET());
        }

        HttpResponse<String> post(TestServer node, String path, Map<String, String> form) throws Exception {
            StringJoiner body = new StringJoiner("&");
            form.forEach((k, v) -> body.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
            return send(node, HttpRequest.newBuilder(node.uri(APP + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        }

        /** The upload form sent without a file: the view flashes a message and redirects. */
        HttpResponse<String> emptyUpload(TestServer node) throws Exception {
            String body = "--b\r\nContent-Disposition: form-data; name=\"the_file\"; filename=\"\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n\r\n--b--\r\n";
            return send(node, HttpRequest.newBuilder(node.uri(APP + "/upload"))
                    .header("Content-Type", "multipart/form-data; boundary=b")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        private HttpResponse<String> send(TestServer node, HttpRequest.Builder request) throws Exception {
            if (sessionId != null) {
                request.header("Cookie", "JSESSIONID=" + sessionId);
            }
            HttpResponse<String> r = Http.send(request);
            for (String c : r.headers().allValues("Set-Cookie")) {
                if (c.startsWith("JSESSIONID=")) {
                    int end = c.indexOf(';');
                    sessionId = c.substring("JSESSIONID=".length(), end < 0 ? c.length() : end);
                }
            }
            return r;
        }
    }

    @Test
    void aSessionWrittenOnOneNodeIsReadOnTheOtherFlashesIncluded() throws Exception {
        try (Standalone.Postgres db = Standalone.Postgres.start();
             Standalone.Jetty a = node("nodeA", db);
             Standalone.Jetty b = node("nodeB", db)) {
            a.start();
            b.start();
            Visitor v = new Visitor();

            HttpResponse<String> login = v.post(a, "/login", Map.of("username", "ops", "password", "secret"));
            assertEquals(302, login.statusCode(), login.body());
            assertNotNull(v.sessionId, "the container session cookie");
            assertFalse(login.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("session=")),
                    "container sessions: no signed session cookie");

            HttpResponse<String> onB = v.get(b, "/");
            assertEquals(200, onB.statusCode());
            assertTrue(onB.body().contains("Logged in as <b>ops</b>"), "node B reads node A's session:\n" + Standalone.tail(a.log()) + "\n---\n" + Standalone.tail(b.log()));
            assertTrue(onB.body().contains("You were successfully logged in"), "node A's flash, shown by B");

            // B writes (a flash), A reads it; the flash is gone once shown, on either node
            HttpResponse<String> empty = v.emptyUpload(b);
            assertEquals(302, empty.statusCode(), empty.body());
            HttpResponse<String> onA = v.get(a, "/");
            assertTrue(onA.body().contains("Choose a file to upload."), "node B's flash, shown by A: " + onA.body());
            assertTrue(onA.body().contains("Logged in as <b>ops</b>"));
            assertFalse(v.get(b, "/").body().contains("Choose a file to upload."), "a flash is shown once");

            // logging out on A ends the session on B
            assertEquals(302, v.get(a, "/logout").statusCode());
            HttpResponse<String> after = v.get(b, "/");
            assertFalse(after.body().contains("Logged in as"), after.body());
            assertTrue(after.body().contains("You were logged out"), after.body());
        }
    }
}
