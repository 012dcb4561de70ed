package dev.flaskj;

import static dev.flaskj.Flask.renderTemplateString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.templating.TemplateException;
import dev.flaskj.testing.TestClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/**
 * Template filters, globals and tests (Flask's tests/test_templating.py and tests/test_blueprints.py cases named
 * on each test), called from Thymeleaf as {@code #flask.filter}, {@code #flask.test} and plain variables.
 */
class TemplateFiltersTest {
    private static String reverse(Object value, Object... args) {
        return new StringBuilder(String.valueOf(value)).reverse().toString();
    }

    /** test_templating.py::test_add_template_filter, test_template_filter_with_template. */
    @Test
    void aRegisteredFilterIsCalledWithTheValue() {
        Flask app = new Flask("f");
        app.templateFilter("my_reverse", TemplateFiltersTest::reverse);
        app.addUrlRule("/", "index", a -> renderTemplateString("[[${#flask.filter('my_reverse', value)}]]",
                "value", "abcd"));
        assertEquals("dcba", app.testClient().get("/").text());
        assertTrue(app.templateFilters().containsKey("my_reverse"));
    }

    /** Jinja's {@code value|truncate(3, '…')}: the arguments after the value reach the filter in order. */
    @Test
    void filterArgumentsArePassedInOrder() {
        Flask app = new Flask("f");
        app.templateFilter("cut", (v, args) -> String.valueOf(v).substring(0, (Integer) args[0]) + args[1]);
        try (AppContext ctx = app.appContext()) {
            assertEquals("abc~", renderTemplateString("[[${#flask.filter('cut', 'abcdef', 3, '~')}]]"));
        }
    }

    /** test_templating.py::test_add_template_test, test_template_test_with_template. */
    @Test
    void aRegisteredTestAnswersThIf() {
        Flask app = new Flask("t");
        app.templateTest("boolean", (v, args) -> v instanceof Boolean);
        try (AppContext ctx = app.appContext()) {
            assertEquals("yes", renderTemplateString(
                    "<span th:if=\"${#flask.test('boolean', value)}\">yes</span>"
                    + "<span th:if=\"${#flask.test('boolean', other)}\">no</span>", "value", false, "other", "x")
                    .replace("<span>", "").replace("</span>", ""));
        }
    }

    /** test_templating.py::test_add_template_global: a global is a plain variable. */
    @Test
    void aGlobalIsAPlainVariable() {
        Flask app = new Flask("g");
        app.templateGlobal("site", "Flaskr");
        try (AppContext ctx = app.appContext()) {
            assertEquals("Flaskr", renderTemplateString("[[${site}]]"));
        }
    }

    /** Jinja: the render context overrides globals; context processors too (they are part of that context). */
    @Test
    void passedVariablesAndContextProcessorsOverrideGlobals() {
        Flask app = new Flask("g");
        app.templateGlobal("a", "global");
        app.templateGlobal("b", "global");
        app.templateGlobal("c", "global");
        app.contextProcessor(() -> Map.of("b", "processor"));
        try (AppContext ctx = app.appContext()) {
            assertEquals("passed processor global", renderTemplateString("[[${a}]] [[${b}]] [[${c}]]", "a",
                    "passed"));
        }
    }

    /** test_blueprints.py::test_template_filter, test_add_template_test, test_template_global (app-wide). */
    @Test
    void blueprintRegistrationsAreAppWide() {
        Blueprint bp = new Blueprint("bp") {};
        bp.appTemplateFilter("my_reverse", TemplateFiltersTest::reverse);
        bp.appTemplateTest("is_boolean", (v, args) -> v instanceof Boolean);
        bp.appTemplateGlobal("answer", 42);
        Flask app = new Flask("bpapp");
        assertTrue(app.templateFilters().isEmpty(), "nothing before the blueprint is registered");
        app.registerBlueprint(bp);
        app.addUrlRule("/", "index", a -> renderTemplateString(
                "[[${#flask.filter('my_reverse', 'abc')}]] [[${#flask.test('is_boolean', true)}]] [[${answer}]]"));
        assertEquals("cba true 42", app.testClient().get("/").text());
    }

    static class Annotated extends Flask {
        Annotated() {
            super("annotated");
        }

        @AsTemplateFilter("shout")
        String shout(String value, int times) {
            return value.toUpperCase().repeat(times);
        }

        @AsTemplateFilter
        String joined(Object value, String... parts) {
            return value + String.join("", parts);
        }

        @AsTemplateTest("even")
        boolean even(long n) {
            return n % 2 == 0;
        }
    }

    static class AnnotatedBlueprint extends Blueprint {
        AnnotatedBlueprint() {
            super("abp");
        }

        @AsTemplateFilter
        String twice(String s) {
            return s + s;
        }
    }

    /** The annotation forms: name from the annotation or the method; numbers converted; varargs collect the rest. */
    @Test
    void annotatedMethodsAreFiltersAndTests() {
        Annotated app = new Annotated();
        app.registerBlueprint(new AnnotatedBlueprint());
        try (AppContext ctx = app.appContext()) {
            assertEquals("HIHI", renderTemplateString("[[${#flask.filter('shout', 'hi', 2)}]]"));
            assertEquals("a-b-c", renderTemplateString("[[${#flask.filter('joined', 'a', '-b', '-c')}]]"));
            assertEquals("a", renderTemplateString("[[${#flask.filter('joined', 'a')}]]"));
            assertEquals("true false", renderTemplateString(
                    "[[${#flask.test('even', 4)}]] [[${#flask.test('even', 3)}]]"));
            assertEquals("xx", renderTemplateString("[[${#flask.filter('twice', 'x')}]]"));
            TemplateException e = assertThrows(TemplateException.class,
                    () -> renderTemplateString("[[${#flask.filter('shout', 'hi')}]]"));
            assertTrue(e.getMessage().contains("template function 'shout' (shout) takes 1 argument(s) after the"
                    + " value, got 0"), e.getMessage());
        }
    }

    @Test
    void anAnnotatedTestMustReturnBoolean() {
        class Bad extends Flask {
            @AsTemplateTest
            String notATest(Object v) {
                return "";
            }
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, Bad::new);
        assertTrue(e.getMessage().contains("must return boolean"), e.getMessage());
    }

    /** Jinja: "No filter named 'x'." (a TemplateAssertionError); here the render's TemplateException. */
    @Test
    void anUnknownFilterOrTestFailsTheRenderWithJinjasMessage() {
        Flask app = new Flask("u");
        try (AppContext ctx = app.appContext()) {
            TemplateException f = assertThrows(TemplateException.class,
                    () -> renderTemplateString("[[${#flask.filter('nope', 1)}]]"));
            assertTrue(f.getMessage().contains("No filter named 'nope'."), f.getMessage());
            TemplateException t = assertThrows(TemplateException.class,
                    () -> renderTemplateString("[[${#flask.test('nope', 1)}]]"));
            assertTrue(t.getMessage().contains("No test named 'nope'."), t.getMessage());
        }
    }

    /**
     * A filter that throws fails the view: a 500, logged with the template's name and line, the filter's exception
     * kept as the cause.
     */
    @Test
    void aFilterThatThrowsIsTheViewsErrorWithTemplateAndLine() {
        Flask app = new Flask("boom");
        IllegalStateException boom = new IllegalStateException("filter exploded");
        app.templateFilter("explode", (v, args) -> {
            throw boom;
        });
        app.addUrlRule("/", "index", a -> renderTemplateString("<p>one</p>\n<p>two</p>\n"
                + "<p th:text=\"${#flask.filter('explode', 1)}\"></p>"));
        List<LogRecord> records = captureLog(app);
        TestClient client = app.testClient();
        assertEquals(500, client.get("/").status());
        assertEquals(1, records.size());
        Throwable logged = records.get(0).getThrown();
        TemplateException te = assertInstanceOf(TemplateException.class, logged);
        assertEquals("<string>", te.templateName());
        assertEquals(3, te.line());
        assertTrue(te.getMessage().contains("Error in template '<string>' line 3"), te.getMessage());
        assertTrue(te.getMessage().contains("filter exploded"), te.getMessage());
        assertTrue(causes(te).contains(boom), "the filter's exception is in the cause chain");
    }

    /** A checked exception from a filter reaches the render's error unchanged, as the cause. */
    @Test
    void aCheckedFilterExceptionIsKeptAsTheCause() {
        Flask app = new Flask("checked");
        java.io.IOException io = new java.io.IOException("disk");
        app.templateFilter("read", (v, args) -> {
            throw io;
        });
        try (AppContext ctx = app.appContext()) {
            TemplateException te = assertThrows(TemplateException.class,
                    () -> renderTemplateString("[[${#flask.filter('read', 1)}]]"));
            assertTrue(causes(te).contains(io));
        }
    }

    /** Setup rules: Flask's setupmethod refuses registrations after the first request. */
    @Test
    void registrationAfterTheFirstRequestIsRefused() {
        Flask app = new Flask("late");
        app.addUrlRule("/", "index", a -> "x");
        app.testClient().get("/");
        assertThrows(IllegalStateException.class, () -> app.templateFilter("f", (v, a) -> v));
        assertThrows(IllegalStateException.class, () -> app.templateGlobal("g2", 1));
        assertThrows(IllegalStateException.class, () -> app.templateTest("t", (v, a) -> true));
    }

    @Test
    void thymeleafReservedNamesCannotBeGlobals() {
        Flask app = new Flask("r");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> app.templateGlobal("session", 1));
        assertTrue(e.getMessage().contains("reserved"), e.getMessage());
    }

    private static <T> T assertInstanceOf(Class<T> type, Object o) {
        return org.junit.jupiter.api.Assertions.assertInstanceOf(type, o);
    }

    private static List<Throwable> causes(Throwable t) {
        List<Throwable> out = new ArrayList<>();
        for (Throwable c = t; c != null; c = c.getCause()) {
            out.add(c);
        }
        return out;
    }

    /** Records the app logger's records instead of printing them (the test provokes the error on purpose). */
    static List<LogRecord> captureLog(Flask app) {
        List<LogRecord> records = new ArrayList<>();
        app.logger().setUseParentHandlers(false);
        app.logger().addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        });
        return records;
    }
}
