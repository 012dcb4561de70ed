package dev.flaskj.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The example WAR answers under /myapplication in a real container. */
@ExtendWith(ExampleServer.class)
class SkeletonIT {
    @Test
    void helloWorldAtTheContextRoot(TestServer server) throws Exception {
        HttpResponse<String> r = Http.get(server.uri("/myapplication/"));
        assertEquals(200, r.statusCode(), server.name());
        assertEquals("Hello, World!", r.body());
        assertEquals("text/html", Http.mimetype(r));
        assertEquals("utf-8", Http.charset(r));
    }

    @Test
    void staticFileIsServed(TestServer server) throws Exception {
        HttpResponse<String> r = Http.get(server.uri("/myapplication/static/style.css"));
        assertEquals(200, r.statusCode(), server.name());
        assertEquals("text/css", Http.mimetype(r));
        assertTrue(r.body().startsWith("/* flaskj example stylesheet */"), r.body());
    }

    @Test
    void unknownUrlIsFlasksNotFoundPage(TestServer server) throws Exception {
        HttpResponse<String> r = Http.get(server.uri("/myapplication/no/such/page"));
        assertEquals(404, r.statusCode());
        assertEquals("<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n"
                + "<p>The requested URL was not found on the server. If you entered the URL manually please check"
                + " your spelling and try again.</p>\n", r.body());
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
