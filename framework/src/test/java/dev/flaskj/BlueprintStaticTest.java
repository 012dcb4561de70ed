package dev.flaskj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.testing.TestClient;
import dev.flaskj.testing.TestResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A blueprint's own static folder (Flask: {@code Blueprint(static_folder=..., static_url_path=...)}): endpoint
 * {@code <name>.static} under the blueprint's prefix, served by the same rules as the app's static files. The
 * files live in {@code src/test/resources/bp/admin/static} (the class path stands for the webapp root outside a
 * container).
 */
class BlueprintStaticTest {

    /** Flask's tests/test_apps/blueprintapp/apps/admin: prefix /admin, its own static and templates folders. */
    public static class Admin extends Blueprint {
        public Admin() {
            super("admin", "/admin");
            setStaticFolder("bp/admin/static");
            setTemplateFolder("bp/admin/templates");
        }

        @Route("/")
        String index() {
            return renderTemplate("admin/index.html");
        }

        @Route("/index2")
        String index2() {
            return renderTemplate("./admin/index.html");
        }

        @Route("/links")
        String links() {
            return urlFor(".static", "filename", "css/test.css") + " " + urlFor("admin.static", "filename", "x y.txt");
        }
    }

    /** Flask's blueprintapp/apps/frontend: no prefix, templates only. */
    public static class Frontend extends Blueprint {
        public Frontend() {
            super("frontend");
            setTemplateFolder("bp/frontend/templates");
        }

        @Route("/")
        String index() {
            return renderTemplate("frontend/index.html");
        }
    }

    public static class BlueprintApp extends Flask {
        public BlueprintApp() {
            registerBlueprint(new Admin());
            registerBlueprint(new Frontend());
        }
    }

    // Flask: tests/test_blueprints.py::test_templates_and_static
    @Test
    void templatesAndStatic() {
        BlueprintApp app = new BlueprintApp();
        TestClient client = app.testClient();
        assertEquals("Hello from the Frontend", client.get("/").text());
        assertEquals("Hello from the Admin", client.get("/admin/").text());
        assertEquals("Hello from the Admin", client.get("/admin/index2").text());
        assertEquals("Admin File", client.get("/admin/static/test.txt").text().strip());
        assertEquals("/* nested file */", client.get("/admin/static/css/test.css").text().strip());

        app.config().put("SEND_FILE_MAX_AGE_DEFAULT", 3600);
        assertEquals("public, max-age=3600", client.get("/admin/static/css/test.css").header("Cache-Control"));

        try (RequestContext ctx = app.testRequestContext("/")) {
            assertEquals("/admin/static/test.txt", Flask.urlFor("admin.static", "filename", "test.txt"));
            dev.flaskj.templating.TemplateNotFoundException e = assertThrows(
                    dev.flaskj.templating.TemplateNotFoundException.class, () -> Flask.renderTemplate("missing.html"));
            assertTrue(e.getMessage().contains("missing.html"), e.getMessage());
        }
    }

    public static class MaxAgeBlueprint extends Blueprint {
        public MaxAgeBlueprint() {
            super("blueprint", "/bp");
            setStaticFolder("bp/admin/static");
        }

        @Override
        public Integer getSendFileMaxAge(String filename) {
            return 100;
        }
    }

    // Flask: tests/test_blueprints.py::test_default_static_max_age
    @Test
    void blueprintDecidesItsStaticMaxAge() throws Exception {
        Flask app = new Flask("t");
        app.config().put("SEND_FILE_MAX_AGE_DEFAULT", 3600); // not what the blueprint says
        MaxAgeBlueprint blueprint = new MaxAgeBlueprint();
        app.registerBlueprint(blueprint);
        try (RequestContext ctx = app.testRequestContext("/")) {
            assertEquals("public, max-age=100", blueprint.serveStaticFile("test.txt").headers().get("Cache-Control"));
        }
        // the endpoint asks the same method
        assertEquals("public, max-age=100", app.testClient().get("/bp/static/test.txt").header("Cache-Control"));
        // the app's own static files keep the config
        assertEquals("public, max-age=3600", app.testClient().get("/static/twenty.txt").header("Cache-Control"));
    }

    @Test
    void urlForInsideAndOutsideTheBlueprint() {
        TestClient client = new BlueprintApp().testClient();
        assertEquals("/admin/static/css/test.css /admin/static/x%20y.txt", client.get("/admin/links").text());
    }

    @Test
    void sameRulesAsTheAppsStaticFiles() {
        TestClient client = new BlueprintApp().testClient();
        TestResponse r = client.get("/admin/static/twenty.txt");
        assertEquals(200, r.status());
        assertEquals("no-cache", r.header("Cache-Control"));
        assertEquals("bytes", r.header("Accept-Ranges"));
        assertTrue(r.contentType().startsWith("text/plain"), r.contentType());
        String etag = r.header("ETag");
        assertTrue(etag != null && etag.startsWith("\""), String.valueOf(etag));
        assertEquals(304, client.get("/admin/static/twenty.txt", q -> q.header("If-None-Match", etag)).status());
        TestResponse part = client.get("/admin/static/twenty.txt", q -> q.header("Range", "bytes=2-4"));
        assertEquals(206, part.status());
        assertEquals("234", part.text());
        assertEquals("bytes 2-4/20", part.header("Content-Range"));
        assertEquals(416, client.get("/admin/static/twenty.txt", q -> q.header("Range", "bytes=30-40")).status());
        assertEquals("", client.head("/admin/static/twenty.txt").text());
    }

    @Test
    void unsafeOrMissingNamesAre404() {
        TestClient client = new BlueprintApp().testClient();
        for (String path : List.of("/admin/static/missing.txt", "/admin/static/css", "/admin/static/css/",
                "/admin/static/", "/admin/static", "/admin/static/../templates/admin/index.html",
                "/admin/static/%2e%2e/templates/admin/index.html", "/admin/static/..%2ftemplates/admin/index.html",
                "/admin/static/WEB-INF/x.txt", "/admin/static/web-inf/x.txt", "/admin/static/%5c..%5ctest.txt",
                "/admin/static/test.txt%00", "/admin/static/;x/test.txt")) {
            TestResponse r = client.get(path);
            assertEquals(404, r.status(), path + " -> " + r.status() + " " + r.text());
        }
    }

    public static class Twice extends Flask {
        public Twice() {
            Admin admin = new Admin();
            registerBlueprint(admin);
            registerBlueprint(admin, "/again", "again");
        }
    }

    @Test
    void registeredTwiceServesUnderBothNames() {
        Twice app = new Twice();
        assertEquals(List.of("/admin/static/<path:filename>"), rules(app, "admin.static"));
        assertEquals(List.of("/again/static/<path:filename>"), rules(app, "again.static"));
        TestClient client = app.testClient();
        assertEquals("Admin File", client.get("/again/static/test.txt").text().strip());
        assertEquals("Admin File", client.get("/admin/static/test.txt").text().strip());
        // inside the second registration ".static" is its own endpoint, as in Flask
        assertEquals("/again/static/css/test.css /admin/static/x%20y.txt", client.get("/again/links").text());
    }

    /** No URL prefix: the rule is /static/<path:filename>, the app's own, which Flask's app rule shadows. */
    public static class Unprefixed extends Blueprint {
        public Unprefixed() {
            super("np");
            setStaticFolder("bp/admin/static");
        }
    }

    @Test
    void withoutAPrefixTheAppsStaticRuleWins() {
        Flask app = new Flask("t");
        app.registerBlueprint(new Unprefixed());
        assertEquals(List.of("/static/<path:filename>"), rules(app, "np.static"));
        TestClient client = app.testClient();
        assertEquals(200, client.get("/static/twenty.txt").status()); // the app's folder has it
        assertEquals(404, client.get("/static/test.txt").status()); // only the blueprint's has it: Flask says 404

        Flask bare = new Flask("bare");
        bare.setStaticFolder(null);
        bare.registerBlueprint(new Unprefixed());
        assertEquals("Admin File", bare.testClient().get("/static/test.txt").text().strip());
    }

    public static class Assets extends Blueprint {
        public Assets() {
            super("assets", "/as");
            setStaticFolder("bp/admin/static");
            setStaticUrlPath("/assets/");
        }
    }

    public static class Named extends Blueprint {
        public Named() {
            super("named", "/n");
            setStaticFolder("bp/admin"); // Flask: the URL path is "/" + the folder's last segment
        }
    }

    @Test
    void urlPathIsDerivedFromTheFolderOrSet() {
        Flask app = new Flask("t");
        Assets assets = new Assets();
        Named named = new Named();
        assertEquals("/assets", assets.staticUrlPath());
        assertEquals("/admin", named.staticUrlPath());
        app.registerBlueprint(assets);
        app.registerBlueprint(named);
        assertEquals(List.of("/as/assets/<path:filename>"), rules(app, "assets.static"));
        assertEquals(List.of("/n/admin/<path:filename>"), rules(app, "named.static"));
        TestClient client = app.testClient();
        assertEquals("Admin File", client.get("/as/assets/test.txt").text().strip());
        assertEquals("Admin File", client.get("/n/admin/static/test.txt").text().strip());
        assertEquals(404, client.get("/as/static/test.txt").status());
    }

    public static class Missing extends Blueprint {
        public Missing() {
            super("missing", "/m");
            setStaticFolder("no/such/folder");
        }
    }

    // Flask does not check the folder at startup: the rule exists and answers 404
    @Test
    void aMissingFolderIsNotAStartupError() {
        Flask app = new Flask("t");
        app.registerBlueprint(new Missing());
        assertEquals(List.of("/m/folder/<path:filename>"), rules(app, "missing.static"));
        assertEquals(404, app.testClient().get("/m/folder/x.txt").status());
    }

    @Test
    void noFolderNoRule() {
        Flask app = new Flask("t");
        Frontend frontend = new Frontend();
        assertNull(frontend.staticFolder());
        assertNull(frontend.staticUrlPath());
        app.registerBlueprint(frontend);
        assertTrue(app.urlMap().rules("frontend.static").isEmpty());
    }

    public static class OwnStaticView extends Blueprint {
        public OwnStaticView() {
            super("own", "/own");
            setStaticFolder("bp/admin/static");
        }

        @Route("/files/<path:filename>")
        String static_(String filename) {
            return filename;
        }
    }

    // Flask: AssertionError "View function mapping is overwriting an existing endpoint function: own.static"
    @Test
    void aViewNamedStaticCollidesWithTheStaticEndpoint() {
        OwnStaticView bp = new OwnStaticView();
        bp.addUrlRule("/s/<path:filename>", "static", args -> "mine");
        Flask app = new Flask("t");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> app.registerBlueprint(bp));
        assertTrue(e.getMessage().contains("overwriting an existing endpoint function: own.static"), e.getMessage());
    }

    @Test
    void foldersMustStayInsideTheWebappRootAndBeSetBeforeRegistration() {
        Frontend bp = new Frontend();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bp.setStaticFolder("../x"));
        assertTrue(e.getMessage().contains("must be a relative path inside the webapp root"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> bp.setStaticFolder("/etc"));
        assertThrows(IllegalArgumentException.class, () -> bp.setTemplateFolder("a/../../b"));
        new Flask("t").registerBlueprint(bp);
        IllegalStateException late = assertThrows(IllegalStateException.class, () -> bp.setStaticFolder("x"));
        assertTrue(late.getMessage().contains("'setStaticFolder' can no longer be called on the blueprint"),
                late.getMessage());
        assertThrows(IllegalStateException.class, () -> bp.setTemplateFolder("x"));
        assertThrows(IllegalStateException.class, () -> bp.setStaticUrlPath("/x"));
    }

    public static class Defaults extends Blueprint {
        public Defaults() {
            super("test");
            addUrlRule("/foo", "foo", args -> args.get("bar") + "/" + args.get("baz"),
                    RuleOptions.defaultOptions().defaults(java.util.Map.of("baz", 42)));
            addUrlRule("/bar", "bar", args -> String.valueOf((Object) args.get("bar")));
        }
    }

    // Flask: tests/test_blueprints.py::test_blueprint_url_defaults
    @Test
    void blueprintUrlDefaults() {
        Flask app = new Flask("t");
        Defaults bp = new Defaults();
        app.registerBlueprint(bp, "/1", null, java.util.Map.of("bar", 23));
        app.registerBlueprint(bp, "/2", "test2", java.util.Map.of("bar", 19));
        TestClient client = app.testClient();
        assertEquals("23/42", client.get("/1/foo").text());
        assertEquals("19/42", client.get("/2/foo").text());
        assertEquals("23", client.get("/1/bar").text());
        assertEquals("19", client.get("/2/bar").text());
    }

    private static List<String> rules(Flask app, String endpoint) {
        return app.urlMap().rules(endpoint).stream().map(dev.flaskj.routing.Rule::rule).toList();
    }
}
