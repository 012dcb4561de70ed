package dev.flaskj.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.it.apps.GuardedApp;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A container-level guard is never bypassed through flaskj's routing: /admin/* is refused by a servlet filter
 * mapped before flaskj's, /secure/* by a {@code <security-constraint>} that admits nobody. Each probe goes on the
 * wire byte for byte (a plain socket: java.net.http would normalise the request-target). Whatever the container
 * answers on its own (400 for some spellings) is fine; a flaskj view running for a path the guard did not see is
 * not.
 */
class GuardBypassIT {
    private static final String WEB_XML = """
              <filter>
                <filter-name>guard</filter-name>
                <filter-class>dev.flaskj.it.apps.GuardFilter</filter-class>
              </filter>
              <filter-mapping><filter-name>guard</filter-name><url-pattern>/admin/*</url-pattern></filter-mapping>
              <security-constraint>
                <web-resource-collection>
                  <web-resource-name>secure</web-resource-name>
                  <url-pattern>/secure/*</url-pattern>
                </web-resource-collection>
                <auth-constraint/>
              </security-constraint>
            """;

    private static TestServer server;

    @BeforeAll
    static void deploy() throws Exception {
        server = Containers.deploy(TestWebapps.build(GuardedApp.class, Map.of(), Map.of(), WEB_XML), "guard");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<String> probes() {
        String[] spellings = {"/P/../open", "/P/%2e%2e/open", "/P/%2E%2E/open", "/P/%2E./open", "/P/.%2e/open",
            "/P/..;/open", "/P/..;x=1/open", "/P;x/..;/open", "/P/..%3b/open", "/P/..%2fopen", "/P/..%2Fopen",
            "/P//../open", "//P/../open", "/P/..\\open", "/P/..%5copen", "/P/..%5Copen", "/P/./../open",
            "/P/%2e/../open", "/P/x/../../open", "/P/x/%2e%2e/%2e%2e/open", "//P/x", "/P//x", "///P/x", "/P;x/x",
            "/P;/x", "/./P/x", "/%2e/P/x", "/open/../P/x", "/open/%2e%2e/P/x", "/open/..;/P/x", "/P/x;",
            "/P%2fx", "/P%2Fx", "/P\\x", "/P%5cx", "/%2fP/x", "\\P/x", "/P/.", "/P/..", "/P/%2e", "/P/%2e%2e",
            "/P/x/..", "/P/x/.", "/P%00/x", "/P/x%00"};
        List<String> all = new ArrayList<>();
        for (String p : new String[] {"admin", "secure"}) {
            for (String s : spellings) {
                all.add(s.replace("P", p));
            }
        }
        all.add("/%61dmin/x");
        all.add("/%73ecure/x");
        all.add("/ADMIN/../admin/x");
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("probes")
    void noViewRunsForAPathTheGuardDidNotSee(String probe) throws Exception {
        for (String method : new String[] {"GET", "POST"}) {
            String response = raw(method, "/myapplication" + probe, "127.0.0.1");
            String status = response.isEmpty() ? "(closed)" : response.substring(0, response.indexOf("\r\n"));
            System.out.println("[" + server.name() + "] " + method + " " + probe + " -> " + status);
            assertFalse(response.contains("VIEW "), server.name() + " " + method + " " + probe + " ran a guarded view: "
                    + status);
            assertFalse(status.contains(" 500"), probe + " -> " + status);
        }
    }

    /** The guards work, and flaskj serves what they do not cover: the probes above test something. */
    @Test
    void guardsAnswerAndOpenPathsAreServed() throws Exception {
        assertTrue(raw("GET", "/myapplication/admin/x", "127.0.0.1").contains("GUARD"));
        assertTrue(raw("GET", "/myapplication/secure/x", "127.0.0.1").startsWith("HTTP/1.1 403"));
        String open = raw("GET", "/myapplication/open", "127.0.0.1");
        assertTrue(open.startsWith("HTTP/1.1 200") && open.contains("open /open"), open);
    }

    /** A doubled slash after the context path never turns into a scheme-relative Location to another host. */
    @Test
    void slashRedirectNeverNamesAnotherHost() throws Exception {
        for (String probe : new String[] {"//evil.example", "//evil.example/a", "///evil.example", "/\\evil.example"}) {
            String response = raw("GET", "/myapplication" + probe, "127.0.0.1");
            for (String line : response.substring(0, response.indexOf("\r\n\r\n")).split("\r\n")) {
                if (line.regionMatches(true, 0, "Location:", 0, 9)) {
                    String location = line.substring(9).trim();
                    assertTrue(location.startsWith("http://127.0.0.1/myapplication/"), probe + " -> " + location);
                }
            }
        }
    }

    /** TRUSTED_HOSTS over real HTTP, through the container's own Host parsing. */
    @Test
    void untrustedHostIsRefusedByTheApp() throws Exception {
        try (TestServer trusted = Containers.deploy(TestWebapps.build(GuardedApp.class,
                Map.of("TRUSTED_HOSTS", "[\"good.example\"]"), Map.of(), WEB_XML), "trusted-hosts")) {
            String evil = raw(trusted, "GET", "/myapplication/x", "evil.example");
            assertTrue(evil.startsWith("HTTP/1.1 400"), evil);
            assertFalse(evil.contains("Location:"), evil);
            String good = raw(trusted, "GET", "/myapplication/x", "good.example");
            assertTrue(good.startsWith("HTTP/1.1 308"), good);
            assertTrue(good.contains("Location: http://good.example/myapplication/x/"), good);
            assertEquals(-1, good.indexOf("evil"));
        }
    }

    private static String raw(String method, String target, String host) throws Exception {
        return raw(server, method, target, host);
    }

    /** One HTTP/1.1 request written as is; the whole answer, or "" when the container closed without one. */
    private static String raw(TestServer s, String method, String target, String host) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", s.base().getPort())) {
            socket.setSoTimeout(10_000);
            String body = method.equals("POST") ? "Content-Length: 0\r\n" : "";
            socket.getOutputStream().write((method + " " + target + " HTTP/1.1\r\nHost: " + host
                    + "\r\nConnection: close\r\n" + body + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
