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
