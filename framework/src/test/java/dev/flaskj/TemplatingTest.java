package dev.flaskj;

import static dev.flaskj.Flask.flash;
import static dev.flaskj.Flask.g;
import static dev.flaskj.Flask.renderTemplate;
import static dev.flaskj.Flask.renderTemplateString;
import static dev.flaskj.Flask.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.flaskj.templating.TemplateException;
import dev.flaskj.templating.TemplateNotFoundException;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.net.MalformedURLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Templates through the whole pipeline: lookup, context, escaping, layouts, errors, cache. */
class TemplatingTest {

    private static Flask app() {
        Flask app = new Flask("templating-test");
        app.config().put("SECRET_KEY", "test key");
        app.config().put("THEME", "dark");
        app.addUrlRule("/hello/<name>", "hello", args -> renderTemplate("hello.html", "name", args.get("name")));
        return app;
    }

    private static String body(Flask app, String uri) {
        FakeExchange.Result r = FakeExchange.get(app, uri).run();
        assertEquals(200, r.status(), r.text());
        return r.text();
    }

    @Test
    void renderTemplateIsHtmlAndEscapesByDefault() {
        Flask app = app();
        FakeExchange.Result r = FakeExchange.get(app, "/hello/%3Cb%3E").run();
        assertEquals(200, r.status());
        assertEquals("text/html; charset=utf-8", r.header("Content-Type"));
        assertEquals("<p>Hello, &lt;b&gt;!</p>\n", r.text());
    }

    @Test
    void layoutWithParameterisedFragmentsAndUtext() {
        Flask app = app();
        app.addUrlRule("/page", "page", args -> renderTemplate("page.html",
                Map.of("name", "<Ann>", "trusted", new Markup("<em>ok</em>"))));
        String html = body(app, "/page");
        assertTrue(html.contains("<title>Page &lt;Ann&gt;</title>"), html);
        assertTrue(html.contains("<p>&lt;Ann&gt;</p><p><em>ok</em></p>"), html);
        assertTrue(html.contains("<a href=\"/\">home</a>"), html);
        assertTrue(html.contains("href=\"/static/style.css\""), html);
        assertFalse(html.contains("Default title"), html);
    }

    @Test
    void contextHasRequestSessionGConfigUrlForAndFlashes() {
        Flask app = app();
        app.addUrlRule("/ctx", "ctx", args -> {
            session().put("username", "bob");
            g().put("user", "g-user");
            flash("saved <1>");
            flash("bad", "error");
            return renderTemplate("context.html");
        });
        String html = body(app, "/ctx");
        assertTrue(html.contains("<p id=\"req\">/ctx</p>"), html);
        assertTrue(html.contains("<p id=\"sess\">bob</p>"), html);
        assertTrue(html.contains("<p id=\"g\">g-user</p>"), html);
        assertTrue(html.contains("<p id=\"cfg\">dark</p>"), html);
        assertTrue(html.contains("<p id=\"cfg2\">dark</p>"), html);
        assertTrue(html.contains("<p id=\"url\">/hello/a%20b</p>"), html);
        assertTrue(html.contains("<p id=\"link\">/about?page=2</p>"), html);
        assertTrue(html.contains("<li>message:saved &lt;1&gt;</li><li>error:bad</li>"), html);
        assertTrue(html.contains("<p id=\"flashes\">[saved &lt;1&gt;, bad]</p>"), html);
    }

    @Test
    void webContextInAContainerReadsWebappTemplatesAndFlaskSession(@TempDir Path webapp) throws IOException {
        Files.createDirectories(webapp.resolve("templates"));
        Files.writeString(webapp.resolve("templates/w.html"), "<p th:text=\"${session.username}\">s</p>"
                + "<a th:href=\"@{/x}\">x</a>");
        Flask app = app();
        app.initServletContext(servletContext(webapp, "/ctx"));
        app.addUrlRule("/w", "w", args -> {
            session().put("username", "carol");
            return renderTemplate("w.html");
        });
        FakeExchange.Result r = FakeExchange.get(app, "/w?q=1").contextPath("/ctx")
                .servletContext(app.servletContext()).run();
        assertEquals("<p>carol</p><a href=\"/ctx/x\">x</a>", r.text());
    }

    @Test
    void webappFallsBackToClasspathTemplates(@TempDir Path webapp) {
        Flask app = app();
        app.initServletContext(servletContext(webapp, ""));
        assertEquals("<p>Hello, x!</p>\n", FakeExchange.get(app, "/hello/x")
                .servletContext(app.servletContext()).run().text());
    }

    @Test
    void linksOutsideAWebContextGetTheScriptRoot() {
        Flask app = app();
        app.addUrlRule("/l", "l", args -> renderTemplateString("<a th:href=\"@{/x/y}\">x</a>"));
        assertEquals("<a href=\"/app/x/y\">x</a>", FakeExchange.get(app, "/l").contextPath("/app").run().text());
    }

    @Test
    void renderTemplateStringEscapesAndSeesVariables() {
        Flask app = app();
        app.addUrlRule("/s", "s", args -> renderTemplateString("<b th:text=\"${v}\">v</b>[[${v}]][(${v})]",
                "v", "<i>"));
        assertEquals("<b>&lt;i&gt;</b>&lt;i&gt;<i>", body(app, "/s"));
    }

    @Test
    void stringTemplatesCanUseFileLayouts() {
        Flask app = app();
        app.addUrlRule("/s", "s", args -> renderTemplateString("<div th:replace=\"~{sub/inner.html}\"></div>",
                "name", "n"));
        assertEquals("<i>n</i>\n", body(app, "/s"));
    }

    @Test
    void textTemplatesByExtension() {
        Flask app = app();
        app.addUrlRule("/t", "t", args -> renderTemplate("note.txt", "name", "Ann"));
        assertEquals("Dear Ann, 1 < 2\n", body(app, "/t"));
    }

    @Test
    void configuredFolderWinsAndCacheFollowsDebug(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("v.html"), "one");
        Flask app = app();
        app.config().put("TEMPLATE_FOLDER", folder.toString());
        app.config().put("DEBUG", true);
        app.config().put("PROPAGATE_EXCEPTIONS", false);
        app.addUrlRule("/v", "v", args -> renderTemplate("v.html"));
        assertEquals("one", body(app, "/v"));
        Files.writeString(folder.resolve("v.html"), "two");
        assertEquals("two", body(app, "/v"));
    }

    @Test
    void productionCachesTemplates(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("v.html"), "one");
        Flask app = app();
        app.config().put("TEMPLATE_FOLDER", folder.toString());
        app.addUrlRule("/v", "v", args -> renderTemplate("v.html"));
        assertEquals("one", body(app, "/v"));
        Files.writeString(folder.resolve("v.html"), "two");
        assertEquals("one", body(app, "/v"));
    }

    @Test
    void missingTemplateIs500AndNamesWhereItLooked() {
        Flask app = app();
        app.addUrlRule("/m", "m", args -> renderTemplate("nope.html"));
        assertEquals(500, FakeExchange.get(app, "/m").run().status());
        TemplateNotFoundException e = renderFails(app(), () -> renderTemplate("nope.html"),
                TemplateNotFoundException.class);
        assertEquals("nope.html", e.templateName());
        assertEquals(java.util.List.of("classpath templates/nope.html"), e.searched());
    }

    @Test
    void missingIncludedTemplateIsNotFoundToo() {
        TemplateNotFoundException e = renderFails(app(), () -> renderTemplate("includes-missing.html"),
                TemplateNotFoundException.class);
        assertEquals("nowhere", e.templateName());
    }

    @Test
    void namesThatLeaveTheFolderAreRefused() {
        for (String name : new String[] {"../templates/hello.html", "sub/../../x.html", "a\\b.html", "x\0.html"}) {
            TemplateNotFoundException e = renderFails(app(), () -> renderTemplate(name),
                    TemplateNotFoundException.class);
            assertTrue(e.searched().isEmpty(), name);
        }
        // Jinja's split_template_path drops empty and "." segments.
        Flask app = app();
        app.addUrlRule("/d", "d", args -> renderTemplate("./sub//inner.html", "name", "k"));
        assertEquals("<i>k</i>\n", body(app, "/d"));
    }

    @Test
    void syntaxAndEvaluationErrorsNameTemplateAndLine() {
        TemplateException syntax = renderFails(app(), () -> renderTemplate("broken.html", "name", "n"),
                TemplateException.class);
        assertEquals("broken.html", syntax.templateName());
        assertEquals(2, syntax.line());
        TemplateException eval = renderFails(app(), () -> renderTemplate("bad-expr.html", "thing", "s"),
                TemplateException.class);
        assertEquals("bad-expr.html", eval.templateName());
        assertEquals(3, eval.line());
        assertTrue(eval.getMessage().contains("bad-expr.html' line 3"), eval.getMessage());
    }

    @Test
    void debugPageShowsTemplateError() {
        Flask app = app();
        app.config().put("DEBUG", true);
        app.addUrlRule("/b", "b", args -> renderTemplate("bad-expr.html", "thing", "s"));
        FakeExchange.Result r = FakeExchange.get(app, "/b").run();
        assertEquals(500, r.status());
        assertTrue(r.text().contains("Error in template &#39;bad-expr.html&#39; line 3"), r.text());
    }

    @Test
    void reservedNamesAreRefused() {
        IllegalArgumentException e = renderFails(app(), () -> renderTemplate("hello.html", "session", "x"),
                IllegalArgumentException.class);
        assertTrue(e.getMessage().contains("'session' is reserved"), e.getMessage());
    }

    @Test
    @SuppressWarnings("try") // the context only needs to be open
    void rendersInAnAppContextWithoutARequest() {
        Flask app = app();
        try (AppContext ctx = app.appContext()) {
            assertEquals("<p>Hello, x!</p>\n", renderTemplate("hello.html", "name", "x"));
        }
    }

    private static <T extends Throwable> T renderFails(Flask app, Runnable render, Class<T> type) {
        Throwable[] caught = new Throwable[1];
        app.addUrlRule("/fail", "fail", args -> {
            try {
                render.run();
            } catch (Throwable t) {
                caught[0] = t;
            }
            return "";
        });
        FakeExchange.get(app, "/fail").run();
        return assertInstanceOf(type, caught[0]);
    }

    static ServletContext servletContext(Path webapp, String contextPath) {
        ServletContext sc = mock(ServletContext.class);
        when(sc.getContextPath()).thenReturn(contextPath);
        when(sc.getAttributeNames()).thenReturn(Collections.emptyEnumeration());
        try {
            when(sc.getResource(anyString())).thenAnswer(i -> {
                Path p = webapp.resolve(((String) i.getArgument(0)).substring(1));
                return Files.exists(p) ? p.toUri().toURL() : null;
            });
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
        when(sc.getResourceAsStream(anyString())).thenAnswer(i -> {
            Path p = webapp.resolve(((String) i.getArgument(0)).substring(1));
            return Files.exists(p) ? Files.newInputStream(p) : null;
        });
        when(sc.getRealPath(anyString())).thenAnswer(i ->
                webapp.resolve(((String) i.getArgument(0)).substring(1)).toString());
        return sc;
    }

}
