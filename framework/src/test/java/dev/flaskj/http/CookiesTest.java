package dev.flaskj.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Expected values were printed by Werkzeug 3.1.8 ({@code parse_cookie}, {@code dump_cookie}, {@code delete_cookie}). */
class CookiesTest {
    private static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);

    private static List<String> pairs(MultiDict<String> d) {
        List<String> out = new ArrayList<>();
        d.forEach(e -> out.add(e.getKey() + "=" + e.getValue()));
        return out;
    }

    static Stream<Arguments> parseCases() {
        return Stream.of(
                Arguments.of("a=1;b=2;a=3", List.of("a=1", "a=3", "b=2")),
                Arguments.of("x=\"x\\\"y\\073z\"", List.of("x=x\"y;z")),
                Arguments.of("c", List.of("c=")),
                Arguments.of("a=1=2", List.of("a=1=2")),
                Arguments.of(";;a=1; ;", List.of("a=1")),
                Arguments.of("g=hello world", List.of("g=hello world")),
                Arguments.of(" a = b ; c = d ", List.of("a=b", "c=d")),
                Arguments.of("a=%C3%A9", List.of("a=%C3%A9")),
                Arguments.of("a=\"unterminated", List.of("a=\"unterminated")),
                Arguments.of("a=\"b\"c", List.of("a=\"b\"c")),
                Arguments.of("a=\\\"", List.of("a=\\\"")),
                Arguments.of("a=\"\\303\\251\"", List.of("a=\u00e9")),
                Arguments.of("a= \"q\" ", List.of("a=q")),
                Arguments.of("a=\"x\\y\"", List.of("a=xy")),
                Arguments.of("a=b,c=d", List.of("a=b,c=d")),
                Arguments.of("a=\"\\377\"", List.of("a=\ufffd")),
                Arguments.of("$Version=1; a=b", List.of("$Version=1", "a=b")),
                Arguments.of("a=\"\";b=", List.of("a=", "b=")),
                Arguments.of("\"a\"=b", List.of("\"a\"=b")),
                Arguments.of("a = ;b", List.of("a=", "b=")),
                Arguments.of("a b=c", List.of("a b=c")),
                Arguments.of("a=\"\\\"", List.of("a=\\")),
                Arguments.of("a=\"\\12\"", List.of("a=12")),
                Arguments.of("=v", List.of()),
                Arguments.of("a=b;=c;d", List.of("a=b", "d=")),
                // A UTF-8 cookie as a container hands it out (bytes as ISO-8859-1 characters).
                Arguments.of("a=\u00c3\u00a9", List.of("a=\u00e9")),
                // Already-decoded text is left alone.
                Arguments.of("a=\u65e5\u00e9", List.of("a=\u65e5\u00e9")));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("parseCases")
    void parseMatchesWerkzeug(String header, List<String> expected) {
        assertEquals(expected, pairs(Cookies.parse(header)));
    }

    @Test
    void firstValueWinsAndMissingIsEmpty() {
        assertEquals("1", Cookies.parse("a=1;b=2;a=3").get("a"));
        assertTrue(Cookies.parse(null).isEmpty());
        assertTrue(Cookies.parse("").isEmpty());
    }

    @Test
    void invalidUtf8NeverThrows() {
        assertEquals("\ufffd", Cookies.parse("a=\u00e9").get("a"));
    }

    static Stream<Arguments> dumpCases() {
        return Stream.of(
                Arguments.of(SetCookie.builder("a", "b").build(), "a=b; Path=/"),
                Arguments.of(SetCookie.builder("n", "v").path(null).build(), "n=v"),
                Arguments.of(SetCookie.builder("the", "the username").build(), "the=\"the username\"; Path=/"),
                Arguments.of(SetCookie.builder("x", "a\"b;c,d\\\u00e9").build(),
                        "x=\"a\\\"b\\073c\\054d\\\\\\303\\251\"; Path=/"),
                Arguments.of(SetCookie.builder("c", "\u001a\u001f\u0019\u007f ").build(),
                        "c=\"\u001a\u001f\\031\\177 \"; Path=/"),
                Arguments.of(SetCookie.builder("p", "v").partitioned(true).build(), "p=v; Secure; Path=/; Partitioned"),
                Arguments.of(SetCookie.builder("d", "v").domain(".Example.com:8080").build(),
                        "d=v; Domain=Example.com; Path=/"),
                Arguments.of(SetCookie.builder("d", "v").domain("b\u00fccher.example").build(),
                        "d=v; Domain=xn--bcher-kva.example; Path=/"),
                Arguments.of(SetCookie.builder("s", "v").path("/a b;c").build(), "s=v; Path=/a%20b%3Bc"),
                Arguments.of(SetCookie.builder("s", "v").path("/\u00e4?#%41").build(), "s=v; Path=/%C3%A4%3F%23%41"),
                Arguments.of(SetCookie.builder("e", "v").expires(Instant.EPOCH).build(),
                        "e=v; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Path=/"),
                Arguments.of(SetCookie.builder("e", "v").expires(Instant.ofEpochMilli(1_700_000_000_900L)).build(),
                        "e=v; Expires=Tue, 14 Nov 2023 22:13:20 GMT; Path=/"),
                Arguments.of(SetCookie.builder("e", "v").expires(Instant.parse("2030-01-02T03:04:05Z")).build(),
                        "e=v; Expires=Wed, 02 Jan 2030 03:04:05 GMT; Path=/"),
                Arguments.of(SetCookie.builder("m", "v").maxAge(0L).expires(Instant.EPOCH).build(),
                        "m=v; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/"),
                Arguments.of(SetCookie.builder("all", "v").maxAge(60L).expires(Instant.EPOCH).path("/x")
                                .domain("example.com").secure(true).httpOnly(true).sameSite("lax").partitioned(true)
                                .build(),
                        "all=v; Domain=example.com; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=60; Secure;"
                                + " HttpOnly; Path=/x; SameSite=Lax; Partitioned"),
                Arguments.of(SetCookie.builder("ss", "v").sameSite("none").build(), "ss=v; Path=/; SameSite=None"),
                Arguments.of(SetCookie.builder("ss", "v").sameSite("STRICT").build(), "ss=v; Path=/; SameSite=Strict"),
                Arguments.of(SetCookie.builder("k", "").build(), "k=; Path=/"),
                Arguments.of(SetCookie.builder("k", null).build(), "k=; Path=/"),
                Arguments.of(SetCookie.builder("\u00e9", "v").build(), "\u00c3\u00a9=v; Path=/"),
                Arguments.of(SetCookie.builder("k", "a=b").build(), "k=a=b; Path=/"),
                Arguments.of(SetCookie.builder("k", "[]{}|^`~<>?@").build(), "k=[]{}|^`~<>?@; Path=/"),
                Arguments.of(SetCookie.builder("k", "tab\tx").build(), "k=\"tab\\011x\"; Path=/"),
                Arguments.of(SetCookie.builder("n", "v").maxAge(-5L).expires(Instant.EPOCH).build(),
                        "n=v; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=-5; Path=/"),
                Arguments.of(SetCookie.builder("n", "v").domain("").build(), "n=v; Domain=; Path=/"),
                Arguments.of(SetCookie.builder("n", "v").path("").build(), "n=v; Path="),
                // max_age alone: Expires = now + max_age (dump_cookie at a fixed "now" of 1700000000)
                Arguments.of(SetCookie.builder("m", "v").maxAge(3600L).build(),
                        "m=v; Expires=Tue, 14 Nov 2023 23:13:20 GMT; Max-Age=3600; Path=/"),
                Arguments.of(SetCookie.builder("m", "v").maxAge(Duration.ofHours(1).plusNanos(999_000)).build(),
                        "m=v; Expires=Tue, 14 Nov 2023 23:13:20 GMT; Max-Age=3600; Path=/"),
                // Response.delete_cookie
                Arguments.of(SetCookie.delete("a", "/", null, false, false, null, false),
                        "a=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/"),
                Arguments.of(SetCookie.delete("a", "/p", ".ex.com", true, true, "Lax", true),
                        "a=; Domain=ex.com; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Secure; HttpOnly;"
                                + " Path=/p; SameSite=Lax; Partitioned"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("dumpCases")
    void headerValueMatchesWerkzeug(SetCookie cookie, String expected) {
        assertEquals(expected, cookie.headerValue(NOW));
    }

    @Test
    void invalidSameSiteIsRefusedWithWerkzeugsMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SetCookie.builder("ss", "v").sameSite("foo").build());
        assertEquals("SameSite must be 'Strict', 'Lax', or 'None'.", e.getMessage());
    }

    @Test
    void partitionedIsStoredAsSecure() {
        assertTrue(SetCookie.builder("p", "v").partitioned(true).build().secure());
        assertFalse(SetCookie.builder("p", "v").build().secure());
    }

    @Test
    void headerValueWithoutClockUsesTheCurrentTime() {
        String header = SetCookie.builder("m", "v").maxAge(3600L).build().headerValue();
        assertTrue(header.startsWith("m=v; Expires="), header);
        assertTrue(header.endsWith("; Max-Age=3600; Path=/"), header);
    }

    @Test
    void sizeWarningMatchesWerkzeug() {
        SetCookie big = SetCookie.builder("session", "x".repeat(4392)).httpOnly(true).build();
        assertEquals(Optional.of("The 'session' cookie is too large: the value was 4392 bytes but the header"
                        + " required 26 extra bytes. The final size was 4418 bytes but the limit is 4093 bytes."
                        + " Browsers may silently ignore cookies larger than this."),
                big.sizeWarning(SetCookie.MAX_COOKIE_SIZE, NOW));
        assertEquals(Optional.empty(), SetCookie.builder("a", "b").build().sizeWarning(SetCookie.MAX_COOKIE_SIZE, NOW));
        assertEquals(Optional.empty(), big.sizeWarning(0, NOW));
    }

    @Test
    void renderedValueParsesBack() {
        String value = "a\"b;c,d\\\u00e9 \u65e5";
        String header = SetCookie.builder("x", value).path(null).build().headerValue(NOW);
        // Browsers echo name=value; the container hands the UTF-8 bytes out as ISO-8859-1 characters.
        assertEquals(value, Cookies.parse(header).get("x"));
    }

    @Test
    void plainHeadersParseAsTheGeneralPathDoes() {
        // The fast path for printable-ASCII headers without quotes must give exactly the regex's result.
        String alphabet = "ab=; \t=;x1-_.=;  ";
        java.util.Random random = new java.util.Random(42);
        List<String> headers = new ArrayList<>(List.of("", ";", "a", "a=", "=a", " a = 1 ; b=2;", "a=1=2; a=3",
                "session=eyJjb3VudCI6MX0.Z1x2Yw.abc-_; theme=dark", ";;a=1;;", "a=x y ;b", "\ta\t=\t1\t"));
        for (int n = 0; n < 2000; n++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(16);
            for (int i = 0; i < len; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            headers.add(sb.toString());
        }
        for (String h : headers) {
            if (h.isEmpty()) {
                continue;
            }
            assertEquals(Cookies.parseGeneral(h, MultiDict.builder()).toListMap(), Cookies.parse(h).toListMap(),
                    "header <" + h + ">");
        }
    }

    /** Werkzeug's {@code _cookie_re}, kept here only as the oracle for the scanner on short inputs. */
    private static final java.util.regex.Pattern WERKZEUG_COOKIE_RE = java.util.regex.Pattern.compile(
            "([^=;]*)(?:\\s*=\\s*(\"(?:[^\\\\\"]|\\\\.)*\"|.*?))?\\s*;\\s*", java.util.regex.Pattern.UNIX_LINES);

    private static MultiDict<String> oracle(String header) {
        MultiDict.Builder<String> out = MultiDict.builder();
        java.util.regex.Matcher m = WERKZEUG_COOKIE_RE.matcher(header + ";");
        while (m.find()) {
            String name = m.group(1).strip();
            if (!name.isEmpty()) {
                out.add(name, Cookies.value(m.group(2) == null ? "" : m.group(2)));
            }
        }
        return out.build();
    }

    @Test
    void scannerFindsWhatWerkzeugsRegexFinds() {
        // Quotes, backslashes, newlines, '=' and ';' in every order: where the branches of the expression compete
        // and backtrack. The regex is safe on these short headers; the scanner must agree on each.
        String alphabet = "a=;\"\\ \n\t\"=;b";
        java.util.Random random = new java.util.Random(7);
        List<String> headers = new ArrayList<>(List.of("a=\n=\n=b;c=1", "a=x\ny; c=1", "a=\"x\ny\"; c=1",
                "a=\"x\"y\"; c=1", "a=\"x\\\"y\"; b", "a=\"\\\n\"; b=1", "a=\"x\\\";b=\"y\"", "=\"a\";b"));
        for (int n = 0; n < 20_000; n++) {
            StringBuilder sb = new StringBuilder();
            int len = 1 + random.nextInt(14);
            for (int i = 0; i < len; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            headers.add(sb.toString());
        }
        for (String h : headers) {
            assertEquals(oracle(h).toListMap(), Cookies.parseGeneral(h, MultiDict.builder()).toListMap(),
                    "header <" + h.replace("\n", "\\n") + ">");
        }
    }

    @Test
    void newlinesBetweenPairsAsWerkzeug() {
        // Printed by Werkzeug 3.1.8.
        assertEquals(List.of("c=1"), pairs(Cookies.parse("a=\n=\n=b;c=1")));
        assertEquals(List.of("x\ny=", "c=1"), pairs(Cookies.parse("a=x\ny; c=1")));
        assertEquals(List.of("a=x\ny", "c=1"), pairs(Cookies.parse("a=\"x\ny\"; c=1")));
        assertEquals(List.of("a=x\"y", "c=1"), pairs(Cookies.parse("a=\"x\"y\"; c=1")));
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 10, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void longQuotedValueParsesInLinearTime() {
        // A 7 KB quoted value overflowed the stack of the backtracking regex; a megabyte must take milliseconds.
        for (int size : new int[] {7 * 1024, 1 << 20}) {
            String value = "a".repeat(size);
            assertEquals(value, Cookies.parse("theme=\"" + value + "\"").get("theme"));
            String escaped = "\\\"".repeat(size / 2);
            assertEquals("\"".repeat(size / 2), Cookies.parse("x=\"" + escaped + "\"; y=1").get("x"));
            // Adversarial for a search that restarts: many '=' with a newline and no ';' in sight.
            assertEquals(List.of("c=1"), pairs(Cookies.parse("a=" + "\n=".repeat(size) + "b;c=1")));
            assertEquals(1, Cookies.parse("a=\"" + "\\\";a=\"".repeat(size / 8) + ";b=2").getList("b").size());
            assertEquals("x", Cookies.parse("q=x" + " ".repeat(size) + "; r=" + " \t".repeat(size)).get("q"));
        }
    }
}
