package dev.flaskj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.exceptions.HttpException;
import dev.flaskj.testing.TestClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A blueprint's app-wide hooks: {@code beforeAppRequest}, {@code appErrorHandler}, ... and their annotations. */
class BlueprintAppHooksTest {
    static final List<String> LOG = new ArrayList<>();

    static Blueprint bp(String name) {
        return new Blueprint(name) {};
    }

    // Flask tests/test_blueprints.py::test_app_request_processing
    @Test
    void appRequestHooksRunForAppViews() {
        List<String> evts = new ArrayList<>();
        Blueprint bp = bp("bp");
        bp.beforeAppRequest(() -> {
            evts.add("before");
            return null;
        });
        bp.afterAppRequest(r -> {
            evts.add("after");
            return r.setData(r.text() + "|after");
        });
        bp.teardownAppRequest(exc -> evts.add("teardown"));
        Flask app = new Flask("t");
        app.registerBlueprint(bp);
        app.addUrlRule("/", "bp_endpoint", args -> "request");
        TestClient client = app.testClient();
        assertEquals(List.of(), evts);
        assertEquals("request|after", client.get("/").text());
        assertEquals(List.of("before", "after", "teardown"), evts);
        assertEquals("request|after", client.get("/").text());
        assertEquals(List.of("before", "after", "teardown", "before", "after", "teardown"), evts);
    }

    // Flask tests/test_blueprints.py::test_blueprint_app_error_handling
    @Test
    void appErrorHandlerAnswersEveryRequest() {
        Blueprint errors = bp("errors");
        errors.appErrorHandler(403, e -> Flask.makeResponse("you shall not pass", 403));
        Flask app = new Flask("t");
        app.addUrlRule("/forbidden", "app_forbidden", args -> {
            throw Flask.abort(403);
        });
        Blueprint forbidden = bp("forbidden_bp");
        forbidden.addUrlRule("/nope", "bp_forbidden", args -> {
            throw Flask.abort(403);
        });
        app.registerBlueprint(errors);
        app.registerBlueprint(forbidden);
        TestClient client = app.testClient();
        assertEquals("you shall not pass", client.get("/forbidden").text());
        assertEquals("you shall not pass", client.get("/nope").text());
        assertEquals(403, client.get("/nope").status());
    }

    /** Routing 404s have no blueprint: only an app-wide handler (not a blueprint's local one) can render them. */
    @Test
    void appErrorHandlerRendersRoutingNotFound() {
        Blueprint blog = bp("blog");
        blog.errorHandler(404, e -> Flask.makeResponse("local", 404));
        blog.appErrorHandler(404, e -> Flask.makeResponse("app-wide " + Flask.request().blueprint(), 404));
        blog.addUrlRule("/post", "post", args -> {
            throw Flask.abort(404);
        });
        Flask app = new Flask("t");
        app.registerBlueprint(blog, "/blog");
        TestClient client = app.testClient();
        assertEquals("app-wide null", client.get("/nowhere").text());
        assertEquals("local", client.get("/blog/post").text()); // the blueprint's own handler wins for its views
    }

    @Test
    void appErrorHandlerByClassAndOrderWithTheAppsOwn() {
        Blueprint bp = bp("bp");
        bp.appErrorHandler(IllegalStateException.class, e -> "bp handled " + e.getMessage());
        bp.appErrorHandler(404, e -> "bp 404");
        Flask app = new Flask("t");
        app.addUrlRule("/boom", "boom", args -> {
            throw new IllegalStateException("x");
        });
        app.registerBlueprint(bp);
        app.errorHandler(404, e -> "app 404"); // registered later: replaces the blueprint's, as a dict entry does
        TestClient client = app.testClient();
        assertEquals("bp handled x", client.get("/boom").text());
        assertEquals("app 404", client.get("/missing").text());
    }

    @Test
    void appErrorHandlerRejectsUnknownCode() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> bp("bp").appErrorHandler(999, x -> "x"));
        assertTrue(e.getMessage().contains("'999' is not a recognized HTTP error code"), e.getMessage());
    }

    // Flask tests/test_blueprints.py::test_context_processing
    @Test
    void appContextProcessorFeedsEveryTemplate() {
        Blueprint answer = bp("answer_bp");
        answer.appContextProcessor(() -> Map.of("notanswer", 43));
        answer.contextProcessor(() -> Map.of("answer", 42));
        String template = "<span th:if=\"${notanswer}\" th:text=\"${notanswer} + ' is not the answer. '\"></span>"
                + "<span th:if=\"${answer}\" th:text=\"${answer} + ' is the answer.'\"></span>";
        answer.addUrlRule("/bp", "bp_page", args -> Flask.renderTemplateString(template));
        Flask app = new Flask("t");
        app.addUrlRule("/", "app_page", args -> Flask.renderTemplateString(template));
        app.registerBlueprint(answer);
        TestClient client = app.testClient();
        String appPage = client.get("/").text();
        String bpPage = client.get("/bp").text();
        assertTrue(appPage.contains("43") && !appPage.contains("42"), appPage);
        assertTrue(bpPage.contains("43") && bpPage.contains("42"), bpPage);
    }

    /**
     * Flask: app-wide hooks join the app's list when the blueprint is registered (before app hooks registered
     * later), and every app-level function runs before any blueprint-local one.
     */
    @Test
    void orderIsRegistrationOrderAmongTheAppsFunctionsThenLocal() {
        List<String> log = new ArrayList<>();
        Flask app = new Flask("t");
        app.beforeRequest(() -> log.add("app1") ? null : null);
        Blueprint bp = bp("bp");
        bp.beforeRequest(() -> log.add("bp-local") ? null : null);
        bp.beforeAppRequest(() -> log.add("bp-app") ? null : null);
        bp.afterRequest(r -> {
            log.add("after-local");
            return r;
        });
        bp.afterAppRequest(r -> {
            log.add("after-bp-app");
            return r;
        });
        bp.addUrlRule("/x", "x", args -> "x");
        app.registerBlueprint(bp);
        app.beforeRequest(() -> log.add("app2") ? null : null);
        app.afterRequest(r -> {
            log.add("after-app2");
            return r;
        });
        app.testClient().get("/x");
        assertEquals(List.of("app1", "bp-app", "app2", "bp-local", "after-local", "after-app2", "after-bp-app"),
                log);
    }

    /** Flask's record_once: a second registration (another name) adds the local hooks, not the app-wide ones. */
    @Test
    void registeringTwiceAddsAppWideHooksOnce() {
        List<String> log = new ArrayList<>();
        Blueprint bp = bp("bp");
        bp.beforeAppRequest(() -> log.add("bp-app") ? null : null);
        bp.beforeRequest(() -> log.add("bp-local:" + Flask.request().blueprint()) ? null : null);
        bp.addUrlRule("/x", "x", args -> "x");
        Flask app = new Flask("t");
        app.registerBlueprint(bp);
        app.registerBlueprint(bp, "/two", "bp2");
        TestClient client = app.testClient();
        client.get("/x");
        assertEquals(List.of("bp-app", "bp-local:bp"), log);
        log.clear();
        client.get("/two/x");
        assertEquals(List.of("bp-app", "bp-local:bp2"), log);
        log.clear();
        client.get("/nope");
        assertEquals(List.of("bp-app"), log);
    }

    @Test
    void nestedBlueprintsAppWideHooksApply() {
        List<String> log = new ArrayList<>();
        Blueprint parent = bp("parent");
        Blueprint child = bp("child");
        child.beforeAppRequest(() -> log.add("child-app") ? null : null);
        parent.registerBlueprint(child, "/c");
        Flask app = new Flask("t");
        app.addUrlRule("/", "i", args -> "i");
        app.registerBlueprint(parent, "/p");
        app.testClient().get("/");
        assertEquals(List.of("child-app"), log);
    }

    @Test
    void appWideHookAfterRegistrationIsRefused() {
        Blueprint bp = bp("late");
        Flask app = new Flask("t");
        app.registerBlueprint(bp);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> bp.beforeAppRequest(() -> null));
        assertTrue(e.getMessage().contains("'beforeAppRequest' can no longer be called on the blueprint 'late'"),
                e.getMessage());
    }

    // ------------------------------------------------------------------ annotation forms

    public static class Auth extends Blueprint {
        public Auth() {
            super("auth", "/auth");
        }

        @BeforeAppRequest
        Object loadUser() {
            g().put("user", request().args().get("user", "anonymous"));
            LOG.add("load " + request().path());
            return null;
        }

        @AfterAppRequest
        Response stamp(Response r) {
            r.headers().set("X-Auth", "seen");
            return r;
        }

        @TeardownAppRequest
        void done(Throwable exc) {
            LOG.add("teardown " + (exc == null ? "ok" : exc.getClass().getSimpleName()));
        }

        @AppContextProcessor
        Map<String, Object> user() {
            return Map.of("user", String.valueOf(g().get("user", "anonymous")));
        }

        @AppErrorHandler(404)
        Object notFound(HttpException e) {
            return makeResponse("auth 404: " + e.code(), 404);
        }

        @AppErrorHandler(exception = ArithmeticException.class)
        Object math(ArithmeticException e) {
            return makeResponse("math", 500);
        }

        @Get("/login")
        String login() {
            return "login";
        }
    }

    public static class Main extends Flask {
        public Main() {
            registerBlueprint(new Auth());
        }

        @Get("/")
        String index() {
            return renderTemplateString("<p th:text=\"${user}\"></p>");
        }

        @Get("/div")
        String div() {
            return String.valueOf(1 / Integer.parseInt("0"));
        }
    }

    @Test
    void annotationFormsRegisterAppWide() {
        LOG.clear();
        TestClient client = new Main().testClient();
        var r = client.get("/?user=ann");
        assertEquals("<p>ann</p>", r.text());
        assertEquals("seen", r.header("X-Auth"));
        assertEquals("auth 404: 404", client.get("/missing").text());
        assertEquals("math", client.get("/div").text());
        assertEquals(List.of("load /", "teardown ok", "load /missing", "teardown ok", "load /div", "teardown ok"),
                LOG);
    }

    public static class WrongApp extends Flask {
        @BeforeAppRequest
        Object load() {
            return null;
        }
    }

    public static class WrongAppError extends Flask {
        @AppErrorHandler(404)
        Object nf() {
            return "x";
        }
    }

    public static class WrongAppContext extends Flask {
        @AppContextProcessor
        Map<String, Object> ctx() {
            return Map.of();
        }
    }

    @Test
    void appWideAnnotationOnAnAppIsAStartupErrorNamingTheFix() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, WrongApp::new);
        assertTrue(e.getMessage().startsWith(WrongApp.class.getName() + ".load()"), e.getMessage());
        assertTrue(e.getMessage().contains("use @BeforeRequest on an app"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, WrongAppError::new);
        assertTrue(e.getMessage().contains(WrongAppError.class.getName() + ".nf()")
                && e.getMessage().contains("use @ErrorHandler on an app"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, WrongAppContext::new);
        assertTrue(e.getMessage().contains("use @ContextProcessor on an app"), e.getMessage());
    }

    public static class BadAfter extends Blueprint {
        public BadAfter() {
            super("bad");
        }

        @AfterAppRequest
        void after() {}
    }

    @Test
    void appWideAnnotationSignatureIsChecked() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, BadAfter::new);
        assertTrue(e.getMessage().contains(BadAfter.class.getName() + ".after()")
                && e.getMessage().contains("@AfterAppRequest method must take a Response and return a Response"),
                e.getMessage());
    }
}
