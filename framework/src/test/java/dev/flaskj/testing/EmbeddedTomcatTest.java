package dev.flaskj.testing;

import static dev.flaskj.Flask.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.Flask;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deploys a tiny exploded webapp with {@code FlaskFilter} in embedded Tomcat. The app class is on the test class
 * path, which Tomcat's webapp class loader reaches through its parent.
 */
class EmbeddedTomcatTest {

    /** The app the webapp's {@code web.xml} names. */
    public static class HelloApp extends Flask {
        public HelloApp() {
            addUrlRule("/", "index", args -> "Hello from Tomcat at " + request().scriptRoot());
        }
    }

    private static Path webapp(Path dir, String appClass) throws IOException {
        Files.createDirectories(dir.resolve("WEB-INF"));
        Files.createDirectories(dir.resolve("static"));
        Files.writeString(dir.resolve("static/site.css"), "body { color: red }");
        Files.writeString(dir.resolve("WEB-INF/web.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <filter>
                    <filter-name>flask</filter-name>
                    <filter-class>dev.flaskj.FlaskFilter</filter-class>
                    <init-param><param-name>app</param-name><param-value>%s</param-value></init-param>
                  </filter>
                  <filter-mapping><filter-name>flask</filter-name><url-pattern>/*</url-pattern></filter-mapping>
                </web-app>
                """.formatted(appClass));
        return dir;
    }

    private static HttpResponse<String> get(java.net.URI uri) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesTheAppUnderItsContextPath(@TempDir Path dir) throws Exception {
        Path app = webapp(dir.resolve("hello"), HelloApp.class.getName());

        try (EmbeddedTomcat server = EmbeddedTomcat.start(app, "/myapplication")) {
            assertTrue(server.isAvailable());
            assertTrue(server.baseUri().toString().startsWith("http://127.0.0.1:"), server.baseUri().toString());

            HttpResponse<String> index = get(server.baseUri());
            assertEquals(200, index.statusCode());
            assertEquals("Hello from Tomcat at /myapplication", index.body());

            HttpResponse<String> css = get(server.baseUri().resolve("static/site.css"));
            assertEquals(200, css.statusCode());
            assertEquals("body { color: red }", css.body());
            assertTrue(css.headers().firstValue("Content-Type").orElse("").startsWith("text/css"));

            HttpResponse<String> missing = get(server.baseUri().resolve("nope"));
            assertEquals(404, missing.statusCode());
            assertTrue(missing.body().contains("<title>404 Not Found</title>"), missing.body());
        }
    }

    @Test
    void aBrokenAppClassFailsStartWithTheFilterMessage(@TempDir Path dir) throws Exception {
        Path app = webapp(dir.resolve("broken"), "com.example.DoesNotExist");

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> EmbeddedTomcat.start(app, "/broken"));

        assertTrue(e.getMessage().contains("cannot load the application class 'com.example.DoesNotExist'"),
                e.getMessage());
        assertTrue(e.getMessage().contains("class not found"), e.getMessage());
    }

    @Test
    void aMissingWarIsRejected(@TempDir Path dir) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EmbeddedTomcat.start(dir.resolve("nothing.war"), ""));

        assertTrue(e.getMessage().startsWith("no WAR file or webapp directory at "), e.getMessage());
    }
}
