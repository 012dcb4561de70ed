package dev.flaskj.templating;

import static dev.flaskj.Flask.renderTemplate;
import static dev.flaskj.Flask.renderTemplateString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.Flask;
import dev.flaskj.RequestContext;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Jinja engine behind renderTemplate: choosing it, keeping Jinjava optional, loading, caching, errors. */
class JinjaEngineTest {

    private static Flask app(Path folder) {
        Flask app = new Flask("jinja-engine-test");
        app.config().put("SECRET_KEY", "k");
        app.config().put("TEMPLATE_ENGINE", "jinja");
        app.config().put("TEMPLATE_FOLDER", folder.toString());
        return app;
    }

    private static <T> T inRequest(Flask app, Supplier<T> body) {
        try (RequestContext ctx = app.testRequestContext("/")) {
            return body.get();
        }
    }

    @Test
    void missingJinjavaIsAClearErrorNamingTheCoordinates() {
        ClassLoader hiding = new ClassLoader(JinjaEngineTest.class.getClassLoader()) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                if (name.startsWith("com.hubspot.")) {
                    throw new ClassNotFoundException(name);
                }
                return super.loadClass(name, resolve);
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> TemplateRenderer.requireJinjava(hiding));
        assertTrue(e.getMessage().contains("com.hubspot.jinjava:jinjava:2.7.4"), e.getMessage());
        TemplateRenderer.requireJinjava(JinjaEngineTest.class.getClassLoader());
    }

    /** Only the Jinja classes mention Jinjava, and only TemplateRenderer names them, by string, when chosen. */
    @Test
    void noClassOutsideTheJinjaBackendReferencesJinjava() throws IOException, URISyntaxException {
        Path classes = Path.of(Flask.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> referencing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                String text = new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1);
                if (text.contains("com/hubspot") || text.contains("jinjava/")) {
                    referencing.add(classes.relativize(p).toString().replace('\\', '/'));
                }
            }
        }
        assertFalse(referencing.isEmpty(), "the scan found the Jinja backend");
        for (String name : referencing) {
            String simple = name.substring(name.lastIndexOf('/') + 1);
            assertTrue(name.startsWith("dev/flaskj/templating/") && (simple.startsWith("Jinja")
                    || simple.startsWith("PyMethods")), "references Jinjava: " + name);
        }
    }

    @Test
    void thymeleafStaysTheDefault(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("t.html"), "<p th:text=\"${x}\">x</p>{{ x }}");
        Flask app = app(folder);
        app.config().remove("TEMPLATE_ENGINE");
        assertEquals("<p>1</p>{{ x }}", inRequest(app, () -> renderTemplate("t.html", "x", 1)));
        assertFalse(app.templateRenderer().isJinja());
    }

    @Test
    void unknownEngineIsAClearError(@TempDir Path folder) {
        Flask app = app(folder);
        app.config().put("TEMPLATE_ENGINE", "mustache");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> inRequest(app, () -> renderTemplateString("x")));
        assertTrue(e.getMessage().contains("'thymeleaf'") && e.getMessage().contains("'jinja'"), e.getMessage());
    }

    @Test
    void productionCachesAndDebugReloads(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("v.html"), "one");
        Flask prod = app(folder);
        assertEquals("one", inRequest(prod, () -> renderTemplate("v.html")));
        Flask debug = app(folder);
        debug.config().put("DEBUG", true);
        assertEquals("one", inRequest(debug, () -> renderTemplate("v.html")));
        Files.writeString(folder.resolve("v.html"), "two");
        assertEquals("one", inRequest(prod, () -> renderTemplate("v.html")));
        assertEquals("two", inRequest(debug, () -> renderTemplate("v.html")));
    }

    /** A page with what a parsed tree holds: extends, nested blocks, include, import, macro, for/else. */
    private static void writeLayout(Path folder) throws IOException {
        Files.writeString(folder.resolve("base.html"), "<title>{% block title %}base{% endblock %}</title>"
                + "{% block body %}<h1>{% block heading %}{% endblock %}</h1>{% endblock %}{% include 'nav.html' %}");
        Files.writeString(folder.resolve("nav.html"),
                "<nav>{% for x in items %}<a>{{ x }}</a>{% else %}none{% endfor %}</nav>");
        Files.writeString(folder.resolve("macros.html"), "{% macro b(t) %}<b>{{ t }}</b>{% endmacro %}");
        Files.writeString(folder.resolve("page.html"), "{% extends 'base.html' %}{% import 'macros.html' as m %}"
                + "{% block title %}{{ name }}{% endblock %}"
                + "{% block body %}{% block heading %}{{ m.b(name) }}{% endblock %}!{% endblock %}");
    }

    private static String expectedLayout(String name, List<String> items) {
        String escaped = name.replace("&", "&amp;").replace("<", "&lt;");
        StringBuilder nav = new StringBuilder();
        items.forEach(i -> nav.append("<a>").append(i).append("</a>"));
        return "<title>" + escaped + "</title><b>" + escaped + "</b>!<nav>" + (items.isEmpty() ? "none" : nav)
                + "</nav>";
    }

    @Test
    void productionParsesEachTemplateOnceDebugOnEveryRender(@TempDir Path folder) throws IOException {
        writeLayout(folder);
        Flask prod = app(folder);
        Flask debug = app(folder);
        debug.config().put("DEBUG", true);
        for (int i = 0; i < 3; i++) {
            for (Flask app : List.of(prod, debug)) {
                List<String> items = i == 1 ? List.of() : List.of("a" + i, "b");
                String name = "n<" + i;
                assertEquals(expectedLayout(name, items),
                        inRequest(app, () -> renderTemplate("page.html", "name", name, "items", items)));
            }
        }
        // page, base, nav and macros: parsed on the first render only in production, on every render in debug
        assertEquals(4, ((JinjaBackend) prod.templateRenderer().backend()).parses());
        assertEquals(12, ((JinjaBackend) debug.templateRenderer().backend()).parses());
        // and what debug parses is the file as it is now, included templates too
        Files.writeString(folder.resolve("nav.html"), "<nav>edited</nav>");
        assertEquals("<title>x</title><b>x</b>!<nav>edited</nav>",
                inRequest(debug, () -> renderTemplate("page.html", "name", "x", "items", List.of())));
        assertEquals(expectedLayout("x", List.of()),
                inRequest(prod, () -> renderTemplate("page.html", "name", "x", "items", List.of())));
    }

    @Test
    void aTemplateWithASyntaxErrorFailsOnEveryRenderInProduction(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("bad.html"), "{% include 'broken.html' %}{% include 'broken.html' %}");
        Files.writeString(folder.resolve("broken.html"), "one\n{% if x %}never closed\n");
        Flask app = app(folder);
        for (int i = 0; i < 3; i++) {
            TemplateException e = assertThrows(TemplateException.class,
                    () -> inRequest(app, () -> renderTemplate("bad.html", "x", true)));
            assertTrue(e.getMessage().contains("Missing end tag: endif"), e.getMessage());
        }
    }

    /** Roots are reused between renders: nothing one render sets, imports or defines is seen by the next. */
    @Test
    void aRenderSeesNothingThePreviousRenderDefined(@TempDir Path folder) throws IOException {
        writeLayout(folder);
        Files.writeString(folder.resolve("defines.html"), "{% set leaked = 'yes' %}{% import 'macros.html' as m %}"
                + "{% macro mine() %}x{% endmacro %}{% for i in [1] %}{% set inner = i %}{% endfor %}{{ leaked }}");
        Files.writeString(folder.resolve("reads.html"),
                "[{{ leaked }}][{{ m }}][{{ inner }}][{{ mine is defined }}][{{ name }}]");
        Flask app = app(folder);
        assertEquals("yes", inRequest(app, () -> renderTemplate("defines.html", "name", "a")));
        assertEquals(expectedLayout("b", List.of()),
                inRequest(app, () -> renderTemplate("page.html", "name", "b", "items", List.of())));
        for (int i = 0; i < 3; i++) {
            assertEquals("[][][][False][]", inRequest(app, () -> renderTemplate("reads.html")));
        }
        // one render at a time: every render took the root the one before gave back
        assertEquals(1, ((JinjaBackend) app.templateRenderer().backend()).pooledRoots());
    }

    @Test
    void concurrentRendersOfOneCachedTreeAreCorrect(@TempDir Path folder) throws Exception {
        writeLayout(folder);
        Flask app = app(folder);
        assertEquals(expectedLayout("warm", List.of()),
                inRequest(app, () -> renderTemplate("page.html", "name", "warm", "items", List.of())));
        int threads = 6;
        int renders = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<List<String>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    List<String> wrong = new ArrayList<>();
                    for (int r = 0; r < renders; r++) {
                        String name = "t" + thread + "<" + r;
                        List<String> items = r % 3 == 0 ? List.of() : List.of("x" + thread, "y" + r);
                        String out = inRequest(app, () -> renderTemplate("page.html", "name", name, "items", items));
                        if (!out.equals(expectedLayout(name, items))) {
                            wrong.add(out);
                        }
                    }
                    return wrong;
                }));
            }
            for (Future<List<String>> f : results) {
                assertEquals(List.of(), f.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
        assertEquals(4, ((JinjaBackend) app.templateRenderer().backend()).parses());
    }

    @Test
    void missingTemplatesNameWhereTheyWereLookedFor(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("inc.html"), "a{% include 'gone.html' %}b");
        Flask app = app(folder);
        TemplateNotFoundException e = assertThrows(TemplateNotFoundException.class,
                () -> inRequest(app, () -> renderTemplate("nope.html")));
        assertTrue(e.getMessage().contains("nope.html"), e.getMessage());
        assertFalse(app.templateRenderer().exists("nope.html"));
        assertTrue(app.templateRenderer().exists("inc.html"));
        RuntimeException inc = assertThrows(RuntimeException.class,
                () -> inRequest(app, () -> renderTemplate("inc.html")));
        assertTrue(inc.getMessage().contains("gone.html"), inc.getMessage());
        assertThrows(TemplateNotFoundException.class, () -> inRequest(app, () -> renderTemplate("../x.html")));
    }

    @Test
    void syntaxErrorsNameTheTemplateAndLine(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("bad.html"), "one\ntwo\n{% if x %}never closed\n");
        Flask app = app(folder);
        TemplateException e = assertThrows(TemplateException.class,
                () -> inRequest(app, () -> renderTemplate("bad.html", "x", true)));
        assertTrue(e.getMessage().contains("bad.html"), e.getMessage());
        assertEquals("bad.html", e.templateName());
        assertEquals(3, e.line(), e.getMessage());
    }

    @Test
    void formValuesOnPostAndUndefinedOnGet(@TempDir Path folder) {
        Flask app = app(folder);
        String src = "{{ request.form['title'] or 'untitled' }}";
        try (RequestContext ctx = app.testRequestContext(dev.flaskj.testing.TestRequest.post("/")
                .form("title", "Hi <there>"))) {
            assertEquals("Hi &lt;there&gt;", renderTemplateString(src));
        }
        assertEquals("untitled", inRequest(app, () -> renderTemplateString(src)));
    }

    @Test
    void streamTemplateUsesJinjaToo(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("s.html"), "{% for i in range(3) %}{{ i }}{% endfor %}");
        Flask app = app(folder);
        app.addUrlRule("/s", "s", args -> Flask.streamTemplate("s.html"));
        assertEquals("012", app.testClient().get("/s").text());
    }
}
