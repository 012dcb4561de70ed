package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.testing.EmbeddedTomcat;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The built WAR in a real Tomcat, as it will run in production (`mvn verify` runs it after `package`). */
class AppIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void builtWarServesPagesAndStaticFiles() throws Exception {
        Path war = Path.of(System.getProperty("app.war", "target/app.war"));
        try (EmbeddedTomcat server = EmbeddedTomcat.start(war, "")) {
            HttpResponse<String> home = get(server, "");
            assertEquals(200, home.statusCode());
            assertTrue(home.body().contains("<h1>Hello from flaskj!</h1>"), home.body());

            HttpResponse<String> css = get(server, "static/style.css");
            assertEquals(200, css.statusCode());
            assertTrue(css.headers().firstValue("Content-Type").orElse("").startsWith("text/css"));

            assertEquals(404, get(server, "templates/index.html").statusCode());
        }
    }

    private static HttpResponse<String> get(EmbeddedTomcat server, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(server.baseUri().resolve(path)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
