package dev.flaskj;

import static dev.flaskj.Flask.flash;
import static dev.flaskj.Flask.redirect;
import static dev.flaskj.Flask.renderTemplate;
import static dev.flaskj.Flask.renderTemplateString;
import static dev.flaskj.Flask.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.testing.TestClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Flask's signals, sent where Flask 3.1 sends them (Flask's tests/test_signals.py, cases named on each test; the
 * expected orders are what Flask 3.1 records for the same apps).
 */
class SignalsTest {
    /** test_signals.py::test_template_rendered. */
    @Test
    void templateRenderedCarriesTheTemplateNameAndContext() {
        Flask app = new Flask("tr");
        app.addUrlRule("/", "index", a -> renderTemplate("hello.html", "name", "whiskey"));
        List<Signals.TemplateRendered> recorded = new ArrayList<>();
        try (Signal.Connection c = Signals.TEMPLATE_RENDERED.connect(app, recorded::add)) {
            app.testClient().get("/");
        }
        assertEquals(1, recorded.size());
        assertEquals("hello.html", recorded.get(0).template());
        assertEquals("whiskey", recorded.get(0).context().get("name"));
        assertSame(app, recorded.get(0).app());
        assertTrue(recorded.get(0).context().containsKey("request"), "Flask's context has request and g");
        assertTrue(recorded.get(0).context().containsKey("g"));
    }

    /** test_signals.py::test_before_render_template: a listener's change to the context is what renders. */
    @Test
    void beforeRenderTemplateMayChangeTheContext() {
        Flask app = new Flask("brt");
        app.addUrlRule("/", "index", a -> renderTemplateString("<h1>[[${whiskey}]]</h1>", "whiskey", 42));
        List<Signals.BeforeRenderTemplate> recorded = new ArrayList<>();
        try (var c = Signals.BEFORE_RENDER_TEMPLATE.connect(app, r -> {
            r.context().put("whiskey", 43);
            recorded.add(r);
        })) {
            assertEquals("<h1>43</h1>", app.testClient().get("/").text());
        }
        assertEquals(1, recorded.size());
        assertNull(recorded.get(0).template(), "a string template has no name, as in Jinja");
        assertEquals(43, recorded.get(0).context().get("whiskey"));
    }

    /** test_signals.py::test_request_signals: request_started before the before-hooks, finished after the after-hooks. */
    @Test
    void requestSignalsBracketTheHooks() {
        Flask app = new Flask("rs");
        List<String> calls = new ArrayList<>();
        app.beforeRequest(() -> {
            calls.add("before-handler");
            return null;
        });
        app.afterRequest(r -> {
            calls.add("after-handler");
            return new Response("stuff");
        });
        app.addUrlRule("/", "index", a -> {
            calls.add("handler");
            return "ignored anyway";
        });
        try (var s = Signals.REQUEST_STARTED.connect(app, p -> {
            calls.add("before-signal");
            assertEquals("/", request().path(), "the request context is pushed");
        }); var f = Signals.REQUEST_FINISHED.connect(app, p -> {
            assertEquals("stuff", p.response().text());
            calls.add("after-signal");
        })) {
            assertEquals("stuff", app.testClient().get("/").text());
        }
        assertEquals(List.of("before-signal", "before-handler", "handler", "after-handler", "after-signal"), calls);
    }

    /** test_signals.py::test_request_exception_signal. */
    @Test
    void gotRequestExceptionGetsTheUnhandledException() {
        Flask app = new Flask("gre");
        TemplateFiltersTest.captureLog(app);
        app.addUrlRule("/", "index", a -> 1 / Integer.parseInt("0"));
        List<Throwable> recorded = new ArrayList<>();
        try (var c = Signals.GOT_REQUEST_EXCEPTION.connect(app, p -> recorded.add(p.exception()))) {
            assertEquals(500, app.testClient().get("/").status());
        }
        assertEquals(1, recorded.size());
        assertInstanceOf(ArithmeticException.class, recorded.get(0));
    }

    /**
     * The whole order of one request that fails, as Flask 3.1 records it: the teardown signals get the exception
     * even though a 500 was answered.
     */
    @Test
    void theFullOrderOfARequest() {
        Flask app = new Flask("order");
        TemplateFiltersTest.captureLog(app);
        List<String> calls = Collections.synchronizedList(new ArrayList<>());
        app.teardownRequest(e -> calls.add("teardown_request"));
        app.teardownAppcontext(e -> calls.add("teardown_appcontext"));
        app.addUrlRule("/", "index", a -> {
            flash("hi", "notice");
            throw new IllegalStateException("x");
        });
        app.config().put("SECRET_KEY", "k");
        List<AutoCloseable> cs = List.of(
                Signals.APPCONTEXT_PUSHED.connect(app, p -> calls.add("appcontext_pushed")),
                Signals.REQUEST_STARTED.connect(app, p -> calls.add("request_started")),
                Signals.MESSAGE_FLASHED.connect(app, p -> calls.add("message_flashed " + p.message() + " "
                        + p.category())),
                Signals.GOT_REQUEST_EXCEPTION.connect(app, p -> calls.add("got_request_exception")),
                Signals.REQUEST_FINISHED.connect(app, p -> calls.add("request_finished " + p.response().status())),
                Signals.REQUEST_TEARING_DOWN.connect(app, p -> calls.add("request_tearing_down "
                        + p.exc().getMessage())),
                Signals.APPCONTEXT_TEARING_DOWN.connect(app, p -> calls.add("appcontext_tearing_down "
                        + p.exc().getMessage())),
                Signals.APPCONTEXT_POPPED.connect(app, p -> calls.add("appcontext_popped")));
        assertEquals(500, app.testClient().get("/").status());
        assertEquals(List.of("appcontext_pushed", "request_started", "message_flashed hi notice",
                "got_request_exception", "request_finished 500", "teardown_request", "request_tearing_down x",
                "teardown_appcontext", "appcontext_tearing_down x", "appcontext_popped"), calls);
        cs.forEach(c -> assertDoesNotThrow(c::close));
        calls.clear();
        app.testClient().get("/");
        assertEquals(List.of("teardown_request", "teardown_appcontext"), calls, "closed connections hear nothing");
    }

    private static void assertDoesNotThrow(org.junit.jupiter.api.function.Executable e) {
        org.junit.jupiter.api.Assertions.assertDoesNotThrow(e);
    }

    /** test_signals.py::test_flash_signal. */
    @Test
    void messageFlashedCarriesMessageAndCategory() {
        Flask app = new Flask("fl");
        app.config().put("SECRET_KEY", "k");
        app.addUrlRule("/", "index", a -> {
            flash("This is a flash message", "notice");
            return redirect("/other");
        });
        List<Signals.MessageFlashed> recorded = new ArrayList<>();
        try (var c = Signals.MESSAGE_FLASHED.connect(app, recorded::add)) {
            app.testClient().get("/");
        }
        assertEquals(1, recorded.size());
        assertEquals("This is a flash message", recorded.get(0).message());
        assertEquals("notice", recorded.get(0).category());
    }

    /** test_signals.py::test_appcontext_signals and the app context outside requests. */
    @Test
    void appcontextSignalsOnPushAndPop() {
        Flask app = new Flask("ac");
        List<String> recorded = new ArrayList<>();
        try (var a = Signals.APPCONTEXT_PUSHED.connect(app, p -> recorded.add("push"));
                var b = Signals.APPCONTEXT_POPPED.connect(app, p -> recorded.add("pop"));
                var t = Signals.APPCONTEXT_TEARING_DOWN.connect(app, p -> recorded.add("td " + p.exc()))) {
            try (AppContext ctx = app.appContext()) {
                assertEquals(List.of("push"), recorded);
            }
        }
        assertEquals(List.of("push", "td null", "pop"), recorded);
    }

    /** Connections are per app: another app's requests are not heard. */
    @Test
    void twoAppsDoNotHearEachOther() {
        Flask one = new Flask("one");
        Flask two = new Flask("two");
        one.addUrlRule("/", "i", a -> "1");
        two.addUrlRule("/", "i", a -> "2");
        List<String> heard = new ArrayList<>();
        try (var c = Signals.REQUEST_STARTED.connect(one, p -> heard.add(p.app().name()))) {
            two.testClient().get("/");
            one.testClient().get("/");
        }
        assertEquals(List.of("one"), heard);
    }

    /** Flask: a listener's exception is the request's: request_started's goes to the error handlers. */
    @Test
    void aListenersExceptionIsTheRequestsException() {
        Flask app = new Flask("le");
        app.addUrlRule("/", "i", a -> "view");
        app.errorHandler(IllegalStateException.class, e -> new Response("handled " + e.getMessage(), 418));
        try (var c = Signals.REQUEST_STARTED.connect(app, p -> {
            throw new IllegalStateException("listener");
        })) {
            TestClient client = app.testClient();
            var r = client.get("/");
            assertEquals(418, r.status());
            assertEquals("handled listener", r.text());
        }
        app.config().put("TESTING", true);
        try (var c = Signals.TEMPLATE_RENDERED.connect(app, p -> {
            throw new IllegalArgumentException("after render");
        })) {
            try (AppContext ctx = app.appContext()) {
                assertThrows(IllegalArgumentException.class, () -> renderTemplateString("x"));
            }
        }
    }

    /** A failing appcontext_pushed listener leaves nothing pushed (the caller never got the context to pop). */
    @Test
    void aFailingPushListenerLeavesNoContext() {
        Flask app = new Flask("fp");
        try (var c = Signals.APPCONTEXT_PUSHED.connect(app, p -> {
            throw new IllegalStateException("no");
        })) {
            assertThrows(IllegalStateException.class, app::appContext);
            assertTrue(!Flask.hasAppContext());
        }
    }

    /** Connecting and disconnecting while another thread sends is safe; each connection closes independently. */
    @Test
    void connectAndDisconnectConcurrentlyWithRequests() throws Exception {
        Flask app = new Flask("cc");
        app.addUrlRule("/", "i", a -> "ok");
        AtomicInteger heard = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch started = new CountDownLatch(1);
        Thread requests = new Thread(() -> {
            TestClient client = app.testClient();
            started.countDown();
            while (!stop.get()) {
                try {
                    assertEquals("ok", client.get("/").text());
                } catch (Throwable t) {
                    errors.add(t);
                    return;
                }
            }
        });
        requests.start();
        started.await();
        for (int i = 0; i < 200; i++) {
            try (var c = Signals.REQUEST_FINISHED.connect(app, p -> heard.incrementAndGet())) {
                Thread.onSpinWait();
            }
        }
        stop.set(true);
        requests.join(10_000);
        assertEquals(List.of(), errors);
        int after = heard.get();
        app.testClient().get("/");
        assertEquals(after, heard.get(), "every connection was closed");
    }
}
