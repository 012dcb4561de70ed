package dev.flaskj;

import static dev.flaskj.Flask.g;
import static dev.flaskj.Flask.renderTemplate;
import static dev.flaskj.Flask.request;
import static dev.flaskj.Flask.session;
import static dev.flaskj.Flask.streamTemplate;
import static dev.flaskj.Flask.streamTemplateString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.templating.TemplateException;
import dev.flaskj.templating.TemplateNotFoundException;
import dev.flaskj.testing.TestResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code renderTemplate(List, ...)} (Flask's {@code render_template} with a list: Jinja's {@code select_template})
 * and {@code streamTemplate} / {@code streamTemplateString} (Flask's {@code stream_template},
 * {@code stream_template_string}: rendered while the response is written, the request context still available).
 */
class TemplateHelpersTest {
    @TempDir
    Path folder;

    private Flask app;

    @BeforeEach
    void templates() throws IOException {
        Files.writeString(folder.resolve("a.html"), "<p>A <span th:text=\"${name}\">n</span></p>");
        Files.writeString(folder.resolve("b.html"), "<p>B <span th:text=\"${name}\">n</span></p>");
        Files.writeString(folder.resolve("broken-include.html"), "<div th:replace=\"~{nope.html}\"></div>");
        Files.writeString(folder.resolve("ctx.html"), "<p th:text=\"${request.path}\"></p>"
                + "<p th:text=\"${session.user}\"></p><p th:text=\"${g.who}\"></p>"
                + "<p th:text=\"${#flask.urlFor('x')}\"></p><p th:text=\"${probe}\"></p><p th:text=\"${extra}\"></p>");
        Files.writeString(folder.resolve("rows.html"), "<ul><li th:each=\"r : ${rows}\" th:text=\"${r}\"></li></ul>");
        app = new Flask("t");
        app.config().put("SECRET_KEY", "k");
        app.config().put("TEMPLATE_FOLDER", folder.toString());
    }

    // ------------------------------------------------------------------ renderTemplate(List)

    /** Jinja select_template: the first name that exists is rendered. */
    @Test
    void firstExistingTemplateOfAList() {
        try (var ctx = app.testRequestContext("/")) {
            assertEquals("<p>B <span>x</span></p>", renderTemplate(List.of("missing.html", "b.html", "a.html"),
                    "name", "x"));
            assertEquals("<p>A <span>y</span></p>", renderTemplate(List.of("a.html", "b.html"), Map.of("name", "y")));
        }
    }

    /** Jinja TemplatesNotFound: every name is listed. */
    @Test
    void noneExistsListsAllNames() {
        try (var ctx = app.testRequestContext("/")) {
            TemplateNotFoundException e = assertThrows(TemplateNotFoundException.class,
                    () -> renderTemplate(List.of("x.html", "y/z.html")));
            assertEquals("none of the templates given were found: x.html, y/z.html", e.getMessage());
            assertEquals(List.of("x.html", "y/z.html"), e.searched());
            TemplateNotFoundException empty = assertThrows(TemplateNotFoundException.class,
                    () -> renderTemplate(List.of()));
            assertEquals("Tried to select from an empty list of templates.", empty.getMessage());
            assertThrows(TemplateNotFoundException.class, () -> renderTemplate(List.of("../a.html")));
        }
    }

    /** Selection is by existence only: a chosen template whose include is missing fails, it is not skipped. */
    @Test
    void aSelectedTemplateThatFailsIsNotSkipped() {
        try (var ctx = app.testRequestContext("/")) {
            TemplateException e = assertThrows(TemplateException.class,
                    () -> renderTemplate(List.of("broken-include.html", "a.html"), "name", "x"));
            assertTrue(e.getMessage().contains("nope.html"), e.getMessage());
        }
    }

    // ------------------------------------------------------------------ streamTemplate

    /** Reads {@code request()} and {@code g()} when the template prints it: at write time. */
    public static final class Probe {
        @Override
        public String toString() {
            return "probe:" + request().path() + ":" + g().<String>get("who");
        }
    }

    /** stream_template keeps the request context: request, session, g and url_for work while it streams. */
    @Test
    void streamedTemplateSeesTheRequestContext() {
        app.addUrlRule("/x", "x", args -> {
            session().put("user", "ann");
            g().put("who", "gee");
            return streamTemplate("ctx.html", "probe", new Probe());
        });
        app.contextProcessor(() -> Map.of("extra", "from-processor"));
        TestResponse r = app.testClient().get("/x");
        assertEquals(200, r.status());
        assertEquals("text/html; charset=utf-8", r.contentType());
        assertNull(r.header("Content-Length"), "streamed: no length");
        assertEquals("<p>/x</p><p>ann</p><p>gee</p><p>/x</p><p>probe:/x:gee</p><p>from-processor</p>", r.text());
    }

    /** The body is produced while the response is written, in chunks, never as one string. */
    @Test
    void templateIsRenderedWhileWriting() throws IOException {
        int total = 20_000;
        AtomicInteger iterated = new AtomicInteger();
        Iterable<Integer> rows = () -> new Iterator<>() {
            @Override
            public boolean hasNext() {
                return iterated.get() < total;
            }

            @Override
            public Integer next() {
                return iterated.incrementAndGet();
            }
        };
        Response r;
        try (var ctx = app.testRequestContext("/")) {
            r = streamTemplate("rows.html", "rows", rows);
            assertEquals(0, iterated.get(), "nothing is rendered before the body is written");
            assertTrue(r.isStreamed());
            int[] atFirstFlush = {-1};
            AtomicInteger flushes = new AtomicInteger();
            AtomicInteger bytes = new AtomicInteger();
            r.writeBody(new OutputStream() {
                @Override
                public void write(int b) {
                    bytes.incrementAndGet();
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    bytes.addAndGet(len);
                }

                @Override
                public void flush() {
                    if (flushes.getAndIncrement() == 0) {
                        atFirstFlush[0] = iterated.get();
                    }
                }
            });
            assertEquals(total, iterated.get());
            assertTrue(flushes.get() > 10, "flushed as it went: " + flushes.get());
            assertTrue(atFirstFlush[0] < total / 2, "first bytes left before the loop ended: " + atFirstFlush[0]);
            assertTrue(bytes.get() > total * 9, "the whole list: " + bytes.get());
        }
    }

    /** Like stream_template, a missing template fails when called, before any byte is sent. */
    @Test
    void missingStreamedTemplateFailsAtCallTime() {
        try (var ctx = app.testRequestContext("/")) {
            assertThrows(TemplateNotFoundException.class, () -> streamTemplate("nope.html"));
        }
    }

    /** stream_template_string: a template given as text, streamed with the request context. */
    @Test
    void streamTemplateStringWithTheRequestContext() {
        app.addUrlRule("/s/<name>", "s", args -> streamTemplateString(
                "<b th:text=\"${request.path} + ' ' + ${name}\"></b>", Map.of("name", args.get("name"))));
        TestResponse r = app.testClient().get("/s/%3Ci%3E");
        assertEquals(200, r.status());
        assertEquals("<b>/s/&lt;i&gt; &lt;i&gt;</b>", r.text());
    }
}
