package dev.flaskj.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Content negotiation, ported from Werkzeug's tests: {@code tests/test_datastructures.py} classes
 * {@code TestAccept}, {@code TestMIMEAccept}, {@code TestLanguageAccept}, and {@code tests/test_http.py}
 * {@code TestHTTPUtility.test_accept*}, {@code test_mime_accept}, {@code test_language_accept},
 * {@code TestRegression.test_best_match_works}. Werkzeug builds these from {@code (value, quality)} pairs; here
 * the pairs are written as the header they stand for, so parsing is exercised too.
 */
class AcceptTest {
    /** {@code [("a", 1), ("b", 0.5)]} as {@code a;q=1,b;q=0.5}. */
    private static String header(Object... pairs) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            b.append(i == 0 ? "" : ",").append(pairs[i]).append(";q=").append(pairs[i + 1]);
        }
        return b.toString();
    }

    // TestAccept.test_accept_basic
    @Test
    void acceptBasic() {
        Accept a = Accept.plain(header("tinker", 0, "tailor", 0.333, "soldier", 0.667, "sailor", 1));
        assertEquals(List.of("sailor", "soldier", "tailor", "tinker"), a.values());
        assertEquals(0, a.quality("tinker"));
        assertEquals(0.333, a.quality("tailor"));
        assertEquals(0.667, a.quality("soldier"));
        assertEquals(1, a.quality("sailor"));
        assertEquals(0, a.quality("spy"));
        assertTrue(a.contains("sailor"));
        assertFalse(a.contains("spy"));
        assertEquals("sailor,soldier;q=0.667,tailor;q=0.333,tinker;q=0.0", a.toHeader(),
                "Werkzeug 3.1 prints the parsed float 0 as 0.0");
        assertEquals("sailor", a.bestMatch("tinker", "tailor", "soldier", "sailor"));
        assertEquals("soldier", a.bestMatch("tinker", "tailor", "soldier"));
        assertEquals("tailor", a.bestMatch("tinker", "tailor"));
        assertNull(a.bestMatch("tinker"));
        assertEquals("x", a.bestMatchOr("x", "tinker"));
    }

    // TestAccept.test_accept_wildcard
    @Test
    void acceptWildcard() {
        Accept a = Accept.plain(header("*", 0, "asterisk", 1));
        assertTrue(a.contains("*"));
        assertEquals("asterisk", a.bestMatch("asterisk", "star"));
        assertNull(a.bestMatch("star"));
    }

    // TestAccept.test_accept_keep_order
    @Test
    void acceptKeepOrder() {
        Accept star = Accept.plain("*");
        assertEquals("alice", star.bestMatch("alice", "bob"));
        assertEquals("bob", star.bestMatch("bob", "alice"));
        Accept both = Accept.plain("alice, bob");
        assertEquals("alice", both.bestMatch("alice", "bob"));
        assertEquals("bob", both.bestMatch("bob", "alice"));
    }

    // TestAccept.test_accept_wildcard_specificity
    @Test
    void acceptWildcardSpecificity() {
        Accept a = Accept.plain(header("asterisk", 0, "star", 0.5, "*", 1));
        assertEquals("star", a.bestMatch("star", "asterisk"));
        assertEquals("star", a.bestMatch("asterisk", "star"));
        assertEquals("times", a.bestMatch("asterisk", "times"));
        assertNull(a.bestMatch("asterisk"));
    }

    // TestAccept.test_accept_equal_quality
    @Test
    void acceptEqualQuality() {
        assertEquals("a", Accept.plain("a, b").best());
    }

    static Stream<Arguments> mimeCases() {
        // TestMIMEAccept.test_mime_accept parameters
        return Stream.of(
                Arguments.of("text/*", List.of("text/html"), null, "text/html"),
                Arguments.of("text/*", List.of("image/png"), "text/plain", "text/plain"),
                Arguments.of("text/*", List.of("image/png"), null, null),
                Arguments.of("*/*, text/html", List.of("image/png", "text/html"), null, "text/html"),
                Arguments.of("*/*, text/html", List.of("image/png", "text/plain"), null, "image/png"),
                Arguments.of("*/*, text/html, image/*", List.of("image/png", "text/html"), null, "text/html"),
                Arguments.of("*/*, text/html, image/*", List.of("text/plain", "image/png"), null, "image/png"),
                Arguments.of("text/html, text/html; level=1", List.of("text/html;level=1"), null,
                        "text/html;level=1"));
    }

    @ParameterizedTest
    @MethodSource("mimeCases")
    void mimeAccept(String header, List<String> matches, String defaultValue, String expect) {
        assertEquals(expect, Accept.mimetypes(header).bestMatchOr(defaultValue, matches.toArray(String[]::new)));
    }

    static Stream<Arguments> languageCases() {
        // TestLanguageAccept.test_best_match_fallback parameters
        return Stream.of(
                Arguments.of("en-us", List.of("en"), null, "en"),
                Arguments.of("en", List.of("en_US"), null, "en_US"),
                Arguments.of("en-GB", List.of("en-US"), null, null),
                Arguments.of("de_AT, de;q=0.9", List.of("en"), null, null),
                Arguments.of("de_AT, de;q=0.9, en-US;q=0.8", List.of("de", "en"), null, "de"),
                Arguments.of("de_AT;q=0.9, en-US", List.of("en"), null, "en"),
                Arguments.of("en-us", List.of("en-us"), null, "en-us"),
                Arguments.of("en-us", List.of("en-us", "en"), null, "en-us"),
                Arguments.of("en-GB", List.of("en-US", "en"), "en-US", "en"),
                Arguments.of("de_AT", List.of("en-US", "en"), "en-US", "en-US"),
                Arguments.of("aus-EN", List.of("aus"), null, "aus"),
                Arguments.of("aus", List.of("aus-EN"), null, "aus-EN"));
    }

    @ParameterizedTest
    @MethodSource("languageCases")
    void languageBestMatchFallback(String header, List<String> matches, String defaultValue, String expect) {
        assertEquals(expect, Accept.languages(header).bestMatchOr(defaultValue, matches.toArray(String[]::new)));
    }

    // test_http.py TestHTTPUtility.test_accept
    @Test
    void acceptFromHeader() {
        Accept a = Accept.plain("en-us,ru;q=0.5");
        assertEquals(List.of("en-us", "ru"), a.values());
        assertEquals("en-us", a.best());
        assertEquals("en-us,ru;q=0.5", a.toHeader());
    }

    // test_http.py TestHTTPUtility.test_accept_parameter_with_space
    @Test
    void acceptParameterWithSpace() {
        Accept a = Accept.plain("application/x-special; z=\"a b\";q=0.5");
        assertEquals(0.5, a.quality("application/x-special; z=\"a b\""));
    }

    // test_http.py TestHTTPUtility.test_mime_accept
    @Test
    void mimeAcceptQualities() {
        Accept a = Accept.mimetypes("text/xml,application/xml,application/xhtml+xml,"
                + "application/foo;quiet=no; bar=baz;q=0.6,text/html;q=0.9,text/plain;q=0.8,image/png,*/*;q=0.5");
        assertThrows(IllegalArgumentException.class, () -> a.quality("missing"));
        assertEquals(1, a.quality("image/png"));
        assertEquals(0.8, a.quality("text/plain"));
        assertEquals(0.5, a.quality("foo/bar"));
        assertEquals(0.6, a.quality("application/foo;quiet=no; bar=baz"));
    }

    // test_http.py TestHTTPUtility.test_accept_matches
    @Test
    void acceptMatches() {
        Accept a = Accept.mimetypes("text/xml,application/xml,application/xhtml+xml,"
                + "text/html;q=0.9,text/plain;q=0.8,image/png");
        assertEquals("application/xhtml+xml", a.bestMatch("text/html", "application/xhtml+xml"));
        assertEquals("text/html", a.bestMatch("text/html"));
        assertNull(a.bestMatch("foo/bar"));
        assertEquals("foo/bar", a.bestMatchOr("foo/bar", "foo/bar", "bar/foo"));
        assertEquals("application/xml", a.bestMatch("application/xml", "text/xml"));
    }

    // test_http.py TestHTTPUtility.test_accept_mime_specificity
    @Test
    void acceptMimeSpecificity() {
        Accept a = Accept.mimetypes("text/*, text/html, text/html;level=1, */*");
        assertEquals("text/html", a.bestMatch("text/html; version=1", "text/html"));
        assertEquals("text/html; level=1", a.bestMatch("text/html", "text/html; level=1"));
    }

    // test_http.py TestHTTPUtility.test_language_accept
    @Test
    void languageAccept() {
        Accept a = Accept.languages("de-AT,de;q=0.8,en;q=0.5");
        assertEquals("de-AT", a.best());
        assertTrue(a.contains("de_AT"));
        assertTrue(a.contains("en"));
        assertEquals(1, a.quality("de-at"));
        assertEquals(0.5, a.quality("en"));
    }

    // test_http.py TestRegression.test_best_match_works
    @Test
    void bestMatchWorks() {
        assertEquals("foo/bar", Accept.mimetypes("foo=,application/xml,application/xhtml+xml,"
                + "text/html;q=0.9,text/plain;q=0.8,image/png,*/*;q=0.5").bestMatch("foo/bar"));
    }

    // test_wrappers.py test_accept (the header part; the request part is in RequestResponseApiTest)
    @Test
    void wrappersAccept() {
        Accept a = Accept.mimetypes("text/xml,application/xml,application/xhtml+xml,"
                + "text/html;q=0.9,text/plain;q=0.8,image/png,*/*;q=0.5");
        assertEquals(List.of("text/xml", "application/xml", "application/xhtml+xml", "image/png", "text/html",
                "text/plain", "*/*"), a.values());
        assertTrue(a.acceptHtml());
        assertFalse(a.acceptJson() && Accept.mimetypes("text/html").acceptJson());
        assertEquals(List.of("gzip", "deflate"), Accept.plain("gzip,deflate").values());
        assertEquals(List.of("en-us", "en"), Accept.languages("en-us,en;q=0.5").values());
        assertTrue(Accept.mimetypes("").isEmpty());
        assertFalse(Accept.mimetypes(null).isProvided());
    }

    @Test
    void invalidQualitiesAreDroppedAndCharsetsNormalise() {
        // Werkzeug 3.1 parse_accept_header: an invalid or out-of-range q drops the item; Q is case-insensitive;
        // more specific media types sort first (python3: [('text/html; level=1', 0.5), ('text/*', 0.7), ...]).
        assertEquals(List.of("text/html; level=1", "text/*", "*/*"), Accept.mimetypes(
                "text/html;level=1;q=0.5, text/*;Q=0.7, */*;q=0.1, bad;q=2, x/y;q=abc, a/b;q=-0.1").values());
        // CharsetAccept docstring example
        Accept cs = Accept.charsets("ISO-8859-1, utf-8;q=0.7");
        assertEquals("ISO-8859-1", cs.best());
        assertTrue(cs.contains("iso-8859-1"));
        assertTrue(cs.contains("UTF8"));
        assertFalse(cs.contains("utf7"));
        assertEquals(0.7, cs.quality("utf8"));
    }

    @Test
    void malformedHeadersNeverThrowAndParseInLinearTime() {
        List<Function<String, Accept>> parsers = List.of(Accept::mimetypes, Accept::languages, Accept::charsets,
                Accept::plain);
        String[] hostile = {"\"".repeat(100_000), ";".repeat(100_000), "a/b;" + "k=\"".repeat(50_000),
                "a/b;" + " ".repeat(100_000) + "x", ",".repeat(100_000), "a/b;q=" + "9".repeat(100_000),
                "\\\"".repeat(50_000), "text/html;" + "x=\"\\\\\";".repeat(20_000)};
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            for (Function<String, Accept> p : parsers) {
                for (String h : hostile) {
                    Accept a = p.apply(h);
                    a.bestMatch("text/html");
                }
            }
        });
    }
}
