package dev.flaskj.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.exceptions.BadRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Werkzeug 3.1's host_is_trusted and get_host; expected values checked against Werkzeug 3.1.8. */
class HostsTest {
    /** Werkzeug tests/sansio/test_utils.py::test_get_host (the Unix-socket row has no servlet counterpart). */
    @Test
    void getHostDropsTheSchemesDefaultPort() {
        assertEquals("spam", Hosts.requestHost("http", "spam", null, 0, null));
        assertEquals("spam", Hosts.requestHost("http", "spam:80", null, 0, null));
        assertEquals("spam", Hosts.requestHost("https", "spam", null, 0, null));
        assertEquals("spam", Hosts.requestHost("https", "spam:443", null, 0, null));
        assertEquals("spam:8080", Hosts.requestHost("http", "spam:8080", null, 0, null));
        assertEquals("spam", Hosts.requestHost("ws", "spam:80", null, 0, null));
        assertEquals("spam", Hosts.requestHost("wss", "spam:443", null, 0, null));
        assertEquals("spam", Hosts.requestHost("http", null, "spam", 80, null));
        assertEquals("spam:8080", Hosts.requestHost("http", null, "spam", 8080, null));
        assertEquals("spam", Hosts.requestHost("http", "spam", "eggs", 80, null));
        assertEquals("example.org:80", Hosts.requestHost("https", "example.org:80", null, 0, null));
        assertEquals("[::1]", Hosts.requestHost("http", null, "::1", 80, null), "IPv6 server name in brackets");
    }

    /** Werkzeug tests/test_wsgi.py::test_get_host_fallback. */
    @Test
    void getHostFallsBackToTheServerAddress() {
        assertEquals("foobar.example.com", Hosts.requestHost("http", null, "foobar.example.com", 80, null));
        assertEquals("foobar.example.com:81", Hosts.requestHost("http", "", "foobar.example.com", 81, null));
    }

    /** Werkzeug tests/test_wsgi.py::test_get_host_validation. */
    @Test
    void getHostValidatesAgainstTheTrustedList() {
        assertEquals("example.org", Hosts.requestHost("http", "example.org", "x", 80, List.of(".example.org")));
        BadRequest e = assertThrows(BadRequest.class,
                () -> Hosts.requestHost("http", "example.org", "x", 80, List.of("example.com")));
        assertEquals("Host 'example.org' is not trusted.", e.description());
    }

    @Test
    void hostIsTrustedMatchesWerkzeug() {
        assertTrue(Hosts.isTrusted("example.org", List.of("example.org")));
        assertTrue(Hosts.isTrusted("example.org:8080", List.of("example.org")), "port ignored");
        assertTrue(Hosts.isTrusted("example.org", List.of("example.org:9")), "port ignored on the entry too");
        assertTrue(Hosts.isTrusted("a.b.example.org", List.of(".example.org")));
        assertTrue(Hosts.isTrusted("example.org", List.of(".example.org")));
        assertFalse(Hosts.isTrusted("badexample.org", List.of(".example.org")));
        assertFalse(Hosts.isTrusted("example.org.evil", List.of(".example.org")));
        assertFalse(Hosts.isTrusted("Example.org", List.of("example.org")), "Werkzeug compares the header as sent");
        assertTrue(Hosts.isTrusted("example.org", List.of("EXAMPLE.org")), "entries in IDNA (lower-case) form");
        assertTrue(Hosts.isTrusted("xn--bcher-kva.example", List.of("bücher.example")));
        assertFalse(Hosts.isTrusted("example.org.", List.of("example.org")));
        assertTrue(Hosts.isTrusted("[::1]", null));
        assertTrue(Hosts.isTrusted("[::1]:80", null));
        assertTrue(Hosts.isTrusted("[:1]", null));
        assertFalse(Hosts.isTrusted("[x::1]", null));
        assertFalse(Hosts.isTrusted("[1:]", null));
        assertFalse(Hosts.isTrusted("[1.2:3]", null));
        assertFalse(Hosts.isTrusted("a_b", null));
        assertFalse(Hosts.isTrusted("ex.org:", null));
        assertFalse(Hosts.isTrusted("", null));
        assertFalse(Hosts.isTrusted(null, null));
        for (String bad : new String[] {"evil.com/x", "a b", "evil.com@good", "good\r\nx", "good:8o", "h:1:2",
                "\u00e9.example", "[::1", "::1"}) {
            assertFalse(Hosts.isWellFormed(bad), bad);
        }
    }

    @Test
    void malformedHostIsA400WithASafeMessage() {
        BadRequest e = assertThrows(BadRequest.class, () -> Hosts.requestHost("http", "a\nb<", null, 0, null));
        assertEquals("Host 'a\\nb<' is not valid.", e.description());
        assertThrows(BadRequest.class, () -> Hosts.requestHost("http", "x".repeat(100_000) + "/", null, 0, null));
    }

    @Test
    void trustedListAcceptsAStringOrAList() {
        assertEquals(null, Hosts.trustedList(null));
        assertEquals(List.of("a"), Hosts.trustedList("a"));
        assertEquals(List.of("a", "b"), Hosts.trustedList(List.of("a", "b")));
        assertEquals(List.of("a"), Hosts.trustedList(new String[] {"a"}));
    }
}
