package dev.flaskj;

import static dev.flaskj.Flask.request;
import static dev.flaskj.Flask.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.exceptions.BadRequest;
import dev.flaskj.exceptions.RequestedRangeNotSatisfiable;
import dev.flaskj.exceptions.UnsupportedMediaType;
import dev.flaskj.http.Accept;
import dev.flaskj.http.Authorization;
import dev.flaskj.http.ETags;
import dev.flaskj.testing.TestRequest;
import dev.flaskj.testing.TestResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The request and response API beyond the quickstart, ported from Werkzeug's {@code tests/test_wrappers.py}
 * ({@code test_access_route}, {@code test_authorization}, {@code test_authorization_with_unicode},
 * {@code test_accept}, {@code test_etag_request}, {@code test_etag_response}, {@code test_etag_response_412},
 * {@code test_advertise_accept_ranges}, {@code test_range_request_basic}, {@code test_range_request_out_of_bound},
 * {@code test_range_request_without_complete_length}, {@code test_invalid_range_request}) and
 * {@code tests/test_http.py} ({@code test_is_resource_modified}, {@code test_is_resource_modified_for_range_requests}),
 * plus Flask's {@code get_json(force, silent)}.
 */
class RequestResponseApiTest {
    private static final String SHA1_HELLO_WORLD = "0a4d55a8d778e5022fab701977c5d840bbc486d0";

    private static Flask app() {
        Flask app = new Flask("api");
        app.config().put("SECRET_KEY", "dev");
        return app;
    }

    private static void inRequest(TestRequest req, Consumer<Request> body) {
        try (RequestContext ctx = app().testRequestContext(req)) {
            body.accept(request());
        }
    }

    @Test
    void accessRoute() {
        inRequest(TestRequest.get("/").header("X-Forwarded-For", "192.168.1.2, 192.168.1.1"), r ->
                assertEquals(List.of("192.168.1.2", "192.168.1.1"), r.accessRoute()));
        inRequest(TestRequest.get("/"), r -> assertEquals(List.of(r.remoteAddr()), r.accessRoute()));
    }

    @Test
    void authorization() {
        inRequest(TestRequest.get("/").header("Authorization", "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="), r -> {
            Authorization a = r.authorization();
            assertEquals("basic", a.type());
            assertEquals("Aladdin", a.username());
            assertEquals("open sesame", a.password());
        });
        inRequest(TestRequest.get("/").header("Authorization", "Basic 0YDRg9GB0YHQutC40IE60JHRg9C60LLRiw=="), r -> {
            assertEquals("русскиЁ", r.authorization().username());
            assertEquals("Буквы", r.authorization().password());
        });
        inRequest(TestRequest.get("/").header("Authorization", "Basic foo"), r -> assertNull(r.authorization()));
        inRequest(TestRequest.get("/"), r -> assertNull(r.authorization()));
    }

    @Test
    void accept() {
        inRequest(TestRequest.get("/")
                .header("Accept", "text/xml,application/xml,application/xhtml+xml,text/html;q=0.9,text/plain;q=0.8,"
                        + "image/png,*/*;q=0.5")
                .header("Accept-Encoding", "gzip,deflate")
                .header("Accept-Language", "en-us,en;q=0.5")
                .header("Accept-Charset", "utf-8, iso-8859-1;q=0.5"), r -> {
            assertEquals(List.of("text/xml", "application/xml", "application/xhtml+xml", "image/png", "text/html",
                    "text/plain", "*/*"), r.acceptMimetypes().values());
            assertEquals(List.of(new Accept.Entry("gzip", 1), new Accept.Entry("deflate", 1)),
                    r.acceptEncodings().entries());
            assertEquals(0.5, r.acceptLanguages().quality("en"));
            assertEquals("en", r.acceptLanguages().bestMatch("de", "en"));
            assertEquals("utf-8", r.acceptCharsets().bestMatch("latin1", "utf-8"));
        });
        inRequest(TestRequest.get("/").header("Accept", ""), r -> assertTrue(r.acceptMimetypes().isEmpty()));
    }

    @Test
    void etagRequest() {
        inRequest(TestRequest.get("/")
                .header("Cache-Control", "no-store, no-cache")
                .header("If-Match", "W/\"foo\", bar, \"baz\"")
                .header("If-None-Match", "W/\"foo\", bar, \"baz\"")
                .header("If-Modified-Since", "Tue, 22 Jan 2008 11:18:44 GMT")
                .header("If-Unmodified-Since", "Tue, 22 Jan 2008 11:18:44 GMT"), r -> {
            assertTrue(r.cacheControl().isNoStore());
            assertTrue(r.cacheControl().isNoCache());
            for (ETags etags : List.of(r.ifMatch(), r.ifNoneMatch())) {
                assertTrue(etags.contains("bar"));
                assertTrue(etags.isWeak("foo"));
                assertTrue(etags.containsWeak("foo"));
                assertFalse(etags.contains("foo"));
            }
            Instant dt = Instant.parse("2008-01-22T11:18:44Z");
            assertEquals(dt, r.ifModifiedSince());
            assertEquals(dt, r.ifUnmodifiedSince());
        });
    }

    @Test
    void smallAccessors() {
        inRequest(TestRequest.get("/").baseUrl("https://example.com").header("Referer", "https://a.example/x")
                .header("Origin", "https://a.example").header("Range", "bytes=0-9")
                .header("Content-Type", "text/plain; charset=\"latin-1\"; Format=flowed"), r -> {
            assertTrue(r.isSecure());
            assertEquals("https://a.example/x", r.referrer());
            assertEquals("https://a.example", r.origin());
            assertEquals("bytes=0-9", r.range().toHeader());
            assertEquals(Map.of("charset", "latin-1", "format", "flowed"), r.mimetypeParams());
        });
        inRequest(TestRequest.get("/"), r -> {
            assertFalse(r.isSecure());
            assertNull(r.referrer());
            assertNull(r.origin());
            assertNull(r.range());
            assertNull(r.ifModifiedSince());
            assertTrue(r.ifNoneMatch().isEmpty());
            assertEquals(Map.of(), r.mimetypeParams());
        });
    }

    @Test
    void getJsonForceAndSilent() {
        inRequest(TestRequest.post("/").data("{\"a\": 1}").header("Content-Type", "text/plain"), r -> {
            assertNull(r.getJson(false, true), "silent: no 415");
            assertThrows(UnsupportedMediaType.class, () -> r.getJson(false, false));
            assertEquals(Map.of("a", 1), r.getJson(true, false), "force parses any content type");
        });
        inRequest(TestRequest.post("/").data("{bad").header("Content-Type", "application/json"), r -> {
            assertNull(r.getJson(false, true), "silent: no 400");
            assertThrows(BadRequest.class, () -> r.getJson(false, false));
        });
    }

    // ------------------------------------------------------------------ responses

    private static Response conditional(TestRequest req, Response response, boolean acceptRanges) {
        AtomicReference<Response> out = new AtomicReference<>();
        inRequest(req, r -> out.set(response.makeConditional(r, acceptRanges)));
        return out.get();
    }

    @Test
    void etagResponse() {
        Response response = new Response("Hello World");
        assertNull(response.headers().get("ETag", null));
        response.addEtag();
        // Werkzeug 3.1's generate_etag is the SHA-1 hex digest of the body.
        assertEquals("\"" + SHA1_HELLO_WORLD + "\"", response.headers().get("ETag"));
        assertTrue(response.cacheControl().isEmpty());
        response.cacheControl().setMustRevalidate(true);
        response.cacheControl().setMaxAge(60);
        assertEquals("must-revalidate, max-age=60", response.headers().get("Cache-Control"));
        assertNull(response.headers().get("Date", null));
        conditional(TestRequest.get("/").header("If-None-Match", SHA1_HELLO_WORLD), response, false);
        assertTrue(response.headers().containsKey("Date"));
        assertEquals(304, response.status());
        assertEquals(0, response.data().length);
        assertNull(response.headers().get("Content-Type", null), "no entity headers on a 304");

        Response dated = new Response("Hello World");
        dated.headers().set("Date", "Thu, 01 Jan 1970 00:22:17 GMT");
        conditional(TestRequest.get("/"), dated, false);
        assertEquals("Thu, 01 Jan 1970 00:22:17 GMT", dated.headers().get("Date"), "Date is not overridden");
    }

    @Test
    void etagResponse412() {
        Response response = new Response("Hello World").addEtag();
        conditional(TestRequest.get("/").header("If-Match", SHA1_HELLO_WORLD + "xyz"), response, false);
        assertEquals(412, response.status());
        assertEquals("Hello World", response.text(), "a 412 keeps its body");
    }

    @Test
    void advertiseAcceptRanges() {
        Response response = conditional(TestRequest.get("/"), new Response(), true);
        assertEquals(200, response.status());
        assertEquals("bytes", response.headers().get("Accept-Ranges"));
        assertNull(response.headers().get("Content-Range", null));
        Response without = conditional(TestRequest.get("/").header("Range", "bytes=0-4"), new Response("Hello World"),
                false);
        assertEquals(200, without.status(), "make_conditional without accept_ranges ignores Range");
        assertNull(without.headers().get("Accept-Ranges", null));
    }

    @Test
    void rangeRequests() {
        Response basic = conditional(TestRequest.get("/").header("Range", "bytes=0-4"), new Response("Hello World"),
                true);
        assertEquals(206, basic.status());
        assertEquals("bytes", basic.headers().get("Accept-Ranges"));
        assertEquals("bytes 0-4/11", basic.headers().get("Content-Range"));
        assertEquals(5, basic.contentLength());
        assertEquals("Hello", basic.text());

        Response out = conditional(TestRequest.get("/").header("Range", "bytes=6-666"), new Response("Hello World"),
                true);
        assertEquals(206, out.status());
        assertEquals("bytes 6-10/11", out.headers().get("Content-Range"));
        assertEquals("World", out.text());

        // A written body of known length is sliced while it is written.
        Response written = Response.writer(o -> o.write("Hello World".getBytes()), 11, "text/plain");
        conditional(TestRequest.get("/").header("Range", "bytes=-5"), written, true);
        assertEquals(206, written.status());
        assertEquals(5, written.contentLength());
        assertEquals("World", written.text());

        // test_range_request_without_complete_length: an empty or streamed body is sent whole.
        Response empty = conditional(TestRequest.get("/").header("Range", "bytes=0-10"), new Response(""), true);
        assertEquals(200, empty.status());
        Response streamed = conditional(TestRequest.get("/").header("Range", "bytes=0-1"),
                Response.stream(List.of("ab", "cd").iterator()), true);
        assertEquals(200, streamed.status());
        assertEquals("abcd", streamed.text());

        // test_invalid_range_request
        RequestedRangeNotSatisfiable e = assertThrows(RequestedRangeNotSatisfiable.class, () ->
                conditional(TestRequest.get("/").header("Range", "bytes=-"), new Response("Hello World"), true));
        assertEquals(416, e.code());
    }

    @Test
    void isResourceModified() {
        // test_is_resource_modified: POST is left alone; If-Modified-Since against Last-Modified.
        Response post = new Response("x").lastModified(Instant.parse("2008-01-01T12:00:00Z"));
        AtomicReference<Response> ref = new AtomicReference<>();
        try (RequestContext ctx = app().testRequestContext(TestRequest.post("/")
                .header("If-Modified-Since", "Tue, 01 Jan 2008 12:30:00 GMT"))) {
            ref.set(post.makeConditional(request()));
        }
        assertEquals(200, ref.get().status());
        Response older = conditional(TestRequest.get("/").header("If-Modified-Since", "Tue, 01 Jan 2008 12:30:00 GMT"),
                new Response("x").lastModified(Instant.parse("2008-01-01T12:00:00Z")), false);
        assertEquals(304, older.status());
        Response newer = conditional(TestRequest.get("/").header("If-Modified-Since", "Tue, 01 Jan 2008 12:30:00 GMT"),
                new Response("x").lastModified(Instant.parse("2008-01-01T13:00:00Z")), false);
        assertEquals(200, newer.status());

        // test_is_resource_modified_for_range_requests: If-Range decides whether the range applies.
        Response matching = new Response("awesome_if_range").setEtag("v1");
        conditional(TestRequest.get("/").header("Range", "bytes=0-1").header("If-Range", "\"v1\""), matching, true);
        assertEquals(206, matching.status());
        Response changed = new Response("not_the_same").setEtag("v2");
        conditional(TestRequest.get("/").header("Range", "bytes=0-1").header("If-Range", "\"v1\""), changed, true);
        assertEquals(200, changed.status());
        assertEquals("not_the_same", changed.text());
        Response byDate = new Response("abc").lastModified(Instant.parse("2008-01-01T14:00:00Z"));
        conditional(TestRequest.get("/").header("Range", "bytes=0-0")
                .header("If-Range", "Tue, 01 Jan 2008 13:30:00 GMT"), byDate, true);
        assertEquals(200, byDate.status(), "modified after the If-Range date: whole body");
    }

    @Test
    void responseHeaderHelpers() {
        Response r = new Response("x");
        r.setEtag("abc", true);
        assertEquals("W/\"abc\"", r.headers().get("ETag"));
        assertThrows(IllegalArgumentException.class, () -> r.setEtag("a\"b"));
        Instant t = Instant.parse("2024-01-02T03:04:05.678Z");
        r.lastModified(t).expires(t);
        assertEquals("Tue, 02 Jan 2024 03:04:05 GMT", r.headers().get("Last-Modified"));
        assertEquals(Instant.parse("2024-01-02T03:04:05Z"), r.expires());
        r.lastModified(null);
        assertFalse(r.headers().containsKey("Last-Modified"));

        Set<String> vary = r.vary();
        vary.add("Accept-Encoding");
        vary.add("accept-encoding");
        vary.add("Accept Language");
        assertEquals("Accept-Encoding, \"Accept Language\"", r.headers().get("Vary"));
        vary.remove("Accept Language");
        assertEquals(Set.of("Accept-Encoding"), Set.copyOf(r.vary()));
        r.vary().clear();
        assertFalse(r.headers().containsKey("Vary"));
        r.contentLanguage().add("de-DE");
        r.contentLanguage().add("en");
        assertEquals("de-DE, en", r.headers().get("Content-Language"));

        r.cacheControl().setPublic(true);
        r.cacheControl().setMaxAge(600);
        assertEquals("public, max-age=600", r.headers().get("Cache-Control"));
        assertEquals(600, r.cacheControl().getMaxAge());
        r.cacheControl().setPublic(false);
        r.cacheControl().setMaxAge((Integer) null);
        assertFalse(r.headers().containsKey("Cache-Control"), "the last directive removed removes the header");
    }

    @Test
    void varyMergesWithTheSessionsCookie() {
        Flask app = app();
        app.addUrlRule("/", "index", args -> {
            session().get("x");
            Response r = new Response("ok");
            r.vary().add("Accept-Language");
            return r;
        });
        TestResponse resp = app.testClient().get("/");
        assertEquals("Accept-Language, Cookie", resp.headers().get("Vary"));
    }

    @Test
    void callOnCloseRunsAfterWritingAlsoOnErrors() {
        Flask app = app();
        List<String> events = new ArrayList<>();
        app.addUrlRule("/", "index", args -> new Response("ok").callOnClose(() -> events.add("closed")));
        app.addUrlRule("/boom", "boom", args -> Response.writer(out -> {
            throw new java.io.IOException("client went away");
        }, 3, "text/plain").callOnClose(() -> events.add("closed after failure")));
        app.teardownRequest(e -> events.add("teardown"));
        app.testClient().get("/");
        assertEquals(List.of("closed", "teardown"), events);
        events.clear();
        try {
            app.testClient().get("/boom");
        } catch (Exception expected) {
            // the write failed; the callback must still have run
        }
        assertTrue(events.contains("closed after failure"), events.toString());
    }
}
