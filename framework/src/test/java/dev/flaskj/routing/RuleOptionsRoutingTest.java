package dev.flaskj.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Werkzeug's per-rule options {@code merge_slashes}, {@code alias}, {@code build_only} and {@code redirect_to} in
 * the URL map, with Werkzeug 3.1's own tests ({@code tests/test_routing.py}) ported where they exist.
 */
class RuleOptionsRoutingTest {

    private static RuleSpec spec(String rule, String endpoint, Map<String, Object> defaults, boolean mergeSlashes,
                                 String redirectTo, boolean alias, boolean buildOnly) {
        return new RuleSpec(rule, endpoint, List.of("GET"), defaults, true, mergeSlashes, true, redirectTo, null,
                alias, buildOnly);
    }

    private static RuleSpec plain(String rule, String endpoint) {
        return RuleSpec.of(rule, endpoint);
    }

    private static String redirectPath(UrlMap map, String path) {
        MatchResult r = map.match(path, "GET");
        return assertInstanceOf(MatchResult.Redirect.class, r, path + " -> " + r).path();
    }

    private static String endpoint(UrlMap map, String path) {
        MatchResult r = map.match(path, "GET");
        return assertInstanceOf(MatchResult.Matched.class, r, path + " -> " + r).rule().endpoint();
    }

    // Werkzeug: tests/test_routing.py::test_merge_slashes_match
    @Test
    void mergeSlashesMatch() {
        UrlMap map = new UrlMap();
        map.add(plain("/no/tail", "no_tail"));
        map.add(plain("/yes/tail/", "yes_tail"));
        map.add(plain("/with/<path:path>", "with_path"));
        map.add(spec("/no//merge", "no_merge", null, false, null, false, false));
        map.add(spec("/no/merging", "no_merging", null, false, null, false, false));
        assertTrue(redirectPath(map, "/no//tail").endsWith("/no/tail"));
        assertTrue(redirectPath(map, "/yes//tail").endsWith("/yes/tail/"));
        assertTrue(redirectPath(map, "/yes/tail//").endsWith("/yes/tail/"));
        redirectPath(map, "//yes///tail////");
        assertEquals("no_tail", endpoint(map, "/no/tail"));
        assertEquals("yes_tail", endpoint(map, "/yes/tail/"));
        MatchResult m = map.match("/with/http://example.com/", "GET");
        assertEquals("http://example.com/", ((MatchResult.Matched) m).arguments().get("path"));
        assertEquals("x//y", ((MatchResult.Matched) map.match("/with/x//y", "GET")).arguments().get("path"));
        assertEquals("no_merge", endpoint(map, "/no//merge"));
        assertEquals("no_merging", endpoint(map, "/no/merging"));
        assertInstanceOf(MatchResult.NoMatch.class, map.match("/no//merging", "GET"));
    }

    // Werkzeug: tests/test_routing.py::test_merge_slash_encoding
    @ParameterizedTest
    @CsvSource({"/merge/%//path, /merge/%25/path", "/merge//st/path, /merge/st/path"})
    void mergeSlashEncoding(String path, String expected) {
        UrlMap map = new UrlMap();
        map.add(plain("/merge/<some>/path", "m"));
        assertTrue(redirectPath(map, path).endsWith(expected), redirectPath(map, path));
    }

    // Werkzeug: tests/test_routing.py::test_merge_slashes_build
    @Test
    void mergeSlashesBuild() {
        UrlMap map = new UrlMap();
        map.add(plain("/yes//merge", "yes_merge"));
        map.add(spec("/no//merge", "no_merge", null, false, null, false, false));
        assertEquals("/yes/merge", map.build("yes_merge", Map.of(), null, true));
        assertEquals("/no//merge", map.build("no_merge", Map.of(), null, true));
    }

    // Werkzeug: tests/test_routing.py::test_alias_redirects
    @Test
    void aliasRedirects() {
        UrlMap m = new UrlMap();
        m.add(plain("/", "index"));
        m.add(spec("/index.html", "index", null, true, null, true, false));
        m.add(spec("/users/", "users", Map.of("page", 1), true, null, false, false));
        m.add(spec("/users/index.html", "users", Map.of("page", 1), true, null, true, false));
        m.add(plain("/users/page/<int:page>", "users"));
        m.add(spec("/users/page-<int:page>.html", "users", null, true, null, true, false));
        assertEquals("/", redirectPath(m, "/index.html"));
        assertEquals("/users/", redirectPath(m, "/users/index.html"));
        assertEquals("/users/page/2", redirectPath(m, "/users/page-2.html"));
        assertEquals("/users/", redirectPath(m, "/users/page-1.html"));
        // (the query string, ?foo=bar in Werkzeug's test, is appended by the app: RoutingOptionsTest)
        assertEquals("/", m.build("index", Map.of(), null, true));
        assertEquals("/users/", m.build("users", Map.of("page", 1), null, true));
        assertEquals("/users/page/2", m.build("users", Map.of("page", 2), null, true));
    }

    @Test
    void anAliasNeedsACanonicalRule() {
        UrlMap m = new UrlMap();
        m.add(spec("/index.html", "index", null, true, null, true, false));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, m::check);
        assertTrue(e.getMessage().contains("'/index.html' is an alias of endpoint 'index', which has no other rule"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, m::freeze);
    }

    // Werkzeug: tests/test_routing.py::test_long_build (a build-only rule with 10,000 variables)
    @Test
    void longBuild() {
        Map<String, Object> longArgs = new LinkedHashMap<>();
        StringBuilder rule = new StringBuilder();
        for (int x = 0; x < 10000; x++) {
            longArgs.put("v" + x, x);
            rule.append("/<v").append(x).append('>');
        }
        UrlMap map = new UrlMap();
        map.add(spec(rule.toString(), "bleep", null, true, null, false, true));
        String url = map.build("bleep", longArgs, null, true) + "/";
        for (Object v : longArgs.values()) {
            assertTrue(url.contains("/" + v + "/"), String.valueOf(v));
        }
    }

    // Werkzeug: Rule(build_only=True) "will never match but will create a URL that can be build"
    @Test
    void buildOnlyNeverMatches() {
        UrlMap map = new UrlMap();
        map.add(spec("/cdn/<path:f>", "cdn", null, true, null, false, true));
        map.add(plain("/other", "other"));
        assertInstanceOf(MatchResult.NoMatch.class, map.match("/cdn/x.css", "GET"));
        assertEquals(java.util.Set.of(), map.allowedMethods("/cdn/x.css"));
        assertEquals("/cdn/a/b.css", map.build("cdn", Map.of("f", "a/b.css"), null, true));
    }

    // Werkzeug: provides_defaults_for is false for a build-only rule, so it is never a canonical-URL redirect
    @Test
    void aBuildOnlyRuleGivesNoDefaultsRedirect() {
        UrlMap map = new UrlMap();
        map.add(spec("/d/", "d", Map.of("page", 1), true, null, false, true));
        map.add(plain("/d/<int:page>", "d"));
        assertInstanceOf(MatchResult.Matched.class, map.match("/d/1", "GET"));
    }

    // Werkzeug: tests/test_routing.py::test_redirect_path_quoting
    @Test
    void redirectPathQuoting() {
        UrlMap map = new UrlMap();
        map.add(spec("/<category>", "category", Map.of("page", 1), true, null, false, false));
        map.add(plain("/<category>/page/<int:page>", "category"));
        assertEquals("/foo%20bar", redirectPath(map, "/foo bar/page/1"));
    }

    @Test
    void redirectToSubstitutesTheVariablesThroughTheirConverters() {
        UrlMap map = new UrlMap();
        map.add(spec("/old/<int:id>", "old", null, true, "/new/<id>", false, false));
        map.add(spec("/q/<path:p>", "q", null, true, "x/<p>/<p>", false, false));
        map.add(spec("/any/<any(a, b):k>", "k", null, true, "https://example.com/<k>?<>", false, false));
        MatchResult.RuleRedirect r = assertInstanceOf(MatchResult.RuleRedirect.class, map.match("/old/5", "GET"));
        assertEquals(Map.of("id", 5), r.arguments());
        assertEquals("http://h/new/5", r.location("http://h/app/"));
        MatchResult.RuleRedirect q = (MatchResult.RuleRedirect) map.match("/q/a b/c", "GET");
        assertEquals("http://h/app/x/a%20b/c/a%20b/c", q.location("http://h/app/"));
        MatchResult.RuleRedirect k = (MatchResult.RuleRedirect) map.match("/any/b", "GET");
        assertEquals("https://example.com/b?<>", k.location("http://h/"));
        // methods still decide first: 405, not a redirect
        assertInstanceOf(MatchResult.MethodMismatch.class, map.match("/old/5", "POST"));
        // the converter still validates: 404
        assertInstanceOf(MatchResult.NoMatch.class, map.match("/old/x", "GET"));
    }

    @Test
    void redirectToNamesOnlyTheRulesVariables() {
        UrlMap map = new UrlMap();
        RuleSyntaxException e = assertThrows(RuleSyntaxException.class,
                () -> map.add(spec("/old/<int:id>", "old", null, true, "/new/<int:id>", false, false)));
        assertTrue(e.getMessage().contains("uses <int:id>, but the rule's variables are [id]"), e.getMessage());
        assertThrows(RuleSyntaxException.class,
                () -> map.add(spec("/old/<int:id>", "old", null, true, "/new/<page>", false, false)));
    }

    @Test
    void redirectFunctionGetsTheConvertedValues() {
        UrlMap map = new UrlMap();
        map.add(new RuleSpec("/fn/<int:id>", "fn", List.of("GET"), Map.of("lang", "en"), true, true, true, null,
                values -> "/new/" + ((Integer) values.get("id") + 1) + "/" + values.get("lang"), false, false));
        MatchResult.RuleRedirect r = (MatchResult.RuleRedirect) map.match("/fn/5", "GET");
        assertEquals("http://h/new/6/en", r.location("http://h/app/"));
        assertThrows(IllegalArgumentException.class, () -> new RuleSpec("/x", "x", null, null, true, true, true,
                "/y", v -> "/z", false, false));
    }

    @ParameterizedTest
    @CsvSource({
        "http://h/app/, new/5, http://h/app/new/5",
        "http://h/app/, /new/5, http://h/new/5",
        "http://h/, new/5, http://h/new/5",
        "http://h/app/, ../x, http://h/x",
        "http://h/app/, //cdn.example/x, http://cdn.example/x",
        "http://h/app/, https://example.com/a?b=c, https://example.com/a?b=c",
        "http://h/app/, mailto:a@b, mailto:a@b",
        "http://h/app/, a b/ü, http://h/app/a b/ü",
        "http://h/app/, /a b, http://h/a b",
        "http://h/app/, ?x=1, http://h/app/?x=1",
    })
    void locationsJoinAsPythonsUrljoin(String base, String target, String expected) {
        assertEquals(expected, MatchResult.RuleRedirect.join(base, target));
    }
}
