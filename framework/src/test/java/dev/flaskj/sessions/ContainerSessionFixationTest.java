package dev.flaskj.sessions;

import static dev.flaskj.Flask.request;
import static dev.flaskj.Flask.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.Flask;
import dev.flaskj.support.Webapps;
import dev.flaskj.testing.EmbeddedTomcat;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Container sessions in embedded Tomcat (a real HttpSession): the JSESSIONID changes when an empty session first
 * gains data and on {@code regenerate()}, so an id known before login is useless after it (session fixation).
 */
class ContainerSessionFixationTest {
    /** The app the webapp's web.xml names. */
    public static class LoginApp extends Flask {
        public LoginApp() {
            addUrlRule("/visit", "visit", args -> {
                request().servletRequest().getSession(true); // an empty HttpSession, as other servlets create
                return "visited";
            });
            addUrlRule("/login", "login", args -> {
                session().put("user", "alice");
                return "in";
            });
            addUrlRule("/cart", "cart", args -> {
                session().put("cart", "book");
                return "added";
            });
            addUrlRule("/sudo", "sudo", args -> {
                session().put("user", "root");
                session().regenerate();
                return "in";
            });
            addUrlRule("/whoami", "whoami", args -> session().get("user") + " " + session().get("cart"));
        }
    }

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private static Path webapp(Path dir) throws Exception {
        return Webapps.flaskFilter(dir, LoginApp.class, Map.of("SESSION_INTERFACE", "container"),
                "<session-config><tracking-mode>COOKIE</tracking-mode></session-config>");
    }

    private static HttpResponse<String> get(EmbeddedTomcat server, String path, String id) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.baseUri().resolve(path.substring(1)));
        if (id != null) {
            b.header("Cookie", "JSESSIONID=" + id);
        }
        HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return r;
    }

    private static Optional<String> setSessionId(HttpResponse<String> r) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring("JSESSIONID=".length(), c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .reduce((first, last) -> last);
    }

    @Test
    void sessionIdChangesAtLoginAndOnRegenerate(@TempDir Path dir) throws Exception {
        try (EmbeddedTomcat server = EmbeddedTomcat.start(webapp(dir.resolve("app")), "/myapplication")) {
            String planted = setSessionId(get(server, "/visit", null)).orElseThrow();
            Optional<String> afterLogin = setSessionId(get(server, "/login", planted));
            assertTrue(afterLogin.isPresent(), "login kept the JSESSIONID " + planted);
            assertNotEquals(planted, afterLogin.get());
            assertEquals("alice null", get(server, "/whoami", afterLogin.get()).body());
            assertEquals("null null", get(server, "/whoami", planted).body(), "the planted id still reaches the session");

            String shopping = setSessionId(get(server, "/cart", null)).orElseThrow();
            assertTrue(setSessionId(get(server, "/cart", shopping)).isEmpty(), "an ordinary write rotated the id");
            Optional<String> afterSudo = setSessionId(get(server, "/sudo", shopping));
            assertTrue(afterSudo.isPresent(), "regenerate() kept the JSESSIONID");
            assertNotEquals(shopping, afterSudo.get());
            assertEquals("root book", get(server, "/whoami", afterSudo.get()).body());
            assertEquals("null null", get(server, "/whoami", shopping).body());
        }
    }
}
