package dev.flaskj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The request context owns a request's hook scopes: they are known once matching has named the blueprint, every
 * later step (hooks, error handlers, template context, teardown) reads that one list, and after the first request
 * it is a lookup of lists made when the app froze, not a computation per request.
 */
class RequestScopesTest {
    private static Flask appWithNestedBlueprints(List<List<ScopeHooks>> seen) {
        Flask app = new Flask("scopes");
        Blueprint outer = new Blueprint("outer", "/o") {};
        Blueprint inner = new Blueprint("inner", "/i") {};
        inner.addUrlRule("/v", "v", args -> {
            seen.add(ContextStack.request().scopes());
            return "v";
        });
        outer.registerBlueprint(inner);
        app.registerBlueprint(outer);
        app.addUrlRule("/", "home", args -> {
            seen.add(ContextStack.request().scopes());
            return "home";
        });
        return app;
    }

    @Test
    void scopesAreLookedUpOnceAndSharedByEveryRequestOfTheBlueprint() {
        List<List<ScopeHooks>> seen = new ArrayList<>();
        Flask app = appWithNestedBlueprints(seen);
        var client = app.testClient();
        assertEquals("v", client.get("/o/i/v").text());
        assertEquals("v", client.get("/o/i/v").text());
        assertEquals("home", client.get("/").text());
        assertEquals(3, seen.size());
        // innermost blueprint first, then its parent, then the app
        assertEquals(3, seen.get(0).size());
        assertSame(app.scopeHooks(), seen.get(0).get(2));
        assertSame(seen.get(0), seen.get(1), "the second request reuses the list made at freeze time");
        assertEquals(List.of(app.scopeHooks()), seen.get(2));
    }

    @Test
    void hooksOfEveryScopeRunFromTheContextsList() {
        List<String> trace = new ArrayList<>();
        Flask app = new Flask("scopes-hooks");
        Blueprint bp = new Blueprint("bp", "/bp") {};
        bp.addUrlRule("/x", "x", args -> "x");
        bp.beforeRequest(() -> trace.add("bp-before") ? null : null);
        bp.teardownRequest(exc -> trace.add("bp-teardown"));
        app.beforeRequest(() -> trace.add("app-before") ? null : null);
        app.teardownRequest(exc -> trace.add("app-teardown"));
        app.registerBlueprint(bp);
        app.testClient().get("/bp/x");
        assertEquals(List.of("app-before", "bp-before", "bp-teardown", "app-teardown"), trace);
    }

    public static class OverridesRender extends Flask {
        @Route("/render")
        @Override
        public String render(String name, Map<String, ?> context) {
            return "oops";
        }
    }

    @Test
    void aViewThatOverridesAFrameworkMethodIsAStartupError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, OverridesRender::new);
        assertTrue(e.getMessage().contains("OverridesRender.render(String, Map)"), e.getMessage());
        assertTrue(e.getMessage().contains("overrides the framework method dev.flaskj.Flask.render(String, Map)"),
                e.getMessage());
    }
}
