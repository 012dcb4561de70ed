package dev.flaskj.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flaskj.it.apps.RoutingApp;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Werkzeug's routing rules as a real container serves them under /myapplication (issue 3). */
class RoutingIT {
    private static TestServer server;

    @BeforeAll
    static void deploy() throws Exception {
        server = Containers.deploy(TestWebapps.build(RoutingApp.class, Map.of()), "routing");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static HttpResponse<String> send(String method, String path) throws Exception {
        return Http.send(HttpRequest.newBuilder(server.uri(path)).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    private static Set<String> allow(HttpResponse<String> r) {
        return new TreeSet<>(Arrays.asList(r.headers().firstValue("Allow").orElse("").split(",\\s*")));
    }

    @Test
    void converterRoute() throws Exception {
        assertEquals("Post 42", send("GET", "/myapplication/post/42").body());
        assertEquals(404, send("GET", "/myapplication/post/x").statusCode());
        assertEquals("User John Doe", send("GET", "/myapplication/user/John%20Doe").body());
    }

    @Test
    void missingSlashRedirects308KeepingTheQuery() throws Exception {
        HttpResponse<String> r = send("GET", "/myapplication/projects?page=2&q=a+b%2F");
        assertEquals(308, r.statusCode());
        assertEquals("http://127.0.0.1:" + server.base().getPort() + "/myapplication/projects/?page=2&q=a+b%2F",
                r.headers().firstValue("Location").orElseThrow());
        assertEquals(404, send("GET", "/myapplication/about/").statusCode());
    }

    @Test
    void optionsAndMethodNotAllowedCarryAllow() throws Exception {
        HttpResponse<String> options = send("OPTIONS", "/myapplication/login");
        assertEquals(200, options.statusCode());
        assertEquals(Set.of("GET", "HEAD", "OPTIONS", "POST"), allow(options));
        HttpResponse<String> put = send("PUT", "/myapplication/about");
        assertEquals(405, put.statusCode());
        assertEquals(Set.of("GET", "HEAD", "OPTIONS"), allow(put));
        assertEquals("POST", send("POST", "/myapplication/login").body());
    }

    @Test
    void urlForCarriesTheContextPath() throws Exception {
        assertEquals("/myapplication/user/John%20Doe /myapplication/login?next=/ /myapplication/static/style.css"
                + " http://127.0.0.1:" + server.base().getPort() + "/myapplication/about",
                send("GET", "/myapplication/links").body());
    }
}
