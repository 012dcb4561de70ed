package dev.flaskj.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * templates/, WEB-INF/ and META-INF/ are never served, whatever the spelling: each probe is sent byte for byte
 * (no client-side normalisation) and must answer 404 or 400 without any private bytes (issue 6).
 */
@ExtendWith(ExampleServer.class)
class PrivateFilesIT {
    static Stream<String> probes() {
        return Stream.of("/templates/hello.html", "/Templates/hello.html", "/TEMPLATES/hello.html",
                "/templates/", "/templates", "/%74emplates/hello.html", "/templates%2Fhello.html",
                "/templates/hello.html%00", "/templates;x=1/hello.html", "/templates/hello.html;jsessionid=1",
                "/static/../templates/hello.html", "/static/%2e%2e/templates/hello.html",
                "/static/%2E%2E/templates/hello.html", "/static/.%2e/templates/hello.html",
                "/static/%252e%252e/templates/hello.html", "/static/..%2ftemplates/hello.html",
                "/static/..%5ctemplates/hello.html", "/static/..\\templates/hello.html",
                "/static/%5c..%5c..%5cWEB-INF/web.xml", "/WEB-INF/web.xml", "/web-inf/web.xml", "/WEB-INF/",
                "/%57EB-INF/web.xml", "/WEB-INF;x/web.xml", "/static/../WEB-INF/web.xml",
                "/static/%2e%2e/WEB-INF/web.xml", "/static/WEB-INF/web.xml", "/META-INF/MANIFEST.MF",
                "/meta-inf/MANIFEST.MF", "/static/../META-INF/MANIFEST.MF", "/static/%2e%2e%2fWEB-INF%2fweb.xml",
                "/static//../templates/hello.html", "/./templates/hello.html", "/static/./../templates/hello.html",
                "/static/..;/templates/hello.html", "/static/%c0%ae%c0%ae/templates/hello.html");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("probes")
    void neverServed(String probe, TestServer server) throws Exception {
        String response = raw(server, "/myapplication" + probe);
        String status = response.substring(0, response.indexOf("\r\n"));
        assertTrue(status.contains(" 404") || status.contains(" 400"), probe + " -> " + status);
        assertFalse(response.contains("xmlns:th") || response.contains("<filter-class>")
                || response.contains("Manifest-Version"), probe + " leaked private bytes");
    }

    /** One HTTP/1.1 request written as is: java.net.http would normalise or reject some of these paths. */
    private static String raw(TestServer server, String target) throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.base().getPort())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
