package dev.flaskj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.testing.TestClient;
import dev.flaskj.testing.TestResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * {@link RuleOptions#redirectTo}, {@link RuleOptions#alias}, {@link RuleOptions#buildOnly} and
 * {@link RuleOptions#mergeSlashes} through the whole app. The expected statuses and Locations are what Flask 3.1.3 /
 * Werkzeug 3.1 answered for the same app, at the root and under the script root {@code /app}.
 */
class RoutingOptionsTest {

    public static class Redirects extends Flask {
        final List<String> ran = new ArrayList<>();

        public Redirects() {
            beforeRequest(() -> {
                ran.add("before " + request().path());
                return null;
            });
            addUrlRule("/new/<int:id>", "new", args -> "new " + args.get("id"));
            addUrlRule("/old/<int:id>", "old", RuleOptions.defaultOptions().redirectTo("/new/<id>"));
            addUrlRule("/rel/<int:id>", "rel", RuleOptions.defaultOptions().redirectTo("new/<id>"));
            addUrlRule("/q/<path:p>", "q", RuleOptions.defaultOptions().redirectTo("/x/<p>"));
            addUrlRule("/ext", "ext", RuleOptions.defaultOptions().redirectTo("https://example.com/a?b=c"));
            addUrlRule("/fn/<int:id>", "fn", RuleOptions.defaultOptions()
                    .redirectTo(values -> "/new/" + ((Integer) values.get("id") + 1)));
            addUrlRule("/boom/<int:id>", "boom", RuleOptions.defaultOptions().redirectTo(values -> {
                throw new IllegalStateException("no slug for " + values.get("id"));
            }));
            addUrlRule("/canon/<int:id>", "canon", args -> "canon " + args.get("id"));
            addUrlRule("/alias/<int:id>", "canon", RuleOptions.defaultOptions().alias(true));
            addUrlRule("/cdn/<path:f>", "cdn", RuleOptions.defaultOptions().buildOnly(true));
            addUrlRule("/a//b", "ab", args -> "ab", RuleOptions.defaultOptions().mergeSlashes(false));
            addUrlRule("/m/n", "mn", args -> "mn", RuleOptions.defaultOptions().mergeSlashes(false));
            addUrlRule("/k/l", "kl", args -> "kl");
            addUrlRule("/rp", "rp", args -> "rp", "POST");
            addUrlRule("/oldp", "oldp", RuleOptions.methods("POST").redirectTo("/rp"));
            errorHandler(IllegalStateException.class, e -> makeResponse("handled: " + e.getMessage(), 500));
        }
    }

    @ParameterizedTest(name = "{0}{1}")
    @CsvSource(nullValues = "-", value = {
        "'', /old/5, 308, http://localhost/new/5",
        "'', /old/5?x=1, 308, http://localhost/new/5",
        "'', /rel/5, 308, http://localhost/new/5",
        "'', /q/a%20b/c, 308, http://localhost/x/a%20b/c",
        "'', /ext, 308, https://example.com/a?b=c",
        "'', /fn/5, 308, http://localhost/new/6",
        "'', /alias/7?z=1, 308, http://localhost/canon/7?z=1",
        "'', /canon/7, 200, -",
        "'', /cdn/x.css, 404, -",
        "'', /a//b, 200, -",
        "'', /a/b, 404, -",
        "'', /m//n, 404, -",
        "'', /m/n, 200, -",
        "'', /k//l, 308, http://localhost/k/l",
        "'', /old/x, 404, -",
        "/app, /old/5, 308, http://localhost/new/5",
        "/app, /old/5?x=1, 308, http://localhost/new/5",
        "/app, /rel/5, 308, http://localhost/app/new/5",
        "/app, /q/a%20b/c, 308, http://localhost/x/a%20b/c",
        "/app, /ext, 308, https://example.com/a?b=c",
        "/app, /fn/5, 308, http://localhost/new/6",
        "/app, /alias/7?z=1, 308, http://localhost/app/canon/7?z=1",
        "/app, /canon/7, 200, -",
        "/app, /cdn/x.css, 404, -",
        "/app, /a//b, 200, -",
        "/app, /a/b, 404, -",
        "/app, /m//n, 404, -",
        "/app, /m/n, 200, -",
        "/app, /k//l, 308, http://localhost/app/k/l",
        "/app, /old/x, 404, -",
    })
    void answersAsWerkzeug(String contextPath, String path, int status, String location) {
        TestClient client = new Redirects().testClient();
        client.setContextPath(contextPath);
        TestResponse r = client.get(path);
        assertEquals(status, r.status(), r.text());
        assertEquals(location, r.header("Location"));
    }

    @Test
    void routingAnswersAfterBeforeRequestWithoutTheView() {
        Redirects app = new Redirects();
        TestResponse r = app.testClient().get("/old/5");
        assertEquals(308, r.status());
        assertTrue(r.text().contains("<a href=\"http://localhost/new/5\">"), r.text());
        // Flask raises the routing redirect in dispatch_request, after before_request, like the slash redirects
        assertEquals(List.of("before /old/5"), app.ran);
    }

    @Test
    void methodsStillDecide() {
        TestClient client = new Redirects().testClient();
        assertEquals("http://localhost/rp", client.post("/oldp").header("Location"));
        assertEquals(308, client.post("/oldp").status());
        TestResponse put = client.put("/old/5");
        assertEquals(405, put.status());
        assertEquals(java.util.Set.of("GET", "HEAD", "OPTIONS"), java.util.Set.of(put.header("Allow").split(", ")));
        // Werkzeug matches OPTIONS too (automatic OPTIONS is in the rule's methods): it redirects as well
        TestResponse options = client.options("/old/5");
        assertEquals(308, options.status());
        assertEquals("http://localhost/new/5", options.header("Location"));
    }

    @Test
    void aFailingRedirectFunctionIsTheRequestsError() {
        TestResponse r = new Redirects().testClient().get("/boom/3");
        assertEquals(500, r.status());
        assertEquals("handled: no slug for 3", r.text());
    }

    @Test
    void buildOnlyAndAliasRulesBuild() {
        Redirects app = new Redirects();
        try (RequestContext ctx = app.testRequestContext(dev.flaskj.testing.TestRequest.get("/")
                .contextPath("/app"))) {
            assertEquals("/app/cdn/x.css", Flask.urlFor("cdn", "f", "x.css"));
            assertEquals("/app/canon/3", Flask.urlFor("canon", "id", 3)); // the alias is tried last
            assertEquals("/app/a//b", Flask.urlFor("ab"));
            assertEquals("/app/old/4", Flask.urlFor("old", "id", 4));
            assertNull(request().urlRule());
        }
    }

    private static Request request() {
        return Flask.request();
    }

    @Test
    void aRuleWithoutAViewMustRedirectBuildOrAlias() {
        Flask app = new Flask("t");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> app.addUrlRule("/x", "x", RuleOptions.defaultOptions()));
        assertTrue(e.getMessage().contains("The rule '/x' of endpoint 'x' has no view"), e.getMessage());
    }

    @Test
    void redirectTargetsNameTheRulesVariablesOnly() {
        Flask app = new Flask("t");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> app.addUrlRule(
                "/old/<int:id>", "old", RuleOptions.defaultOptions().redirectTo("/new/<ident>")));
        assertTrue(e.getMessage().contains("redirectTo '/new/<ident>' uses <ident>"), e.getMessage());
    }

    public static class LonelyAlias extends Flask {
        public LonelyAlias() {
            addUrlRule("/index.html", "index", args -> "i", RuleOptions.defaultOptions().alias(true));
        }
    }

    @Test
    void anAliasWithoutACanonicalRuleFailsAtStartup() {
        LonelyAlias app = new LonelyAlias();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, app::checkViews);
        assertTrue(e.getMessage().contains("is an alias of endpoint 'index', which has no other rule"),
                e.getMessage());
    }

    /** The options reach blueprint rules too, under the prefix (Locations checked against Flask 3.1.3). */
    public static class Legacy extends Blueprint {
        public Legacy() {
            super("legacy", "/legacy");
            addUrlRule("/item/<int:id>", "item", RuleOptions.defaultOptions().redirectTo("/items/<id>"));
            addUrlRule("/items/<int:id>", "items", args -> "item " + args.get("id"));
            addUrlRule("/i/<int:id>", "items", RuleOptions.defaultOptions().alias(true));
        }
    }

    @Test
    void blueprintRules() {
        Flask app = new Flask("t");
        app.registerBlueprint(new Legacy());
        TestClient client = app.testClient();
        assertEquals("http://localhost/items/5", client.get("/legacy/item/5").header("Location"));
        assertEquals("http://localhost/legacy/items/5", client.get("/legacy/i/5").header("Location"));
        assertEquals("item 5", client.get("/legacy/items/5").text());
    }

    // Flask: tests/test_blueprints.py::test_dotted_names_from_app
    public static class Dotted extends Blueprint {
        public Dotted() {
            super("test");
        }

        @Route("/test/")
        String index() {
            return urlFor("app_index");
        }
    }

    @Test
    void dottedNamesFromApp() {
        Flask app = new Flask("t");
        app.addUrlRule("/", "app_index", args -> Flask.urlFor("test.index"));
        app.registerBlueprint(new Dotted());
        assertEquals("/test/", app.testClient().get("/").text());
        assertEquals("/", app.testClient().get("/test/").text());
    }

    public static class Annotated extends Flask {
        @Get("/posts/<int:id>")
        @Get(value = "/p/<int:id>", alias = true)
        String post(int id) {
            return "post " + id + " " + urlFor("post", "id", id);
        }

        @Route(value = "/raw//path", mergeSlashes = false)
        String raw() {
            return "raw";
        }

        @Post(value = "/merged//path")
        String merged() {
            return "merged";
        }
    }

    @Test
    void annotationsTakeAliasAndMergeSlashes() {
        TestClient client = new Annotated().testClient();
        assertEquals("post 3 /posts/3", client.get("/posts/3").text());
        assertEquals("http://localhost/posts/3?x=1", client.get("/p/3?x=1").header("Location"));
        assertEquals("raw", client.get("/raw//path").text());
        assertEquals(404, client.get("/raw/path").status());
        assertEquals("merged", client.post("/merged/path").text());
        assertEquals(308, client.post("/merged//path").status());
    }

    // Flask 3.1.3 answers the same: the defaults redirect for /d/1, the rule's redirect for /d/2
    @Test
    void defaultsRedirectStillComesFirst() {
        Flask app = new Flask("t");
        app.addUrlRule("/d/", "d", args -> "d", RuleOptions.defaultOptions().defaults(Map.of("page", 1)));
        app.addUrlRule("/d/<int:page>", "d", RuleOptions.defaultOptions().redirectTo("/elsewhere/<page>"));
        TestClient client = app.testClient();
        assertEquals("http://localhost/d/", client.get("/d/1").header("Location"));
        assertEquals("http://localhost/elsewhere/2", client.get("/d/2").header("Location"));
    }
}
