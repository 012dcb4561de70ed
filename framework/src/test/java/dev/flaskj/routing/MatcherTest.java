package dev.flaskj.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Matching precedence, backtracking, weights, validation without fall-through, methods, 405 lists, slash and
 * merge redirects and the defaults redirect (Werkzeug tests/test_routing.py).
 *
 * <p>The expected column was produced by real Flask 3.1.3 / Werkzeug 3.1 with the same rules
 * ({@code app.url_map.bind("localhost").match(path, method)}); 405 lists are sorted here because Python's order is
 * arbitrary. {@code \\xNN}/{@code \\uNNNN} escape characters in the table.
 */
class MatcherTest {
    static final UrlMap MAP = sampleMap();

    /** The rules of the table, in Werkzeug's registration order. */
    static UrlMap sampleMap() {
        UrlMap map = new UrlMap();
        add(map, "/", "index");
        add(map, "/about", "about");
        add(map, "/projects/", "projects");
        add(map, "/user/<username>", "user");
        add(map, "/post/<int:post_id>", "post");
        add(map, "/path/<path:subpath>", "path");
        add(map, "/prec/special", "prec_static");
        add(map, "/prec/<name>", "prec_dyn");
        add(map, "/w/<a>", "w_plain");
        add(map, "/w/<a>.<ext>", "w_ext");
        add(map, "/l/x<s>", "l_x");
        add(map, "/l/xy<s>", "l_xy");
        add(map, "/n/x<s>", "n_str");
        add(map, "/n/x<int:n>", "n_int");
        add(map, "/t/<path:v>", "t_path");
        add(map, "/t/<v>", "t_str");
        add(map, "/t/<uuid:v>", "t_uuid");
        add(map, "/t/<float:v>", "t_float");
        add(map, "/t/<int:v>", "t_int");
        add(map, "/tie/<a>", "tie_a");
        add(map, "/tie/<b>", "tie_b");
        add(map, "/p/<path:p>", "p_path");
        add(map, "/p/<a>/<b>", "p_ab");
        add(map, "/p/<a>", "p_a");
        add(map, "/p/x/<b>", "p_xb");
        add(map, "/m/<a>", "m_get", "GET");
        add(map, "/m/<b>", "m_post", "POST");
        add(map, "/o/x", "o_static", "GET");
        add(map, "/o/<a>", "o_dyn", "POST");
        add(map, "/s", "s_leaf");
        add(map, "/s/", "s_branch");
        add(map, "/v/<int(max=5):x>", "v_int");
        add(map, "/v/<x>", "v_str");
        add(map, "/x/<a>-<b>", "x_dash");
        add(map, "/h/<a>.<ext>", "h_ext");
        map.add(new RuleSpec("/ns", "ns", null, null, false, true, true));
        map.add(new RuleSpec("/nsb/", "nsb", null, null, false, true, true));
        add(map, "/a//b", "ab");
        map.add(new RuleSpec("/noms/<x>", "noms", null, null, true, false, true));
        add(map, "/ms/<x>", "ms");
        add(map, "/pd/<path:a>/", "pd");
        map.add(new RuleSpec("/d/", "dpage", null, Map.of("page", 1), true, true, true));
        add(map, "/d/page/<int:page>", "dpage");
        add(map, "/only-post", "only_post", "POST");
        add(map, "/opt", "opt", "GET", "OPTIONS");
        map.add(new RuleSpec("/noopt", "noopt", List.of("PUT"), null, true, true, false));
        add(map, "/f/<float:x>", "f");
        add(map, "/i/<int(min=1, max=10):n>", "i");
        add(map, "/fd/<int(fixed_digits=4):n>", "fd");
        add(map, "/sg/<int(signed=True):n>", "sg");
        add(map, "/fs/<float(signed=True):x>", "fs");
        add(map, "/str2/<string(length=2):c>", "str2");
        add(map, "/mm/<string(minlength=2, maxlength=3):c>", "mm");
        add(map, "/any/<any(about, help, \"foo,bar\"):page>", "anyp");
        add(map, "/u/<uuid:u>", "uu");
        add(map, "/ed/<path:p>/edit", "ed");
        add(map, "/deep/<a>/<b>/<c>", "deep");
        add(map, "/g/<int:a>/x", "g_int", "POST");
        add(map, "/g/<s>/x", "g_str", "GET");
        map.freeze();
        return map;
    }

    private static void add(UrlMap map, String rule, String endpoint, String... methods) {
        map.add(RuleSpec.of(rule, endpoint, methods));
    }

    static Stream<Arguments> werkzeugCases() {
        return """
            GET | / | index
            GET |  | 308 /
            GET | //about | about
            GET | about | about
            GET | /about | about
            GET | /about/ | 404
            HEAD | /about | about
            POST | /about | 405 GET,HEAD,OPTIONS
            FOO | /about | 405 GET,HEAD,OPTIONS
            OPTIONS | /about | about
            GET | /projects | 308 /projects/
            GET | /projects/ | projects
            POST | /projects | 404
            GET | //projects | 308 /projects/
            GET | /user/bob | user username=bob
            GET | /user/ | 404
            GET | /user/a b | user username=a b
            GET | /user/\\xe9 | user username=\\xe9
            GET | /user/a/b | 404
            GET | /post/42 | post post_id=42
            GET | /post/007 | post post_id=7
            GET | /post/999999999999999999999999999999 | post post_id=999999999999999999999999999999
            GET | /post/9999999999 | post post_id=9999999999
            GET | /post/-1 | 404
            GET | /post/4.2 | 404
            GET | /post/\\u0661\\u0662\\u0663 | post post_id=123
            GET | /path/a/b/c | path subpath=a/b/c
            GET | /path/ | 404
            GET | /path/a/ | path subpath=a/
            GET | /path//a | 308 /path/a
            GET | /prec/special | prec_static
            GET | /prec/other | prec_dyn name=other
            GET | /w/a.txt | w_ext a=a;ext=txt
            GET | /w/a | w_plain a=a
            GET | /l/xyz | l_xy s=z
            GET | /l/xz | l_x s=z
            GET | /n/x12 | n_int n=12
            GET | /n/xab | n_str s=ab
            GET | /t/12 | t_int v=12
            GET | /t/1.5 | t_float v=1.5
            GET | /t/12345678-1234-1234-1234-1234567890ab | t_str v=12345678-1234-1234-1234-1234567890ab
            GET | /t/abc | t_str v=abc
            GET | /t/a/b | t_path v=a/b
            GET | /tie/z | tie_a a=z
            GET | /p/a/b/c | p_path p=a/b/c
            GET | /p/a/b | p_ab a=a;b=b
            GET | /p/a | p_a a=a
            GET | /p/x/y | p_xb b=y
            GET | /m/q | m_get a=q
            POST | /m/q | m_post b=q
            PUT | /m/q | 405 GET,HEAD,OPTIONS,POST
            POST | /o/x | o_dyn a=x
            GET | /o/x | o_static
            PUT | /o/x | 405 GET,HEAD,OPTIONS,POST
            GET | /s | s_leaf
            GET | /s/ | s_branch
            GET | /v/3 | v_int x=3
            GET | /v/7 | 404
            GET | /v/abc | v_str x=abc
            GET | /x/a-b-c | x_dash a=a-b;b=c
            GET | /h/a.b.c | h_ext a=a.b;ext=c
            GET | /ns | ns
            GET | /ns/ | ns
            POST | /ns/ | 405 GET,HEAD,OPTIONS
            GET | /nsb | nsb
            GET | /nsb/ | nsb
            GET | /a/b | ab
            GET | /a//b | 308 /a/b
            GET | /a///b | 308 /a/b
            GET | /noms//x | 404
            GET | /noms/x | noms x=x
            GET | /ms//x | 308 /ms/x
            GET | /user//bob | 308 /user/bob
            GET | //user//bob | 308 /user/bob
            GET | /pd/a/b | 308 /pd/a/b/
            GET | /pd/a/b/ | pd a=a/b
            GET | /pd/a | 308 /pd/a/
            GET | /d/ | dpage page=1
            GET | /d | 308 /d/
            GET | /d/page/2 | dpage page=2
            GET | /d/page/1 | 308 /d/
            GET | /d/page/01 | 308 /d/
            POST | /d/page/1 | 405 GET,HEAD,OPTIONS
            GET | /only-post | 405 OPTIONS,POST
            POST | /only-post | only_post
            OPTIONS | /opt | opt
            GET | /opt | opt
            OPTIONS | /noopt | 405 PUT
            GET | /noopt | 405 PUT
            GET | /f/1.5 | f x=1.5
            GET | /f/1 | 404
            GET | /f/-1.5 | 404
            GET | /i/0 | 404
            GET | /i/1 | i n=1
            GET | /i/10 | i n=10
            GET | /i/11 | 404
            GET | /i/05 | i n=5
            GET | /fd/0042 | fd n=42
            GET | /fd/42 | 404
            GET | /fd/00042 | 404
            GET | /sg/-5 | sg n=-5
            GET | /sg/+3 | 404
            GET | /sg/5 | sg n=5
            GET | /fs/-1.5 | fs x=-1.5
            GET | /fs/+1.5 | 404
            GET | /str2/ab | str2 c=ab
            GET | /str2/abc | 404
            GET | /str2/a | 404
            GET | /mm/a | 404
            GET | /mm/abc | mm c=abc
            GET | /mm/abcd | 404
            GET | /any/about | anyp page=about
            GET | /any/foo,bar | anyp page=foo,bar
            GET | /any/zzz | 404
            GET | /u/12345678-1234-1234-1234-1234567890AB | uu u=12345678-1234-1234-1234-1234567890ab
            GET | /u/1234 | 404
            GET | /ed/a/b/edit | ed p=a/b
            GET | /ed/a/edit | ed p=a
            GET | /ed/edit | 404
            GET | /deep/a/b/c | deep a=a;b=b;c=c
            GET | /deep/a/b | 404
            GET | /g/5/x | g_str s=5
            POST | /g/5/x | g_int a=5
            PUT | /g/5/x | 405 GET,HEAD,OPTIONS,POST
            POST | /g/a/x | 405 GET,HEAD,OPTIONS
            GET | /missing | 404
            GET | /user/x\\x00y | user username=x\\x00y
            GET | /user/\\ufffd | user username=\\ufffd
            GET | /%zz | 404
            GET | /user/100% | user username=100%
            """.lines().map(line -> line.split(" \\| ", -1))
                .map(cols -> Arguments.of(cols[0].strip(), unescape(cols[1]), unescape(cols[2].strip())));
    }

    // Werkzeug: test_basic_routing, test_strict_slashes_redirect, test_path, test_dispatch ... as a table.
    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("werkzeugCases")
    void matchesLikeWerkzeug(String method, String path, String expected) {
        assertEquals(expected, describe(MAP.match(path, method)));
    }

    @Test
    void convertedTypes() {
        // int: Integer when it fits, else Long, else BigInteger.
        assertInstanceOf(Integer.class, arguments("/post/42").get("post_id"));
        assertInstanceOf(Long.class, arguments("/post/9999999999").get("post_id"));
        assertInstanceOf(java.math.BigInteger.class, arguments("/post/999999999999999999999999999999").get("post_id"));
        assertInstanceOf(Double.class, arguments("/f/1.5").get("x"));
        assertEquals(java.util.UUID.fromString("12345678-1234-1234-1234-1234567890ab"),
                arguments("/u/12345678-1234-1234-1234-1234567890AB").get("u"));
    }

    @Test
    void allowedMethodsIsTheUnionOfAllMatchingRules() {
        // Flask's automatic OPTIONS: Allow = union of the methods of all rules matching the path (§1.5).
        assertEquals(Set.of("GET", "HEAD", "OPTIONS", "POST"), MAP.allowedMethods("/m/q"));
        assertEquals(Set.of("GET", "HEAD", "OPTIONS"), MAP.allowedMethods("/about"));
        assertEquals(Set.of(), MAP.allowedMethods("/missing"));
        assertEquals(Set.of("OPTIONS", "POST"), MAP.allowedMethods("/only-post"));
    }

    @Test
    void matchedRuleCarriesMethodsAndOptionsFlag() {
        MatchResult.Matched m = assertInstanceOf(MatchResult.Matched.class, MAP.match("/about", "GET"));
        assertEquals(Set.of("GET", "HEAD", "OPTIONS"), m.rule().methods());
        assertTrue(m.rule().providesAutomaticOptions());
        MatchResult.Matched opt = assertInstanceOf(MatchResult.Matched.class, MAP.match("/opt", "OPTIONS"));
        assertEquals(false, opt.rule().providesAutomaticOptions());
    }

    @Test
    void addAfterFreezeFails() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> MAP.add(RuleSpec.of("/late", "late")));
        assertTrue(e.getMessage().contains("setup method called after the first request"), e.getMessage());
    }

    @Test
    void matchFreezesImplicitly() {
        UrlMap map = new UrlMap();
        map.add(RuleSpec.of("/a", "a"));
        assertInstanceOf(MatchResult.Matched.class, map.match("/a", "GET"));
        assertTrue(map.isFrozen());
    }

    @Test
    void rulesKeepRegistrationOrder() {
        List<String> first = MAP.rules().stream().limit(4).map(Rule::rule).collect(Collectors.toList());
        assertEquals(List.of("/", "/about", "/projects/", "/user/<username>"), first);
    }

    @Test
    void lookupDoesNotDependOnRuleCount() {
        // Many rules sharing a prefix: the last one is still found (a trie, not a list scan).
        UrlMap map = new UrlMap();
        for (int i = 0; i < 2000; i++) {
            map.add(RuleSpec.of("/r" + i + "/<int:id>", "r" + i));
            map.add(RuleSpec.of("/s" + i + "/static", "s" + i));
        }
        MatchResult.Matched m = assertInstanceOf(MatchResult.Matched.class, map.match("/r1999/7", "GET"));
        assertEquals("r1999", m.rule().endpoint());
        assertEquals("s1999", ((MatchResult.Matched) map.match("/s1999/static", "GET")).rule().endpoint());
    }

    private static Map<String, Object> arguments(String path) {
        return assertInstanceOf(MatchResult.Matched.class, MAP.match(path, "GET")).arguments();
    }

    static String describe(MatchResult r) {
        if (r instanceof MatchResult.Matched m) {
            String args = m.arguments().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(";"));
            return (m.rule().endpoint() + " " + args).strip();
        }
        if (r instanceof MatchResult.Redirect redirect) {
            return "308 " + redirect.path();
        }
        if (r instanceof MatchResult.MethodMismatch mm) {
            return "405 " + String.join(",", mm.allowed());
        }
        return "404";
    }

    /** Decodes Python's unicode_escape forms used in the tables: {@code \\xNN} and {@code \\uNNNN}. */
    static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'u')) {
                int len = s.charAt(i + 1) == 'x' ? 2 : 4;
                out.append((char) Integer.parseInt(s.substring(i + 2, i + 2 + len), 16));
                i += 1 + len;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
