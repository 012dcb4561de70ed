package dev.flaskj.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * URL building: rule choice, quoting of path, query and anchor, {@code _external}/{@code _scheme}, and
 * {@code BuildError} messages.
 *
 * <p>Every expected string was produced by real Flask 3.1.3 / Werkzeug 3.1 ({@code url_for} inside
 * {@code test_request_context(base_url="http://h.example:8080/myapp/")}) with the rules of {@link MatcherTest}
 * plus a few more; Python exceptions appear as {@code Type: message}.
 */
class UrlBuildTest {
    static final UrlMap MAP = buildMap();
    static final UrlBuilder URLS = new UrlBuilder(MAP);
    static final UrlContext REQUEST = new UrlContext("http", "h.example:8080", "/myapp");

    private static UrlMap buildMap() {
        UrlMap map = new UrlMap();
        for (Rule rule : MatcherTest.sampleMap().rules()) {
            map.add(rule.spec());
        }
        map.add(RuleSpec.of("/monly", "monly", "POST"));
        map.add(RuleSpec.of("/multi/<a>", "multi"));
        map.add(RuleSpec.of("/multi/<a>/<b>", "multi"));
        map.add(RuleSpec.of("/gp/post/<x>", "gp", "POST"));
        map.add(RuleSpec.of("/gp/get/<x>", "gp", "GET"));
        map.add(new RuleSpec("/nodef/<int:page>", "nodef", null, Map.of("page", 3), true, true, true));
        map.freeze();
        return map;
    }

    /** An ordered map that allows null values, from key/value pairs. */
    static Map<String, Object> values(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    static Stream<Arguments> flaskCases() {
        return Stream.of(
                Arguments.of("index", values(), "/myapp/"),
                Arguments.of("about", values(), "/myapp/about"),
                Arguments.of("user", values("username", "John Doe"), "/myapp/user/John%20Doe"),
                Arguments.of("user", values("username", "a/b?c#d&e=f%g"), "/myapp/user/a/b%3Fc%23d&e=f%25g"),
                Arguments.of("user", values("username", "é"), "/myapp/user/%C3%A9"),
                Arguments.of("user", values("username", "!$&'()*+,;=:@~"), "/myapp/user/!$&'()*+,;=:@~"),
                Arguments.of("post", values("post_id", 42), "/myapp/post/42"),
                Arguments.of("post", values("post_id", "42"), "/myapp/post/42"),
                Arguments.of("post", values("post_id", new java.math.BigInteger("900000000000000000000000000000")), "/myapp/post/900000000000000000000000000000"),
                Arguments.of("fd", values("n", 7), "/myapp/fd/0007"),
                Arguments.of("fd", values("n", -7), "/myapp/fd/-007"),
                Arguments.of("fd", values("n", 123456), "/myapp/fd/123456"),
                Arguments.of("f", values("x", 1), "/myapp/f/1.0"),
                Arguments.of("f", values("x", 1.5d), "/myapp/f/1.5"),
                Arguments.of("f", values("x", 1e+16), "/myapp/f/1e+16"),
                Arguments.of("f", values("x", 1e-05), "/myapp/f/1e-05"),
                Arguments.of("f", values("x", 0.0001d), "/myapp/f/0.0001"),
                Arguments.of("f", values("x", 123456789.25d), "/myapp/f/123456789.25"),
                Arguments.of("anyp", values("page", "about"), "/myapp/any/about"),
                Arguments.of("anyp", values("page", "foo,bar"), "/myapp/any/foo,bar"),
                Arguments.of("anyp", values("page", "zzz"), "ValueError: 'zzz' is not one of 'about', 'foo,bar', 'help'"),
                Arguments.of("uu", values("u", "abc"), "/myapp/u/abc"),
                Arguments.of("path", values("subpath", "a/b c"), "/myapp/path/a/b%20c"),
                Arguments.of("dpage", values(), "/myapp/d/"),
                Arguments.of("dpage", values("page", 1), "/myapp/d/"),
                Arguments.of("dpage", values("page", 2), "/myapp/d/page/2"),
                Arguments.of("nodef", values(), "/myapp/nodef/3"),
                Arguments.of("nodef", values("page", 3), "/myapp/nodef/3"),
                Arguments.of("nodef", values("page", 4), "BuildError: Could not build url for endpoint 'nodef' with values ['page']."),
                Arguments.of("index", values("q", "a b&c=d+e/f?g#h!$'()*,;:@~%é"), "/myapp/?q=a+b%26c%3Dd%2Be/f?g%23h!$'()*,;:@~%25%C3%A9"),
                Arguments.of("index", values("l", List.of(1, 2, "x")), "/myapp/?l=1&l=2&l=x"),
                Arguments.of("index", values("b", true, "f", 1.5d, "n", null, "z", "last"), "/myapp/?b=True&f=1.5&z=last"),
                Arguments.of("index", values("a b", "c", "k=", "&"), "/myapp/?a+b=c&k%3D=%26"),
                Arguments.of("index", values("_anchor", "a b#c?d/é%41"), "/myapp/#a%20b#c?d/%C3%A9%41"),
                Arguments.of("user", values("username", "x", "_external", true), "http://h.example:8080/myapp/user/x"),
                Arguments.of("user", values("username", "x", "_scheme", "https"), "https://h.example:8080/myapp/user/x"),
                Arguments.of("user", values("username", "x", "_scheme", "https", "_external", false), "ValueError: When specifying '_scheme', '_external' must be True."),
                Arguments.of("user", values("username", "x", "_scheme", "ftp"), "http://h.example:8080/myapp/user/x"),
                Arguments.of("user", values("username", "x", "_external", false, "q", 1), "/myapp/user/x?q=1"),
                Arguments.of("user", values(), "BuildError: Could not build url for endpoint 'user'. Did you forget to specify values ['username']?"),
                Arguments.of("user", values("x", 1), "BuildError: Could not build url for endpoint 'user' with values ['x']. Did you forget to specify values ['username']?"),
                Arguments.of("user", values("username", null), "BuildError: Could not build url for endpoint 'user'. Did you forget to specify values ['username']?"),
                Arguments.of("monly", values("_method", "GET"), "BuildError: Could not build url for endpoint 'monly' ('GET'). Did you mean to use methods ['OPTIONS', 'POST']?"),
                Arguments.of("monly", values(), "/myapp/monly"),
                Arguments.of("monly", values("_method", "POST"), "/myapp/monly"),
                Arguments.of("usr", values(), "BuildError: Could not build url for endpoint 'usr'. Did you mean 'user' instead?"),
                Arguments.of("usr", values("username", "b"), "BuildError: Could not build url for endpoint 'usr' with values ['username']. Did you mean 'user' instead?"),
                Arguments.of("user", values("username", "x", "_method", "POST"), "BuildError: Could not build url for endpoint 'user' ('POST') with values ['username']. Did you mean to use methods ['GET', 'HEAD', 'OPTIONS']?"),
                Arguments.of("i", values("n", 5, "extra", "y"), "/myapp/i/5?extra=y"),
                Arguments.of("sg", values("n", -7), "/myapp/sg/-7"),
                Arguments.of("ab", values(), "/myapp/a/b"),
                Arguments.of("ed", values("p", "a/b"), "/myapp/ed/a/b/edit"),
                Arguments.of("x_dash", values("a", "a", "b", "b"), "/myapp/x/a-b"),
                Arguments.of("str2", values("c", "ab"), "/myapp/str2/ab"),
                Arguments.of("multi", values("a", 1), "/myapp/multi/1"),
                Arguments.of("multi", values("a", 1, "b", 2), "/myapp/multi/1/2"),
                Arguments.of("gp", values("x", 1), "/myapp/gp/get/1"),
                Arguments.of("gp", values("x", 1, "_method", "POST"), "/myapp/gp/post/1"),
                Arguments.of("gp", values("x", 1, "_method", "PUT"), "BuildError: Could not build url for endpoint 'gp' ('PUT') with values ['x']. Did you mean to use methods ['OPTIONS', 'POST']?"),
                Arguments.of("m_get", values("a", "q", "_anchor", "top"), "/myapp/m/q#top"));
    }

    // Werkzeug: test_build_values_dict, test_build_append_unknown_dict, test_build_drop_none, ... as one table.
    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("flaskCases")
    void buildsLikeFlask(String endpoint, Map<String, Object> values, String expected) {
        assertEquals(expected, urlForOrError(endpoint, values));
    }

    static String urlForOrError(String endpoint, Map<String, Object> values) {
        try {
            return URLS.urlFor(endpoint, values, REQUEST, false);
        } catch (UrlBuildException e) {
            return "BuildError: " + e.getMessage();
        } catch (IllegalArgumentException e) {
            return "ValueError: " + e.getMessage();
        }
    }

    @Test
    void outsideARequestUrlsAreExternalByDefault() {
        // SERVER_NAME=example.org:8443, APPLICATION_ROOT=/app, PREFERRED_URL_SCHEME=https (§1.8, verified).
        UrlContext config = new UrlContext("https", "example.org:8443", "/app");
        UrlMap map = new UrlMap();
        map.add(RuleSpec.of("/ok", "ok"));
        UrlBuilder urls = new UrlBuilder(map);
        assertEquals("https://example.org:8443/app/ok", urls.urlFor("ok", Map.of(), config, true));
        assertEquals("/app/ok", urls.urlFor("ok", Map.of("_external", false), config, true));
    }

    @Test
    void buildWithoutAppendUnknownDropsExtraValues() {
        assertEquals("/user/x", MAP.build("user", values("username", "x", "q", 1), null, false));
        assertEquals("/user/x?q=1", MAP.build("user", values("username", "x", "q", 1), null, true));
    }

    @Test
    void buildBeforeFreezeDoesNotFreeze() {
        UrlMap map = new UrlMap();
        map.add(RuleSpec.of("/a", "a"));
        assertEquals("/a", map.build("a", Map.of(), null, true));
        map.add(RuleSpec.of("/b", "b")); // still in setup: url_for in a test context must not freeze the map
        assertEquals("/b", map.build("b", Map.of(), null, true));
    }

    @Test
    void emptyMapGivesNoSuggestion() {
        UrlBuildException e = assertThrows(UrlBuildException.class,
                () -> new UrlMap().build("x", Map.of(), null, true));
        assertEquals("Could not build url for endpoint 'x'.", e.getMessage());
        assertEquals("x", e.endpoint());
    }

    @Test
    void similarityIsDifflibRatio() {
        // Values from Python: difflib.SequenceMatcher(None, a, b).ratio()
        assertEquals(0.8571428571428571, BuildErrors.ratio("user", "usr"), 1e-15);
        assertEquals(0.0, BuildErrors.ratio("abc", "xyz"));
        assertEquals(1.0, BuildErrors.ratio("", ""));
        assertEquals(0.4444444444444444, BuildErrors.ratio("show_user", "user_show"), 1e-15);
    }

    static Stream<Arguments> codePoints() {
        return """
            0000 %00 %00 %00
            0001 %01 %01 %01
            0002 %02 %02 %02
            0003 %03 %03 %03
            0004 %04 %04 %04
            0005 %05 %05 %05
            0006 %06 %06 %06
            0007 %07 %07 %07
            0008 %08 %08 %08
            0009 %09 %09 %09
            000A %0A %0A %0A
            000B %0B %0B %0B
            000C %0C %0C %0C
            000D %0D %0D %0D
            000E %0E %0E %0E
            000F %0F %0F %0F
            0010 %10 %10 %10
            0011 %11 %11 %11
            0012 %12 %12 %12
            0013 %13 %13 %13
            0014 %14 %14 %14
            0015 %15 %15 %15
            0016 %16 %16 %16
            0017 %17 %17 %17
            0018 %18 %18 %18
            0019 %19 %19 %19
            001A %1A %1A %1A
            001B %1B %1B %1B
            001C %1C %1C %1C
            001D %1D %1D %1D
            001E %1E %1E %1E
            001F %1F %1F %1F
            0020 %20 + %20
            0021 ! ! !
            0022 %22 %22 %22
            0023 %23 %23 #
            0024 $ $ $
            0025 %25 %25 %
            0026 & %26 &
            0027 ' ' '
            0028 ( ( (
            0029 ) ) )
            002A * * *
            002B + %2B +
            002C , , ,
            002D - - -
            002E . . .
            002F / / /
            0030 0 0 0
            0031 1 1 1
            0032 2 2 2
            0033 3 3 3
            0034 4 4 4
            0035 5 5 5
            0036 6 6 6
            0037 7 7 7
            0038 8 8 8
            0039 9 9 9
            003A : : :
            003B ; ; ;
            003C %3C %3C %3C
            003D = %3D =
            003E %3E %3E %3E
            003F %3F ? ?
            0040 @ @ @
            0041 A A A
            0042 B B B
            0043 C C C
            0044 D D D
            0045 E E E
            0046 F F F
            0047 G G G
            0048 H H H
            0049 I I I
            004A J J J
            004B K K K
            004C L L L
            004D M M M
            004E N N N
            004F O O O
            0050 P P P
            0051 Q Q Q
            0052 R R R
            0053 S S S
            0054 T T T
            0055 U U U
            0056 V V V
            0057 W W W
            0058 X X X
            0059 Y Y Y
            005A Z Z Z
            005B %5B %5B %5B
            005C %5C %5C %5C
            005D %5D %5D %5D
            005E %5E %5E %5E
            005F _ _ _
            0060 %60 %60 %60
            0061 a a a
            0062 b b b
            0063 c c c
            0064 d d d
            0065 e e e
            0066 f f f
            0067 g g g
            0068 h h h
            0069 i i i
            006A j j j
            006B k k k
            006C l l l
            006D m m m
            006E n n n
            006F o o o
            0070 p p p
            0071 q q q
            0072 r r r
            0073 s s s
            0074 t t t
            0075 u u u
            0076 v v v
            0077 w w w
            0078 x x x
            0079 y y y
            007A z z z
            007B %7B %7B %7B
            007C %7C %7C %7C
            007D %7D %7D %7D
            007E ~ ~ ~
            007F %7F %7F %7F
            00A0 %C2%A0 %C2%A0 %C2%A0
            00E9 %C3%A9 %C3%A9 %C3%A9
            20AC %E2%82%AC %E2%82%AC %E2%82%AC
            FFFD %EF%BF%BD %EF%BF%BD %EF%BF%BD
            1F600 %F0%9F%98%80 %F0%9F%98%80 %F0%9F%98%80
            """.lines().map(line -> line.split(" ")).map(cols -> Arguments.of(
                Integer.parseInt(cols[0], 16), cols[1], cols[2], cols[3]));
    }

    // OkHttp's UrlComponentEncodingTester idea: every ASCII code point (and a few others) through url_for as a path
    // value, a query value and an anchor. Columns: code point, path, query, anchor (Werkzeug 3.1 output).
    @ParameterizedTest(name = "U+{0}")
    @MethodSource("codePoints")
    void codePointTable(int codePoint, String path, String query, String anchor) {
        String ch = new String(Character.toChars(codePoint));
        UrlContext root = new UrlContext("http", "localhost", "");
        assertEquals("/user/" + path, URLS.urlFor("user", values("username", ch), root, false));
        assertEquals("/?q=" + query, URLS.urlFor("index", values("q", ch), root, false));
        assertEquals("/#" + anchor, URLS.urlFor("index", values("_anchor", ch), root, false));
    }

    @Test
    void scriptRootTrailingSlashIsIgnored() {
        assertEquals("/app/about", URLS.urlFor("about", Map.of(), new UrlContext("http", "h", "/app/"), false));
    }
}
