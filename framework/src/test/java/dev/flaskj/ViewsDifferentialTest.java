package dev.flaskj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.support.RealFlask;
import dev.flaskj.support.Webapps;
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
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test against real Flask over HTTP: the same app (decorators that short-circuit with a redirect,
 * wrap the response and stack in order; MethodViews' allowed methods, 405 with {@code Allow}, HEAD and OPTIONS)
 * runs in Flask ({@code differential/flask_views.py}) and in flaskj in embedded Tomcat, and every request must get
 * the same status, {@code Allow}, {@code Location}, {@code X-Trace}, {@code Content-Length} and (for 2xx) body.
 */
class ViewsDifferentialTest {

    abstract static class Tracing implements ViewDecorator {
        abstract String name();

        @Override
        public View decorate(View view) {
            return args -> {
                Flask.g().put("seen", Flask.g().get("seen", "") + name());
                Response response = Flask.makeResponse(view.handle(args));
                String trace = response.headers().get("X-Trace", null);
                response.headers().set("X-Trace", trace == null ? name() : trace + "," + name());
                return response;
            };
        }
    }

    static final class A extends Tracing {
        @Override
        String name() {
            return "A";
        }
    }

    static final class B extends Tracing {
        @Override
        String name() {
            return "B";
        }
    }

    static final class C extends Tracing {
        @Override
        String name() {
            return "C";
        }
    }

    static final class LoginRequired implements ViewDecorator {
        @Override
        public View decorate(View view) {
            return args -> Flask.request().headers().get("X-User", null) == null
                    ? Flask.redirect(Flask.urlFor("login")) : view.handle(args);
        }
    }

    @Decorate(C.class)
    public static class Items extends MethodView {
        public Object get(int id) {
            return "item " + id + " " + Flask.request().method();
        }

        public Object put(int id) {
            return "put " + id;
        }
    }

    public static class Only extends MethodView {
        public Object post() {
            return "posted";
        }
    }

    /** The twin of flask_views.py. */
    public static class Twin extends Flask {
        public Twin() {
            addUrlRule("/items/<int:id>", "items", new Items());
            addUrlRule("/only", "only", new Only());
        }

        @Route("/login")
        String login() {
            return "login page";
        }

        @Route("/secret/<int:id>")
        @Decorate(LoginRequired.class)
        String secret(int id) {
            return "secret " + id + " for " + request().headers().get("X-User");
        }

        @Route("/ab")
        @Decorate(A.class)
        @Decorate(B.class)
        String ab() {
            return "seen " + g().get("seen", "");
        }
    }

    private record Probe(String method, String path, String user) {}

    private static final List<Probe> PROBES = List.of(
            new Probe("GET", "/secret/5", null),
            new Probe("GET", "/secret/5", "ann"),
            new Probe("HEAD", "/secret/5", null),
            new Probe("GET", "/ab", null),
            new Probe("GET", "/items/3", null),
            new Probe("HEAD", "/items/3", null),
            new Probe("PUT", "/items/3", null),
            new Probe("POST", "/items/3", null),
            new Probe("DELETE", "/items/3", null),
            new Probe("PATCH", "/items/3", null),
            new Probe("OPTIONS", "/items/3", null),
            new Probe("GET", "/only", null),
            new Probe("HEAD", "/only", null),
            new Probe("POST", "/only", null),
            new Probe("OPTIONS", "/only", null));

    @Test
    void flaskjAnswersAsFlask(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("flask_views.py");
        try (InputStream in = ViewsDifferentialTest.class.getResourceAsStream("/differential/flask_views.py")) {
            Files.copy(in, script);
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        List<String> flask = new ArrayList<>();
        List<String> flaskj = new ArrayList<>();
        try (RealFlask.Server python = RealFlask.serve(script);
             EmbeddedTomcat tomcat = EmbeddedTomcat.start(webapp(dir.resolve("webapp")), "")) {
            for (Probe p : PROBES) {
                flask.add(observe(http, python.baseUri(), p));
                flaskj.add(observe(http, tomcat.baseUri(), p));
            }
        }
        for (int i = 0; i < PROBES.size(); i++) {
            assertEquals(flask.get(i), flaskj.get(i), PROBES.get(i).toString());
        }
        // the oracle really exercised what the test is about
        assertTrue(flask.get(0).contains("302") && flask.get(3).contains("X-Trace=B,A"), flask.toString());
        assertTrue(flask.get(7).contains("405"), flask.toString());
    }

    /** What the test compares of one exchange, as one line. */
    private static String observe(HttpClient http, URI base, Probe p) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(p.path().substring(1)))
                .timeout(Duration.ofSeconds(20)).method(p.method(), HttpRequest.BodyPublishers.noBody());
        if (p.user() != null) {
            b.header("X-User", p.user());
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        String allow = r.headers().firstValue("Allow").map(a -> new TreeSet<>(List.of(a.split(",\\s*"))).toString())
                .orElse("-");
        String location = r.headers().firstValue("Location").map(l -> URI.create(l).getPath()).orElse("-");
        boolean ok = r.statusCode() / 100 == 2;
        return r.statusCode() + " Allow=" + allow + " Location=" + location + " X-Trace="
                + r.headers().firstValue("X-Trace").orElse("-") + " Content-Length="
                + (ok ? r.headers().firstValue("Content-Length").orElse("-") : "?") + " body=" + (ok ? r.body() : "?");
    }

    private static Path webapp(Path dir) throws IOException {
        return Webapps.flaskFilter(dir, Twin.class);
    }
}
