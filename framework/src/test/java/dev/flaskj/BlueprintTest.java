package dev.flaskj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flaskj.testing.TestClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Blueprints: prefixes, endpoint names, relative urlFor, scoped hooks and handlers. */
class BlueprintTest {
    static final List<String> TRACE = new ArrayList<>();

    public static class Admin extends Blueprint {
        public Admin() {
            super("admin", "/admin");
        }

        @Route("/")
        String index() {
            return request().endpoint() + " " + request().blueprint() + " " + urlFor(".users") + " "
                    + urlFor("home");
        }

        @Route("/users")
        String users() {
            return "users";
        }

        @BeforeRequest
        Object only() {
            TRACE.add("admin-before");
            return null;
        }

        @ErrorHandler(404)
        Object nf() {
            return makeResponse("admin 404", 404);
        }

        @Route("/missing")
        String missing() {
            throw abort(404);
        }
    }

    private static Flask app() {
        Flask app = new Flask("bp");
        app.addUrlRule("/", "home", args -> "home " + Flask.urlFor(".home"));
        app.registerBlueprint(new Admin());
        return app;
    }

    @Test
    void endpointsArePrefixedAndDotUrlForStaysInTheBlueprint() {
        TestClient client = app().testClient();
        assertEquals("admin.index admin /admin/users /", client.get("/admin/").text());
        assertEquals("home /", client.get("/").text());
        assertEquals(308, client.get("/admin").status());
    }

    @Test
    void blueprintHooksRunOnlyForItsRequests() {
        TRACE.clear();
        TestClient client = app().testClient();
        client.get("/");
        assertEquals(List.of(), TRACE);
        client.get("/admin/users");
        assertEquals(List.of("admin-before"), TRACE);
    }

    @Test
    void blueprintErrorHandlerSeesItsOwnAbortsButNotRoutingNotFound() {
        TestClient client = app().testClient();
        assertEquals("admin 404", client.get("/admin/missing").text());
        assertEquals(404, client.get("/admin/nope").status());
        assertEquals(true, client.get("/admin/nope").text().startsWith("<!doctype html>"));
    }

    @Test
    void registrationUnderAnotherPrefixAndRuleJoining() {
        Flask app = new Flask("bp2");
        app.registerBlueprint(new Admin(), "/a2/");
        assertEquals("users", app.testClient().get("/a2/users").text());
        assertEquals("/a2/x/", Blueprint.joinRule("/a2/", "/x/"));
        assertEquals("/admin/", Blueprint.joinRule("/admin/", ""));
        assertEquals("/a2", Blueprint.joinRule("/a2", ""));
        assertEquals("/admin/", Blueprint.joinRule("/admin", "/"));
    }

    @Test
    void namesWithDotsAndDuplicateNamesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Blueprint("a.b") { });
        Flask app = new Flask("dup");
        app.registerBlueprint(new Admin());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> app.registerBlueprint(new Blueprint("admin", "/other") { }));
        assertEquals("The name 'admin' is already registered for a different blueprint. Use registerBlueprint(bp,"
                + " prefix, name) to provide a unique name.", e.getMessage());
    }

    @Test
    void oneBlueprintRegisteredTwiceUnderAnotherName() {
        // Flask 3.1: register_blueprint(bp, name='admin2', url_prefix='/a2') -> endpoints admin2.*
        Flask app = new Flask("twice");
        app.addUrlRule("/", "home", args -> "home");
        Admin admin = new Admin();
        app.registerBlueprint(admin);
        app.registerBlueprint(admin, "/a2", "admin2");
        TestClient client = app.testClient();
        assertEquals("users", client.get("/a2/users").text());
        assertEquals("admin2.index admin2 /a2/users /", client.get("/a2/").text());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Flask("again").registerBlueprint(admin, "/x", "a.b"));
        assertEquals("'name' may not be empty or contain a dot '.' character.", e.getMessage());
    }

    public static class Parent extends Blueprint {
        public Parent() {
            super("parent", "/p");
            registerBlueprint(new Child());
        }

        @BeforeRequest
        Object mark() {
            TRACE.add("parent-before " + request().endpoint());
            return null;
        }
    }

    public static class Child extends Blueprint {
        public Child() {
            super("child", "/c");
        }

        @Route("/leaf")
        String leaf() {
            return request().endpoint() + " " + request().blueprint() + " " + urlFor(".leaf");
        }
    }

    @Test
    void nestedBlueprintsJoinNamesAndPrefixesAndInheritParentHooks() {
        // Flask 3.1: nested blueprints give parent.child.func with prefixes joined (/p/c/leaf)
        TRACE.clear();
        Flask app = new Flask("nested");
        app.registerBlueprint(new Parent());
        assertEquals("parent.child.leaf parent.child /p/c/leaf", app.testClient().get("/p/c/leaf").text());
        assertEquals(List.of("parent-before parent.child.leaf"), TRACE);
    }
}
