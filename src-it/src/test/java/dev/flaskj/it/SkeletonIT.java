package dev.flaskj.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The example WAR answers under /myapplication in a real container: the index, the minimal app, static files, 404. */
@ExtendWith(ExampleServer.class)
class SkeletonIT {
    @Test
    void indexPageAtTheContextRoot(TestServer server) throws Exception {
        HttpResponse<String> r = Http.get(server.uri("/myapplication/"));
        assertEquals(200, r.statusCode(), server.name());
        assertEquals("text/html", Http.mimetype(r));
        assertEquals("utf-8", Http.charset(r));
        assertTrue(r.body().contains("<h1>The Flask quickstart in Java</h1>"), r.body());
        assertTrue(r.body().contains("href=\"/myapplication/hello\""), r.body());
    }

    @Test
    void minimalApplication(TestServer server) throws Exception {
        HttpResponse<String> r = Http.get(server.uri("/myapplication/hello"));
        assertEquals(200, r.statusCode(), server.name());
        assertEquals("Hello, World!", r.body());
        assertEquals("text/html", Http.mimetype(r));
    }

    @Test
    void staticFileIsServed(TestServer server) throws Exception {
        HttpResponse<String> r = Http.get(server.uri("/myapplication/static/style.css"));
        assertEquals(200, r.statusCode(), server.name());
        assertEquals("text/css", Http.mimetype(r));
        assertTrue(r.body().startsWith("/* flaskj example stylesheet */"), r.body());
    }

    @Test
    void unknownUrlIsTheAppsNotFoundPage(TestServer server) throws Exception {
        HttpResponse<String> r = Http.get(server.uri("/myapplication/no/such/page"));
        assertEquals(404, r.statusCode());
        assertEquals("text/html", Http.mimetype(r));
        assertTrue(r.body().contains("<h1>Page not found</h1>"), r.body());
        assertTrue(r.body().contains("<code>/no/such/page</code>"), r.body());
    }

    @Test
    void templatesAndWebInfAreNeverServed(TestServer server) throws Exception {
        for (String path : new String[] {"/myapplication/templates/hello.html", "/myapplication/WEB-INF/web.xml",
                "/myapplication/static/../templates/hello.html", "/myapplication/static/%2e%2e/WEB-INF/web.xml"}) {
            HttpResponse<String> r = Http.get(server.uri(path));
            assertTrue(r.statusCode() == 404 || r.statusCode() == 400, path + " -> " + r.statusCode());
            assertTrue(!r.body().contains("th:text") && !r.body().contains("<filter-class>"), path);
        }
    }
}
