package dev.flaskj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.testing.TestClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** URL processors: {@code urlValuePreprocessor} and {@code urlDefaults} on apps and blueprints. */
class UrlProcessorsTest {

    static Blueprint bp(String name, String prefix) {
        return new Blueprint(name, prefix) {};
    }

    // Flask tests/test_basic.py::test_url_processors
    @Test
    void appUrlProcessors() {
        Flask app = new Flask("t");
        app.urlDefaults((endpoint, values) -> {
            if (Flask.g().contains("lang_code") && !values.containsKey("lang_code")
                    && app.urlMap().isEndpointExpecting(endpoint, "lang_code")) {
                values.put("lang_code", Flask.g().get("lang_code"));
            }
        });
        app.urlValuePreprocessor((endpoint, values) -> {
            Object lang = values.remove("lang_code");
            if (lang != null) {
                Flask.g().put("lang_code", lang);
            }
        });
        app.addUrlRule("/<lang_code>/", "index", args -> Flask.urlFor("about"));
        app.addUrlRule("/<lang_code>/about", "about", args -> Flask.urlFor("something_else"));
        app.addUrlRule("/foo", "something_else", args -> Flask.urlFor("about", "lang_code", "en"));
        TestClient client = app.testClient();
        assertEquals("/de/about", client.get("/de/").text());
        assertEquals("/foo", client.get("/de/about").text());
        assertEquals("/en/about", client.get("/foo").text());
    }

    // Flask tests/test_basic.py::test_inject_blueprint_url_defaults
    @Test
    void blueprintUrlDefaultsApplyToItsEndpointsFromAnywhere() {
        Blueprint bp = bp("foo", null);
        bp.urlDefaults((endpoint, values) -> values.put("page", "login"));
        bp.addUrlRule("/<page>", "view", args -> "");
        Flask app = new Flask("t");
        app.registerBlueprint(bp);
        app.config().put("SERVER_NAME", "localhost");
        try (AppContext ignored = app.appContext()) {
            assertEquals("http://localhost/login", Flask.urlFor("foo.view"));
        }
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        try (RequestContext ignored = app.testRequestContext("/")) {
            assertEquals("/login", Flask.urlFor("foo.view", values));
            assertEquals(Map.of(), values); // urlFor's own map is not changed
        }
    }

    // Flask tests/test_blueprints.py::test_blueprint_url_processors
    @Test
    void blueprintUrlProcessorsWithPrefixVariable() {
        Blueprint bp = bp("frontend", "/<lang_code>");
        bp.urlDefaults((endpoint, values) -> values.putIfAbsent("lang_code", Flask.g().get("lang_code")));
        bp.urlValuePreprocessor((endpoint, values) -> Flask.g().put("lang_code", values.remove("lang_code")));
        bp.addUrlRule("/", "index", args -> Flask.urlFor(".about"));
        bp.addUrlRule("/about", "about", args -> Flask.urlFor(".index"));
        Flask app = new Flask("t");
        app.registerBlueprint(bp);
        TestClient client = app.testClient();
        assertEquals("/de/about", client.get("/de/").text());
        assertEquals("/de/", client.get("/de/about").text());
    }

    // Flask tests/test_blueprints.py::test_app_url_processors
    @Test
    void blueprintAppWideUrlProcessors() {
        Blueprint bp = bp("bp", null);
        bp.appUrlDefaults((endpoint, values) -> values.putIfAbsent("lang_code", Flask.g().get("lang_code")));
        bp.appUrlValuePreprocessor((endpoint, values) -> Flask.g().put("lang_code", values.remove("lang_code")));
        Flask app = new Flask("t");
        app.addUrlRule("/<lang_code>/", "index", args -> Flask.urlFor("about"));
        app.addUrlRule("/<lang_code>/about", "about", args -> Flask.urlFor("index"));
        app.registerBlueprint(bp);
        TestClient client = app.testClient();
        assertEquals("/de/about", client.get("/de/").text());
        assertEquals("/de/", client.get("/de/about").text());
    }

    /** Flask's preprocess_request: every preprocessor (app, then outer to inner) before any before-request. */
    @Test
    void orderAndScopes() {
        List<String> log = new ArrayList<>();
        Flask app = new Flask("t");
        app.urlValuePreprocessor((e, v) -> log.add("app-pre " + e + " " + v));
        app.beforeRequest(() -> log.add("app-before") ? null : null);
        Blueprint parent = bp("parent", "/p");
        parent.urlValuePreprocessor((e, v) -> {
            log.add("parent-pre " + v);
            v.put("added", "1");
        });
        Blueprint child = bp("child", "/c/<int:n>");
        child.urlValuePreprocessor((e, v) -> log.add("child-pre " + v));
        child.addUrlRule("/", "i", args -> "n=" + args.get("n") + " added=" + args.get("added")
                + " viewArgs=" + Flask.request().viewArgs());
        Blueprint other = bp("other", "/o");
        other.urlValuePreprocessor((e, v) -> log.add("other-pre"));
        other.addUrlRule("/", "i", args -> "o");
        parent.registerBlueprint(child);
        app.registerBlueprint(parent);
        app.registerBlueprint(other);
        TestClient client = app.testClient();
        assertEquals("n=7 added=1 viewArgs={n=7, added=1}", client.get("/p/c/7/").text());
        assertEquals(List.of("app-pre parent.child.i {n=7}", "parent-pre {n=7}", "child-pre {n=7, added=1}",
                "app-before"), log);
        log.clear();
        assertEquals(404, client.get("/nope").status());
        assertEquals(List.of("app-pre null {}", "app-before"), log);
    }

    /** The preprocessors run on an empty map when routing failed, so the usual remove() does not turn 404 into 500. */
    @Test
    void routingErrorStaysA404() {
        Flask app = new Flask("t");
        app.urlValuePreprocessor((e, v) -> Flask.g().put("lang", v.remove("lang_code")));
        app.addUrlRule("/<lang_code>/", "index", args -> "i");
        assertEquals(404, app.testClient().get("/a/b/c").status());
    }

    @Test
    void preprocessorMayAbort() {
        Flask app = new Flask("t");
        app.urlValuePreprocessor((e, v) -> {
            if ("xx".equals(v.get("lang_code"))) {
                throw Flask.abort(404);
            }
        });
        app.addUrlRule("/<lang_code>/", "index", args -> "i " + args.get("lang_code"));
        TestClient client = app.testClient();
        assertEquals(404, client.get("/xx/").status());
        assertEquals("i de", client.get("/de/").text());
    }

    /** The "_" options of urlFor are not shown to url defaults, and still apply. */
    @Test
    void urlDefaultsSeeNoUnderscoreOptions() {
        List<String> seen = new ArrayList<>();
        Flask app = new Flask("t");
        app.urlDefaults((e, v) -> seen.add(e + " " + v));
        app.addUrlRule("/x", "x", args -> Flask.urlFor("x", "_external", true, "a", 1, "_anchor", "top"));
        assertEquals("http://localhost/x?a=1#top", app.testClient().get("/x").text());
        assertEquals(List.of("x {a=1}"), seen);
    }

    // ------------------------------------------------------------------ annotations and the startup check

    public static class Lang extends Blueprint {
        public Lang() {
            super("lang", "/<lang_code>");
        }

        @UrlValuePreprocessor
        void pull(String endpoint, Map<String, Object> values) {
            g().put("lang_code", values.remove("lang_code"));
        }

        @UrlDefaults
        void add(String endpoint, Map<String, Object> values) {
            values.putIfAbsent("lang_code", g().get("lang_code"));
        }

        @Get("/")
        String index() { // no lang_code parameter: the preprocessor removes it
            return g().get("lang_code") + " " + urlFor(".page", "id", 3);
        }

        @Get("/page/<int:id>")
        String page(int id) {
            return "page " + id;
        }
    }

    @Test
    void annotatedBlueprintViewNeedsNoParameterForAPoppedVariable() {
        Flask app = new Flask("t");
        app.registerBlueprint(new Lang());
        TestClient client = app.testClient();
        assertEquals("fr /fr/page/3", client.get("/fr/").text());
        assertEquals("page 3", client.get("/fr/page/3").text());
    }

    public static class NoPreprocessor extends Blueprint {
        public NoPreprocessor() {
            super("np", "/<lang_code>");
        }

        @Get("/")
        String index() {
            return "x";
        }
    }

    @Test
    void withoutPreprocessorAMissingParameterIsStillAStartupError() {
        Flask app = new Flask("t");
        app.registerBlueprint(new NoPreprocessor());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> app.testClient().get("/x/"));
        assertTrue(e.getMessage().startsWith(NoPreprocessor.class.getName() + ".index()"), e.getMessage());
        assertTrue(e.getMessage().contains("has variable 'lang_code' but the method has no parameter named"
                + " 'lang_code'; add one, or register a URL value preprocessor"), e.getMessage());
    }

    @Test
    void anAppPreprocessorAllowsItToo() {
        Flask app = new Flask("t");
        app.urlValuePreprocessor((e, v) -> v.remove("lang_code"));
        app.registerBlueprint(new NoPreprocessor());
        assertEquals("x", app.testClient().get("/x/").text());
    }

    @Test
    void anotherBlueprintsPreprocessorDoesNotAllowIt() {
        Flask app = new Flask("t");
        Blueprint other = bp("other", null);
        other.urlValuePreprocessor((e, v) -> v.remove("lang_code"));
        app.registerBlueprint(other);
        app.registerBlueprint(new NoPreprocessor());
        assertThrows(IllegalArgumentException.class, () -> app.testClient().get("/x/"));
    }

    public static class BadProcessor extends Flask {
        @UrlDefaults
        void add(Map<String, Object> values) {}
    }

    public static class AppWideOnApp extends Flask {
        @AppUrlValuePreprocessor
        void pull(String endpoint, Map<String, Object> values) {}
    }

    @Test
    void processorSignaturesAreCheckedAtStartup() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, BadProcessor::new);
        assertTrue(e.getMessage().contains(BadProcessor.class.getName() + ".add(Map)")
                && e.getMessage().contains("takes (String endpoint, Map<String, Object> values)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, AppWideOnApp::new);
        assertTrue(e.getMessage().contains("use @UrlValuePreprocessor on an app"), e.getMessage());
    }

    @Test
    void isEndpointExpecting() {
        Flask app = new Flask("t");
        app.addUrlRule("/<a>/<b>", "ab", args -> "");
        app.addUrlRule("/c", "c", args -> "", RuleOptions.defaultOptions().defaults(Map.of("d", 1)));
        assertTrue(app.urlMap().isEndpointExpecting("ab", "a", "b"));
        assertTrue(!app.urlMap().isEndpointExpecting("ab", "a", "z"));
        assertTrue(app.urlMap().isEndpointExpecting("c", "d"));
        assertTrue(!app.urlMap().isEndpointExpecting("nope", "d"));
    }
}
