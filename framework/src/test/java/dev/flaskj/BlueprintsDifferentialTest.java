package dev.flaskj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.exceptions.HttpException;
import dev.flaskj.support.RealFlask;
import dev.flaskj.testing.EmbeddedTomcat;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test against real Flask over HTTP: a blueprint with a {@code /<lang_code>} prefix whose URL
 * processors move the variable into {@code g} and back into {@code urlFor}, app-wide hooks and a 404 handler, the
 * blueprint registered twice under two names, runs in Flask ({@code differential/flask_blueprints.py}) and in
 * flaskj in embedded Tomcat; every request must get the same status, {@code Location}, hook order
 * ({@code X-Trace}) and body.
 */
class BlueprintsDifferentialTest {

    /** The twin of the Python blueprint: annotation forms for most, as a Java user would write it. */
    public static class Frontend extends Blueprint {
        public Frontend() {
            super("frontend", "/<lang_code>");
        }

        @UrlDefaults
        void addLanguageCode(String endpoint, Map<String, Object> values) {
            values.putIfAbsent("lang_code", g().get("lang_code"));
        }

        @UrlValuePreprocessor
        void pullLangCode(String endpoint, Map<String, Object> values) {
            g().put("lang_code", values.remove("lang_code"));
        }

        @BeforeRequest
        Object local() {
            trace().add("local:" + request().blueprint());
            return null;
        }

        @BeforeAppRequest
        Object bpApp() {
            trace().add("bp-app");
            return null;
        }

        @AfterAppRequest
        Response stamp(Response response) {
            List<String> trace = g().get("trace", List.of());
            response.headers().set("X-Trace", String.join(",", trace));
            return response;
        }

        @AppErrorHandler(404)
        Object notFound(HttpException e) {
            return makeResponse("not found in " + request().blueprint(), 404);
        }

        @Get("/")
        String index() {
            return g().get("lang_code") + " " + urlFor(".about");
        }

        @Get("/about")
        String about() {
            return urlFor(".index") + " " + urlFor("home") + " " + urlFor("frontend.index", "lang_code", "en");
        }

        @Get("/missing")
        String missing() {
            throw abort(404);
        }
    }

    static List<String> trace() {
        return Flask.g().get("trace");
    }

    public static class Twin extends Flask {
        public Twin() {
            beforeRequest(() -> {
                g().put("trace", new ArrayList<>(List.of("app1")));
                return null;
            });
            urlDefaults((endpoint, values) -> {
                if (endpoint.equals("home")) {
                    values.putIfAbsent("ref", "x");
                }
            });
            Frontend bp = new Frontend();
            registerBlueprint(bp);
            registerBlueprint(bp, "/again/<lang_code>", "again");
            addUrlRule("/", "home", args -> "home " + urlFor("home"));
            beforeRequest(() -> {
                trace().add("app2");
                return null;
            });
        }
    }

    private static final List<String> PROBES = List.of("/de/", "/de/about", "/again/fr/", "/again/fr/about",
            "/de/missing", "/a/b/c", "/", "/nope");

    @Test
    void flaskjAnswersAsFlask(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("flask_blueprints.py");
        try (InputStream in = getClass().getResourceAsStream("/differential/flask_blueprints.py")) {
            Files.copy(in, script);
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        List<String> flask = new ArrayList<>();
        List<String> flaskj = new ArrayList<>();
        try (RealFlask.Server python = RealFlask.serve(script);
             EmbeddedTomcat tomcat = EmbeddedTomcat.start(webapp(dir.resolve("webapp"), Twin.class), "")) {
            for (String p : PROBES) {
                flask.add(observe(http, python.baseUri(), p));
                flaskj.add(observe(http, tomcat.baseUri(), p));
            }
        }
        for (int i = 0; i < PROBES.size(); i++) {
            assertEquals(flask.get(i), flaskj.get(i), PROBES.get(i));
        }
        // the oracle really exercised what the test is about
        assertTrue(flask.get(0).contains("X-Trace=app1,bp-app,app2,local:frontend body=de /de/about"),
                flask.toString());
        assertTrue(flask.get(5).startsWith("404") && flask.get(5).contains("not found in null"), flask.toString());
    }

    static String observe(HttpClient http, URI base, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path.substring(1)))
                .timeout(Duration.ofSeconds(20)).GET().build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        String location = r.headers().firstValue("Location").map(l -> URI.create(l).getPath()).orElse("-");
        boolean redirect = r.statusCode() / 100 == 3;
        // Flask answers null as Python's None: the same fact, spelt in each language
        String body = redirect ? "?" : r.body().replace("None", "null");
        return r.statusCode() + " Location=" + location + " X-Trace=" + r.headers().firstValue("X-Trace").orElse("-")
                + " body=" + body;
    }

    static Path webapp(Path dir, Class<? extends Flask> app) throws IOException {
        Files.createDirectories(dir.resolve("WEB-INF"));
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
                """.formatted(app.getName()));
        return dir;
    }
}
