package dev.flaskj.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A view that throws, in a real container: with debug on, the traceback page with the exception message and the
 * app's throwing source line (the example WAR carries its sources in WEB-INF/flaskj-sources); with debug off (the
 * example's web.xml as built), Werkzeug's plain 500 page.
 */
@ExtendWith(ExampleServer.class)
class DebugPageIT {
    @Test
    void debugOnShowsTracebackWithTheThrowingSourceLine() throws Exception {
        try (TestServer server = DebugMode.deployExampleWithDebug()) {
            HttpResponse<String> r = Http.get(server.uri(DebugMode.BOOM + "?user=ann&password=s3cr3t"));
            String page = r.body();
            assertEquals(500, r.statusCode(), server.name());
            assertEquals("text/html", Http.mimetype(r));
            assertTrue(page.contains("<h1>java.lang.IllegalStateException</h1>"), page);
            assertTrue(page.contains(DebugMode.MESSAGE), page);
            assertTrue(page.contains("<span class=current>   17          throw new IllegalStateException("
                    + "&#34;Boom! This view fails on purpose to show the debug page.&#34;);</span>"), page);
            assertTrue(page.contains("com.example.DebugDemo.boom(DebugDemo.java:17)"), page);
            assertTrue(page.contains("<tr><th>Endpoint</th><td>debug.boom</td></tr>"), page);
            assertTrue(page.contains("<tr><th>user</th><td>ann</td></tr>"), page);
            assertFalse(page.contains("s3cr3t"), page);
            assertFalse(page.toLowerCase(java.util.Locale.ROOT).contains("<script"), page);
        }
    }

    @Test
    void debugOffGivesThePlain500Page(TestServer server) throws Exception {
        HttpResponse<String> r = Http.get(server.uri(DebugMode.BOOM));
        assertEquals(500, r.statusCode(), server.name());
        assertEquals("<!doctype html>\n<html lang=en>\n<title>500 Internal Server Error</title>\n"
                + "<h1>Internal Server Error</h1>\n<p>The server encountered an internal error and was unable to"
                + " complete your request. Either the server is overloaded or there is an error in the"
                + " application.</p>\n", r.body());
    }
}
