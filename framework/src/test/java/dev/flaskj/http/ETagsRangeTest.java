package dev.flaskj.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * ETags, Range and the list/dict grammars, ported from Werkzeug's {@code tests/test_http.py}:
 * {@code TestHTTPUtility.test_etags}, {@code test_etags_nonzero}, {@code test_range_parsing},
 * {@code test_list_header}, {@code test_dict_header}.
 */
class ETagsRangeTest {
    @Test
    void etags() {
        ETags es = ETags.parse("\"foo\", \"bar\", W/\"baz\", blar");
        assertEquals(Set.of("bar", "blar", "foo"), new TreeSet<>(es.strong()));
        assertTrue(es.contains("foo"));
        assertFalse(es.contains("baz"));
        assertTrue(es.containsWeak("baz"));
        assertTrue(es.contains("blar"));
        assertEquals(Set.of("\"bar\"", "\"blar\"", "\"foo\"", "W/\"baz\""),
                new TreeSet<>(List.of(es.toHeader().split(", "))));
    }

    @Test
    void etagsNonzero() {
        ETags es = ETags.parse("W/\"foo\"");
        assertFalse(es.isEmpty());
        assertTrue(es.isWeak("foo"));
        assertTrue(ETags.parse("*").isStar());
        assertTrue(ETags.parse("").isEmpty());
    }

    @Test
    void etagsAsWerkzeugsRegexReadsThem() {
        // Each is werkzeug.http.parse_etags(...) in 3.1.8.
        assertEquals(Set.of("a", "\"b\"x"), ETags.parse("\"a\", \"b\"x").strong(), "a quote not before a comma");
        assertEquals(Set.of("a"), ETags.parse("\"\", a").strong());
        assertEquals(Set.of("a", "b"), ETags.parse("a\n, b").strong());
        assertTrue(ETags.parse("\"a\nb\", c").isEmpty(), "the regex's '.' stops at a newline");
        assertEquals(Set.of("a b", "c"), ETags.parse("\"a b\" , c").strong());
        assertEquals(Set.of("x"), ETags.parse("w/\"x\"").weak());
    }

    @Test
    void rangeParsing() {
        assertNull(Range.parse("bytes=52"));
        Range r = Range.parse("bytes=52-");
        assertEquals("bytes", r.units());
        assertEquals(List.of(new Range.Part(52, null)), r.ranges());
        assertEquals("bytes=52-", r.toHeader());
        r = Range.parse("bytes=52-99");
        assertEquals(List.of(new Range.Part(52, 100L)), r.ranges());
        assertEquals("bytes=52-99", r.toHeader());
        r = Range.parse("bytes=52-99,-1000");
        assertEquals(List.of(new Range.Part(52, 100L), new Range.Part(-1000, null)), r.ranges());
        assertEquals("bytes=52-99,-1000", r.toHeader());
        r = Range.parse("bytes = 1 - 100");
        assertEquals(List.of(new Range.Part(1, 101L)), r.ranges());
        assertEquals("bytes=1-100", r.toHeader());
        r = Range.parse("AWesomes=0-999");
        assertEquals("awesomes", r.units());
        assertEquals("awesomes=0-999", r.toHeader());
        for (String bad : new String[] {"bytes=-", "bytes=bad", "bytes=bad-1", "bytes=-bad", "bytes=52-99, bad"}) {
            assertNull(Range.parse(bad), bad);
        }
        // Range.range_for_length and to_content_range_header
        assertEquals("bytes 6-10/11", Range.parse("bytes=6-666").toContentRangeHeader(11));
        assertNull(Range.parse("bytes=0-1,3-4").rangeForLength(11), "only one range is satisfiable");
        assertNull(Range.parse("bytes=11-").rangeForLength(11));
    }

    @Test
    void listHeader() {
        assertEquals(List.of("a b"), HeaderValues.parseList("a b"));
        assertEquals(List.of("a b", "c"), HeaderValues.parseList("a b, c"));
        assertEquals(List.of("a b", "c, d"), HeaderValues.parseList("a b, \"c, d\""));
        assertEquals(List.of("a\"b", "c"), HeaderValues.parseList("\"a\\\"b\", c"));
        assertEquals(List.of("a\"b,c\"", "d e"), HeaderValues.parseList("a\"b,c\", \"d e\""));
        assertEquals(List.of("a", "b"), HeaderValues.parseList("a, ,,b,"));
        assertEquals(List.of(), HeaderValues.parseList("a, \"b, c\", \"d, e"));
    }

    @Test
    void dictHeader() {
        Map<String, String> one = new LinkedHashMap<>();
        one.put("foo", "bar baz");
        one.put("blah", "42");
        assertEquals(one, HeaderValues.parseDict("foo=\"bar baz\", blah=42"));
        Map<String, String> two = new LinkedHashMap<>();
        two.put("foo", null);
        two.put("bar", "");
        assertEquals(two, HeaderValues.parseDict("foo, bar="));
        assertEquals(Map.of(), HeaderValues.parseDict("=foo, ="));
        assertEquals(Map.of(), HeaderValues.parseDict("a=1, b=\"2, 3\", c=\"4, d=5"));
    }

    @Test
    void hostileValuesAreLinear() {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            ETags.parse("\"a,".repeat(200_000));
            ETags.parse("\"".repeat(500_000));
            ETags.parse(" ".repeat(500_000) + "x");
            ETags.parse("W/".repeat(300_000));
            Range.parse("bytes=" + "1-2,".repeat(200_000));
            HeaderValues.parseDict("\"".repeat(500_000));
        });
    }
}
