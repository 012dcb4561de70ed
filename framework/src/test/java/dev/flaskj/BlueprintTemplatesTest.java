package dev.flaskj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.templating.TemplateLocation;
import dev.flaskj.templating.TemplateNotFoundException;
import dev.flaskj.testing.TestClient;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Blueprint template folders (Flask: {@code Blueprint(template_folder=...)}): searched after the app's folder and
 * then in blueprint registration order, whichever view renders, as Flask's {@code DispatchingJinjaLoader} does
 * (checked against Flask 3.1.3: with {@code bp2} registered before {@code bp1}, a view of {@code bp1} rendering a
 * name both have gets {@code bp2}'s). Files: {@code src/test/resources/bp/{one,two,child}/templates}.
 */
class BlueprintTemplatesTest {

    public static class One extends Blueprint {
        public One() {
            super("one", "/one");
            setTemplateFolder("bp/one/templates");
        }

        @Route("/<name>")
        String show(String name) {
            return renderTemplate(name, "name", "x");
        }
    }

    public static class Two extends Blueprint {
        public Two() {
            super("two", "/two");
            setTemplateFolder("bp/two/templates/"); // a trailing slash is dropped
        }
    }

    public static class Child extends Blueprint {
        public Child() {
            super("child", "/child");
            setTemplateFolder("bp/child/templates");
        }
    }

    public static class Parent extends Blueprint {
        public Parent() {
            super("parent", "/p"); // no templates of its own
            registerBlueprint(new Child());
        }
    }

    public static class Ordered extends Flask {
        public Ordered() {
            registerBlueprint(new Two());
            registerBlueprint(new One());
        }
    }

    @Test
    void appFirstThenBlueprintsInRegistrationOrder() {
        TestClient client = new Ordered().testClient();
        assertEquals("<p>Hello, x!</p>", client.get("/one/hello.html").text().strip()); // the app's wins
        assertEquals("two", client.get("/one/shared.html").text()); // registered first, though one renders
        assertEquals("only one", client.get("/one/onlyone.html").text());
        assertEquals("only two", client.get("/one/onlytwo.html").text()); // any blueprint's folder, as in Flask
    }

    /** The Jinja engine reads the same list in the same order (these files are plain text in both syntaxes). */
    @Test
    void jinjaSearchesTheSameLocationsInTheSameOrder() {
        Flask app = new Flask("t");
        app.config().put("TEMPLATE_ENGINE", "jinja");
        app.registerBlueprint(new Parent());
        app.registerBlueprint(new Two());
        app.registerBlueprint(new One());
        TestClient client = app.testClient();
        assertEquals("child", client.get("/one/shared.html").text());
        assertEquals("only one", client.get("/one/onlyone.html").text());
        assertEquals("only two", client.get("/one/onlytwo.html").text());
        assertEquals(500, client.get("/one/nope.html").status());
    }

    @Test
    void theOtherOrderGivesTheOtherTemplate() {
        Flask app = new Flask("t");
        app.registerBlueprint(new One());
        app.registerBlueprint(new Two());
        assertEquals("one", app.testClient().get("/one/shared.html").text());
    }

    @Test
    void locationsAreOneEngineNeutralList() {
        Flask app = new Flask("t");
        One one = new One();
        app.registerBlueprint(new Two());
        app.registerBlueprint(one);
        app.registerBlueprint(one, "/again", "again"); // searched once
        app.registerBlueprint(new Parent());
        List<String> described = app.templateLocations().stream().map(TemplateLocation::description).toList();
        assertEquals(List.of("classpath templates/", "classpath bp/two/templates/", "classpath bp/one/templates/",
                "classpath bp/child/templates/"), described);
        assertEquals(List.of("two", "one", "parent.child"), app.templateLocations().stream().skip(1)
                .map(TemplateLocation::blueprint).toList());
        assertEquals(TemplateLocation.Kind.CLASSPATH, app.templateLocations().get(0).kind());
        assertEquals("templates", app.templateLocations().get(0).path());
    }

    @Test
    void configTemplateFolderReplacesOnlyTheAppsFolder() {
        Flask app = new Flask("t");
        app.config().put("TEMPLATE_FOLDER", "target/none");
        app.registerBlueprint(new One());
        List<TemplateLocation> l = app.templateLocations();
        assertEquals(TemplateLocation.Kind.FILE_SYSTEM, l.get(0).kind());
        assertTrue(l.get(0).path().endsWith("target/none"), l.get(0).path());
        assertEquals("bp/one/templates", l.get(1).path());
        assertEquals("only one", app.testClient().get("/one/onlyone.html").text());
    }

    @Test
    void nestedBlueprintFoldersAreSearchedToo() {
        Flask app = new Flask("t");
        app.registerBlueprint(new Parent());
        app.registerBlueprint(new One());
        assertEquals("child", app.testClient().get("/one/shared.html").text()); // registered before one
        assertEquals("child only", app.testClient().get("/one/childonly.html").text());
    }

    @Test
    void notFoundNamesEveryPlaceSearched() {
        Flask app = new Ordered();
        try (RequestContext ctx = app.testRequestContext("/")) {
            TemplateNotFoundException e = assertThrows(TemplateNotFoundException.class,
                    () -> Flask.renderTemplate("nope.html"));
            assertTrue(e.getMessage().contains("bp/two/templates/nope.html"), e.getMessage());
            assertTrue(e.getMessage().contains("bp/one/templates/nope.html"), e.getMessage());
            assertTrue(e.getMessage().indexOf("bp/two") < e.getMessage().indexOf("bp/one"), e.getMessage());
        }
    }

    /** The engine is built in the constructor (to add a dialect) before the blueprints register. */
    public static class EarlyEngine extends Flask {
        public EarlyEngine() {
            templateRenderer().engine();
            registerBlueprint(new One());
        }
    }

    @Test
    void blueprintsRegisteredAfterTheEngineWasBuiltAreSearched() {
        assertEquals("only one", new EarlyEngine().testClient().get("/one/onlyone.html").text());
    }

    @Test
    void namesLeavingTheFoldersAreRefused() {
        try (RequestContext ctx = new Ordered().testRequestContext("/")) {
            assertThrows(TemplateNotFoundException.class, () -> Flask.renderTemplate("../two/templates/shared.html"));
            assertThrows(TemplateNotFoundException.class, () -> Flask.renderTemplate("../one/templates/onlyone.html"));
        }
    }
}
