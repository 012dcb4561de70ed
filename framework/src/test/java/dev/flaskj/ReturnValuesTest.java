package dev.flaskj;

import static dev.flaskj.Flask.jsonify;
import static dev.flaskj.Flask.makeResponse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.testing.TestClient;
import dev.flaskj.testing.TestResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What a view may return, converted as Flask's make_response does. */
class ReturnValuesTest {
    record User(String name, int id) {}

    private static Flask app() {
        Flask app = new Flask("returns");
        app.addUrlRule("/str", "str", args -> "héllo");
        app.addUrlRule("/bytes", "bytes", args -> "raw".getBytes(StandardCharsets.UTF_8));
        app.addUrlRule("/map", "map", args -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("b", 1);
            m.put("a", List.of(1, 2));
            m.put("u", "é<>&'");
            m.put("n", null);
            return m;
        });
        app.addUrlRule("/list", "list", args -> List.of(1, "two"));
        app.addUrlRule("/record", "record", args -> new User("Zoë", 7));
        app.addUrlRule("/array", "array", args -> new int[] {1, 2, 3});
        app.addUrlRule("/stream", "stream", args -> Stream.of("a", "b", "c"));
        app.addUrlRule("/iterator", "iterator", args -> List.of("x".getBytes(StandardCharsets.UTF_8), "y").iterator());
        app.addUrlRule("/none", "none", args -> null);
        app.addUrlRule("/int", "int", args -> 42);
        app.addUrlRule("/tuple", "tuple", args -> makeResponse(new Response("x").status(200), 404,
                Map.of("X-A", "new")));
        app.addUrlRule("/jsonify", "jsonify", args -> jsonify(1, 2));
        app.addUrlRule("/jsonify-empty", "jsonify-empty", args -> jsonify());
        app.addUrlRule("/ctype", "ctype", args -> makeResponse(Map.of("ok", true), 202,
                Map.of("Content-Type", "application/vnd+json")));
        return app;
    }

    @Test
    void textAndBytesAreHtml() {
        TestClient c = app().testClient();
        TestResponse s = c.get("/str");
        assertEquals("héllo", s.text());
        assertEquals("text/html; charset=utf-8", s.contentType());
        assertEquals("6", s.headers().get("Content-Length"));
        assertEquals("text/html; charset=utf-8", c.get("/bytes").contentType());
    }

    @Test
    void mapsListsRecordsAndArraysAreFlaskJson() {
        TestClient c = app().testClient();
        TestResponse m = c.get("/map");
        assertEquals("{\"a\":[1,2],\"b\":1,\"n\":null,\"u\":\"\\u00e9<>&'\"}\n", m.text());
        assertEquals("application/json", m.contentType());
        assertEquals("[1,\"two\"]\n", c.get("/list").text());
        assertEquals("{\"id\":7,\"name\":\"Zo\\u00eb\"}\n", c.get("/record").text());
        assertEquals("[1,2,3]\n", c.get("/array").text());
        assertEquals("[1,2]\n", c.get("/jsonify").text());
        assertEquals("{}\n", c.get("/jsonify-empty").text());
    }

    @Test
    void debugModeIndentsJson() {
        Flask app = app();
        app.config().put("DEBUG", true);
        assertEquals("[\n  1,\n  \"two\"\n]\n", app.testClient().get("/list").text());
    }

    @Test
    void streamsAndIteratorsAreStreamedWithoutContentLength() {
        TestClient c = app().testClient();
        TestResponse s = c.get("/stream");
        assertEquals("abc", s.text());
        assertNull(s.headers().get("Content-Length", null));
        assertEquals("xy", c.get("/iterator").text());
    }

    @Test
    void tupleHeadersReplaceAndContentTypeWins() {
        TestClient c = app().testClient();
        TestResponse t = c.get("/tuple");
        assertEquals(404, t.status());
        assertEquals("new", t.headers().get("X-A"));
        TestResponse ct = c.get("/ctype");
        assertEquals(202, ct.status());
        assertEquals("application/vnd+json", ct.contentType());
    }

    @Test
    void nullAndUnsupportedTypesAre500WithFlasksMessage() {
        Flask app = app();
        assertEquals(500, app.testClient().get("/none").status());
        app.config().put("TESTING", true);
        IllegalStateException none = assertThrows(IllegalStateException.class, () -> app.testClient().get("/none"));
        assertEquals("The view function for 'none' did not return a valid response. The function either returned"
                + " null or ended without a return statement.", none.getMessage());
        IllegalStateException bad = assertThrows(IllegalStateException.class, () -> app.testClient().get("/int"));
        assertTrue(bad.getMessage().endsWith("but it was a java.lang.Integer."), bad.getMessage());
    }
}
