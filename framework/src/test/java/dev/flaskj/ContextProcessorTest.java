package dev.flaskj;

import static dev.flaskj.Flask.g;
import static dev.flaskj.Flask.renderTemplateString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.testing.TestClient;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Context processors, against what Flask 3.1 prints for the same app: an app
 * processor {@code {x: app, y: app}} and a blueprint processor {@code {y: bp, z: bp}}; {@code /} renders
 * {@code "app app "}, the blueprint's {@code /b} with {@code x="explicit"} renders {@code "explicit bp bp"}, and
 * a render in an app context outside any request sees the app's processors only.
 */
class ContextProcessorTest {
    private static final String TEMPLATE = "[[${x}]] [[${y}]] [[${z}]]";

    static class Shop extends Blueprint {
        Shop() {
            super("shop", "/shop");
            contextProcessor(() -> Map.of("y", "bp", "z", "bp"));
        }

        @Route("/b")
        String b() {
            return renderTemplateString(TEMPLATE, "x", "explicit");
        }
    }

    private static Flask app() {
        Flask app = new Flask("cp");
        app.contextProcessor(() -> Map.of("x", "app", "y", "app"));
        app.addUrlRule("/", "index", args -> renderTemplateString(TEMPLATE));
        app.registerBlueprint(new Shop());
        return app;
    }

    @Test
    void appProcessorsApplyEverywhereBlueprintOnesToTheirRequestsAndPassedValuesWin() {
        TestClient client = app().testClient();
        assertEquals("app app ", client.get("/").text());
        assertEquals("explicit bp bp", client.get("/shop/b").text());
    }

    @Test
    void outsideARequestOnlyTheAppsProcessorsRun() {
        Flask app = app();
        try (AppContext ctx = app.appContext()) {
            assertEquals("app app ", renderTemplateString(TEMPLATE));
        }
    }

    @Test
    void processorsRunOnEveryRenderAndSeeTheRequestsG() {
        Flask app = new Flask("cp");
        AtomicInteger calls = new AtomicInteger();
        app.contextProcessor(() -> Map.of("n", calls.incrementAndGet(), "user", g().get("user", "anonymous")));
        app.beforeRequest(() -> {
            g().put("user", "ann");
            return null;
        });
        app.addUrlRule("/", "index", args -> renderTemplateString("[[${n}]] [[${user}]]"));
        TestClient client = app.testClient();
        assertEquals("1 ann", client.get("/").text());
        assertEquals("2 ann", client.get("/").text());
    }

    @Test
    void aNullResultAddsNothingAndLaterProcessorsOverrideEarlierOnes() {
        Flask app = new Flask("cp");
        app.contextProcessor(() -> null);
        app.contextProcessor(() -> Map.of("v", "first"));
        app.contextProcessor(() -> Map.of("v", "second"));
        app.addUrlRule("/", "index", args -> renderTemplateString("[[${v}]]"));
        assertEquals("second", app.testClient().get("/").text());
    }

    public static class Annotated extends Flask {
        public Annotated() {
            super("annotated");
        }

        @ContextProcessor
        Map<String, Object> site() {
            return Map.of("site", "Flaskr");
        }

        @Route("/")
        String index() {
            return renderTemplateString("<h1 th:text=\"${site}\">x</h1>");
        }
    }

    @Test
    void annotatedMethodIsAProcessor() {
        assertEquals("<h1>Flaskr</h1>", new Annotated().testClient().get("/").text());
    }

    public static class WrongReturnType extends Flask {
        public WrongReturnType() {
            super("wrong");
        }

        @ContextProcessor
        String site() {
            return "Flaskr";
        }
    }

    @Test
    void annotatedMethodMustReturnAMap() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, WrongReturnType::new);
        assertTrue(e.getMessage().endsWith("site(): a @ContextProcessor method must return a Map"), e.getMessage());
    }

    @Test
    void aFailingProcessorIsTheViewsError() {
        Flask app = new Flask("cp");
        app.contextProcessor(() -> {
            throw new IOException("database down");
        });
        app.addUrlRule("/", "index", args -> renderTemplateString("x"));
        assertEquals(500, app.testClient().get("/").status());
        app.config().put("TESTING", true);
        IOException e = assertThrows(IOException.class, () -> app.testClient().get("/"));
        assertEquals("database down", e.getMessage());
    }

    @Test
    void registeringAfterTheFirstRequestFails() {
        Flask app = app();
        app.testClient().get("/");
        assertThrows(IllegalStateException.class, () -> app.contextProcessor(Map::of));
    }
}
