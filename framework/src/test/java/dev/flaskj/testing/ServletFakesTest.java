package dev.flaskj.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.Flask;
import dev.flaskj.FlaskFilter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The in-memory servlet fakes behave like a container where flaskj and tests can observe it. */
class ServletFakesTest {

    @Test
    void requestDefaultsAndUrlParts() {
        FakeHttpServletRequest req = new FakeHttpServletRequest("get", "/myapplication/a%20b");
        req.setContextPath("/myapplication");
        req.setQueryString("x=1");

        assertEquals("GET", req.getMethod());
        assertEquals("", req.getServletPath());
        assertEquals("/a b", req.getPathInfo());
        assertEquals("http://localhost/myapplication/a%20b", req.getRequestURL().toString());
        assertEquals("localhost", req.getHeader("host"));
        assertTrue(req.getHeader("User-Agent").startsWith("flaskj-test-client/"));
        assertEquals("127.0.0.1", req.getRemoteAddr());
        assertEquals(80, req.getServerPort());
        assertEquals("1", req.getParameter("x"));
        assertNull(req.getCookies());
    }

    @Test
    void headersAreCaseInsensitiveAndMultiValued() {
        FakeHttpServletRequest req = new FakeHttpServletRequest("GET", "/");
        req.addHeader("X-Tag", "a");
        req.addHeader("x-tag", "b");
        req.addHeader("Cookie", "a=1; b=2");

        assertEquals(List.of("a", "b"), Collections.list(req.getHeaders("X-TAG")));
        assertEquals(1, Collections.list(req.getHeaderNames()).stream().filter("X-Tag"::equalsIgnoreCase).count());
        assertEquals("b", req.getCookies()[1].getName());
    }

    // getDateHeader reads the three HTTP date forms (RFC 9110 §5.6.7), as the container does.
    @Test
    void dateHeadersInEveryHttpDateForm() {
        FakeHttpServletRequest req = new FakeHttpServletRequest("GET", "/");
        req.addHeader("A", "Sun, 06 Nov 1994 08:49:37 GMT");
        req.addHeader("B", "Sunday, 06-Nov-94 08:49:37 GMT");
        req.addHeader("C", "Sun Nov  6 08:49:37 1994");
        req.addHeader("D", "soon");
        long want = java.time.Instant.parse("1994-11-06T08:49:37Z").toEpochMilli();
        assertEquals(want, req.getDateHeader("A"));
        assertEquals(want, req.getDateHeader("B"));
        assertEquals(want, req.getDateHeader("C"));
        assertEquals(-1, req.getDateHeader("E"));
        assertThrows(IllegalArgumentException.class, () -> req.getDateHeader("D"));
    }

    @Test
    void bodyIsReadOnceThroughEitherStreamOrReader() throws IOException {
        FakeHttpServletRequest req = new FakeHttpServletRequest("POST", "/");
        req.setBody("héllo".getBytes(StandardCharsets.UTF_8), "text/plain; charset=UTF-8");

        assertEquals("UTF-8", req.getCharacterEncoding());
        assertEquals(6, req.getContentLength());
        assertArrayEquals("héllo".getBytes(StandardCharsets.UTF_8), req.getInputStream().readAllBytes());
        assertThrows(IllegalStateException.class, req::getReader);
    }

    @Test
    void unsupportedCornersSaySo() {
        FakeHttpServletRequest req = new FakeHttpServletRequest("GET", "/");

        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, req::startAsync);

        assertEquals("flaskj test fakes do not support async requests; test this with EmbeddedTomcat or in a real"
                + " container", e.getMessage());
        assertThrows(UnsupportedOperationException.class, req::getParts);
        assertNull(req.getSession(false));
    }

    @Test
    void responseContentTypeIsOneHeader() {
        FakeHttpServletResponse res = new FakeHttpServletResponse();
        res.setContentType("text/plain;charset=UTF-8");
        res.addHeader("X-A", "1");
        res.setContentLengthLong(3);

        assertEquals("text/plain;charset=UTF-8", res.getHeader("content-type"));
        assertEquals("UTF-8", res.getCharacterEncoding());
        assertEquals("3", res.getHeader("Content-Length"));

        res.setHeader("Content-Type", "application/json");
        assertEquals("application/json", res.getContentType());
    }

    @Test
    void writerAndStreamAreExclusiveAndCaptureTheBody() {
        FakeHttpServletResponse res = new FakeHttpServletResponse();
        res.setCharacterEncoding("UTF-8");
        res.getWriter().print("Grüße");

        assertEquals("Grüße", res.bodyText());
        assertThrows(IllegalStateException.class, res::getOutputStream);
    }

    @Test
    void commitFreezesStatusAndHeadersAndForbidsReset() throws IOException {
        FakeHttpServletResponse res = new FakeHttpServletResponse();
        res.setStatus(201);
        res.getOutputStream().write(1);
        assertFalse(res.isCommitted());

        res.getOutputStream().flush();
        res.setStatus(500);
        res.setHeader("X-Late", "1");

        assertTrue(res.isCommitted());
        assertEquals(201, res.getStatus());
        assertFalse(res.containsHeader("X-Late"));
        assertThrows(IllegalStateException.class, res::reset);
    }

    @Test
    void resetBeforeCommitClearsEverything() throws IOException {
        FakeHttpServletResponse res = new FakeHttpServletResponse();
        res.setStatus(404);
        res.addHeader("X-A", "1");
        res.getOutputStream().write(65);

        res.reset();

        assertEquals(200, res.getStatus());
        assertTrue(res.getHeaderNames().isEmpty());
        assertEquals(0, res.body().length);
    }

    @Test
    void servletContextMimeTypesAndResources(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("static"));
        Files.writeString(dir.resolve("static/app.js"), "x()");
        FakeServletContext sc = new FakeServletContext("/myapplication").withResourceBase(dir);

        assertEquals("text/css", sc.getMimeType("a/site.CSS"));
        assertNull(sc.getMimeType("noextension"));
        assertEquals("x()", new String(sc.getResourceAsStream("/static/app.js").readAllBytes(),
                StandardCharsets.UTF_8));
        assertNull(sc.getResourceAsStream("/../outside.txt"));
        assertEquals(java.util.Set.of("/static/app.js"), sc.getResourcePaths("/static"));
        assertTrue(sc.setInitParameter("flask.debug", "false"));
        assertFalse(sc.setInitParameter("flask.debug", "true"));
        assertEquals("false", sc.getInitParameter("flask.debug"));
    }

    @Test
    void filterChainRecordsPassThrough() throws Exception {
        Flask app = new Flask("pass");
        FakeFilterChain chain = new FakeFilterChain();
        FakeHttpServletRequest req = new FakeHttpServletRequest("GET", "/unknown");
        FakeHttpServletResponse res = new FakeHttpServletResponse();

        app.handleRequest(req, res, chain);

        assertTrue(chain.wasCalled());
        assertEquals(req, chain.request());
        assertEquals(0, res.body().length);
    }

    @Test
    void filterAnswers404WithoutPassThrough() throws Exception {
        FakeFilterChain chain = new FakeFilterChain();
        FakeHttpServletResponse res = new FakeHttpServletResponse();

        new FlaskFilter(new Flask("nopass")).doFilter(new FakeHttpServletRequest("GET", "/unknown"), res, chain);

        assertFalse(chain.wasCalled());
        assertEquals(404, res.getStatus());
    }
}
