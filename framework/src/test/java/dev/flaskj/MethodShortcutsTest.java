package dev.flaskj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.routing.Rule;
import dev.flaskj.testing.TestClient;
import dev.flaskj.testing.TestResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code @Get}, {@code @Post}, {@code @Put}, {@code @Delete}, {@code @Patch}: Flask 2.0's {@code app.get(...)}. */
class MethodShortcutsTest {

    public static class Shop extends Flask {
        @Get("/items")
        String list() {
            return "list " + request().method();
        }

        @Post("/items")
        String create() {
            return "created";
        }

        @Put("/items/<int:id>")
        String replace(int id) {
            return "put " + id;
        }

        @Patch("/items/<int:id>/name")
        String rename(int id) {
            return "patch " + id;
        }

        @Delete("/items/<int:id>")
        String remove(int id) {
            return "delete " + id;
        }

        // Flask: @app.get("/both") stacked on @app.post("/both"): two rules, one endpoint
        @Get("/both")
        @Post("/both")
        String both() {
            return "both " + request().method() + " " + request().endpoint();
        }

        @Get(value = "/pages/", defaults = "page=1", endpoint = "pages")
        @Get(value = "/pages/<int:page>", endpoint = "pages")
        String paged(int page) {
            return "page " + page + " at " + urlFor("pages", "page", page + 1);
        }

        @Get(value = "/loose", strictSlashes = false)
        String loose() {
            return "loose";
        }

        @Route(value = "/mixed", methods = "PUT")
        @Get("/mixed")
        String mixed() {
            return "mixed " + request().method();
        }
    }

    public static class Api extends Blueprint {
        public Api() {
            super("api", "/api");
        }

        @Post("/things")
        String make() {
            return "made " + request().endpoint();
        }
    }

    private static TestClient client() {
        Shop app = new Shop();
        app.registerBlueprint(new Api());
        return app.testClient();
    }

    @Test
    void eachShortcutAllowsItsMethodOnlyPlusHeadAndOptions() {
        TestClient c = client();
        assertEquals("list GET", c.get("/items").text());
        assertEquals(200, c.head("/items").status());
        assertEquals("created", c.post("/items").text());
        assertEquals("put 3", c.put("/items/3").text());
        assertEquals("patch 3", c.patch("/items/3/name").text());
        assertEquals("delete 3", c.delete("/items/3").text());

        TestResponse wrong = c.post("/items/3/name");
        assertEquals(405, wrong.status());
        assertEquals(List.of("OPTIONS", "PATCH"), sortedAllow(wrong));
        assertEquals(List.of("DELETE", "OPTIONS", "PUT"), sortedAllow(c.get("/items/3")));
        assertEquals(List.of("GET", "HEAD", "OPTIONS", "POST"), sortedAllow(c.options("/items")));
    }

    @Test
    void stackedShortcutsRegisterTwoRulesWithTheMethodsEndpoint() {
        Shop app = new Shop();
        TestClient c = app.testClient();
        assertEquals("both GET both", c.get("/both").text());
        assertEquals("both POST both", c.post("/both").text());
        assertEquals(List.of("GET", "HEAD", "OPTIONS", "POST"), sortedAllow(c.put("/both")));
        List<List<String>> rules = new ArrayList<>();
        for (Rule r : app.urlMap().rules()) {
            if (r.endpoint().equals("both")) {
                rules.add(List.copyOf(r.methods()));
            }
        }
        assertEquals(2, rules.size(), rules.toString());
    }

    @Test
    void theAttributesAreRoutesEndpointDefaultsAndStrictSlashes() {
        TestClient c = client();
        assertEquals("page 1 at /pages/2", c.get("/pages/").text());
        assertEquals("page 4 at /pages/5", c.get("/pages/4").text());
        assertEquals("loose", c.get("/loose/").text());
        assertEquals("mixed GET", c.get("/mixed").text());
        assertEquals("mixed PUT", c.put("/mixed").text());
    }

    @Test
    void blueprintsHaveThemToo() {
        TestClient c = client();
        assertEquals("made api.make", c.post("/api/things").text());
        assertEquals(405, c.get("/api/things").status());
    }

    public static class Mismatch extends Flask {
        @Delete("/gone/<int:id>")
        String gone(String name) {
            return name;
        }
    }

    @Test
    void aShortcutsRuleIsCheckedAgainstTheSignatureAtStartup() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, Mismatch::new);
        assertTrue(e.getMessage().contains(Mismatch.class.getName() + ".gone(String)"), e.getMessage());
        assertTrue(e.getMessage().contains("variable 'id'"), e.getMessage());
    }

    private static List<String> sortedAllow(TestResponse r) {
        List<String> methods = new ArrayList<>(List.of(r.header("Allow").split(", ")));
        methods.sort(null);
        return methods;
    }
}
