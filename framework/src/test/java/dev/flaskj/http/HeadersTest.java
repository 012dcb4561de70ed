package dev.flaskj.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.exceptions.BadRequestKeyError;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

class HeadersTest {
    private static List<String> lines(Headers h) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : h) {
            out.add(e.getKey() + ": " + e.getValue());
        }
        return out;
    }

    @Test
    void lookupIsCaseInsensitiveAndKeepsOrder() {
        Headers h = new Headers();
        h.add("Set-Cookie", "a=1");
        h.add("X-Other", "o");
        h.add("set-cookie", "b=2");
        assertEquals("a=1", h.get("SET-COOKIE"));
        assertEquals(List.of("a=1", "b=2"), h.getList("Set-Cookie"));
        assertEquals(List.of("Set-Cookie: a=1", "X-Other: o", "set-cookie: b=2"), lines(h));
        assertEquals(3, h.size());
        assertEquals(List.of("Set-Cookie", "X-Other"), new ArrayList<>(h.names()));
    }

    @Test
    void missingHeaderIsBadRequestKeyErrorOrDefault() {
        Headers h = new Headers();
        assertEquals("X-Missing", assertThrows(BadRequestKeyError.class, () -> h.get("X-Missing")).key());
        assertEquals("d", h.get("X-Missing", "d"));
        assertEquals(List.of(), h.getList("X-Missing"));
        assertFalse(h.containsKey("X-Missing"));
        assertTrue(h.isEmpty());
    }

    @Test
    void setReplacesAllValuesAtThePositionOfTheFirst() {
        Headers h = new Headers();
        h.add("A", "1");
        h.add("B", "x");
        h.add("a", "2");
        h.add("C", "y");
        h.set("a", "new");
        // Werkzeug Headers.set: the first occurrence is replaced in place, the others removed.
        assertEquals(List.of("a: new", "B: x", "C: y"), lines(h));
        h.set("D", "appended");
        assertEquals("D: appended", lines(h).get(3));
    }

    @Test
    void removeDropsEveryValue() {
        Headers h = new Headers();
        h.add("A", "1");
        h.add("a", "2");
        h.add("B", "3");
        h.remove("A");
        h.remove("not-there");
        assertEquals(List.of("B: 3"), lines(h));
    }

    @Test
    void newlinesInValuesAreRefused() {
        Headers h = new Headers();
        assertThrows(IllegalArgumentException.class, () -> h.add("X", "a\r\nSet-Cookie: evil=1"));
        assertThrows(IllegalArgumentException.class, () -> h.set("X", "a\nb"));
        assertTrue(h.isEmpty());
    }

    @Test
    void copyIsIndependent() {
        Headers h = new Headers();
        h.add("A", "1");
        Headers copy = h.copy();
        copy.add("B", "2");
        assertEquals(1, h.size());
        assertEquals(2, copy.size());
        assertEquals(h, h.copy());
        assertNotEquals(h, copy);
    }

    @Test
    void fromRequestReadsInContainerOrderTitleCasedAndReadOnly() {
        HttpServletRequest req = Mockito.mock(HttpServletRequest.class);
        Mockito.when(req.getHeaderNames()).thenReturn(Collections.enumeration(List.of("host", "x-api-key", "accept")));
        Mockito.when(req.getHeaders("host")).thenReturn(Collections.enumeration(List.of("example.com")));
        Mockito.when(req.getHeaders("x-api-key")).thenReturn(Collections.enumeration(List.of("k1", "k2")));
        Mockito.when(req.getHeaders("accept")).thenReturn(Collections.enumeration(List.of("*/*")));
        Headers h = Headers.fromRequest(req);
        assertEquals(List.of("Host: example.com", "X-Api-Key: k1", "X-Api-Key: k2", "Accept: */*"), lines(h));
        assertTrue(h.isReadOnly());
        assertThrows(UnsupportedOperationException.class, () -> h.add("A", "b"));
        assertThrows(UnsupportedOperationException.class, () -> h.remove("Host"));
        Headers copy = h.copy();
        copy.set("Host", "other");
        assertEquals("other", copy.get("host"));
        assertEquals("example.com", h.get("host"));
    }

    @Test
    void titleCaseFollowsPythonStrTitle() {
        assertEquals("X-B3-Traceid", Headers.titleCase("x-b3-traceid"));
        assertEquals("X-B3Trace", Headers.titleCase("X-b3TRACE"));
        assertEquals("Www-Authenticate", Headers.titleCase("WWW-AUTHENTICATE"));
    }

    @Test
    void toStringIsTheHeaderBlock() {
        Headers h = new Headers();
        h.add("Content-Type", "text/plain");
        h.add("X", "y");
        assertEquals("Content-Type: text/plain\r\nX: y\r\n\r\n", h.toString());
    }
}
