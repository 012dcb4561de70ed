package dev.flaskj;

import static dev.flaskj.Flask.flash;
import static dev.flaskj.Flask.g;
import static dev.flaskj.Flask.renderTemplate;
import static dev.flaskj.Flask.renderTemplateString;
import static dev.flaskj.Flask.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.support.RealFlask;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Jinja templates rendered by real Flask 3.1.3 and by flaskj with {@code TEMPLATE_ENGINE=jinja} give the same HTML,
 * compared after whitespace normalisation only: Flask's tutorial templates (copied unchanged) with realistic data,
 * and cases for escaping, tojson, or/and, missing keys, str/dict methods, url_for, flashes, the app's filters,
 * tests, globals and context processors, strftime, extends/import/include and macros, loops.
 */
class JinjaDifferentialTest {
    private static Path folder;
    private static Map<String, String> flask;

    static final String S = "<a href=\"x\">'&'</a>";
    static final Map<String, String> STRINGS = new LinkedHashMap<>();

    static {
        STRINGS.put("escape", "{{ s }}|{{ s|e }}|{{ m }}|{{ s|safe }}|{{ m|e }}|{{ s|upper }}");
        STRINGS.put("tojson", "<script>var d = {{ d|tojson }};</script><div data-d='{{ d|tojson }}'></div>");
        STRINGS.put("orand", "{{ missing or 'dflt' }}|{{ 'x' and 'y' }}|{{ '' or 'z' }}|{{ request.form['title'] or 'none' }}|{{ request.args.get('q', 'noq') }}");
        STRINGS.put("strs", "{{ 'hello world'.upper() }}|{{ 'hello wORLD'.title() }}|{{ 'a b  c'.split()|join(',') }}|{{ 'a,b'.split(',')|join(';') }}|{{ 'abc'.startswith('a') }}|{{ 'abc'.endswith('x') }}|{{ ' pad '.strip() }}|{{ 'x-y'.replace('-', '+') }}");
        STRINGS.put("dicts", "{{ d.get('x', 'def') }}|{{ d.get('b')|join(',') }}|{{ d['a'] }}|{{ d.a }}|{% for k, v in d.items()|sort %}{{ k }}={{ v }};{% endfor %}");
        STRINGS.put("urls", "{{ url_for('blog.update', id=3) }}|{{ url_for('index', _anchor='top') }}|{{ url_for('blog.index', _external=True) }}|{{ url_for('blog.index', page=2) }}|{{ url_for('static', filename='a b.css') }}");
        STRINGS.put("flashes", "{% for c, m in get_flashed_messages(with_categories=true) %}{{ c }}:{{ m }};{% endfor %}");
        STRINGS.put("appext", "{{ 'abc'|reverse }}|{{ site }}|{% if 4 is even %}even{% endif %}|{% if 3 is even %}odd?{% endif %}|{{ processed }}");
        STRINGS.put("contexts", "{{ config['APP_NAME'] }}|{{ session['user'] }}|{{ g.user['username'] }}|{{ request.method }}|{{ request.path }}");
        STRINGS.put("dates", "{{ when.strftime('%Y-%m-%d %H:%M:%S %A %a %B %b %p %I %j %y') }}");
        STRINGS.put("values", "{{ true }}|{{ false }}|{{ 1.5 }}|{{ n }}|{{ n + 1 }}");
        STRINGS.put("reprs", "{{ [1, 'a', \"it's\"] }}|{{ {'a': [1.5, true]} }}|{{ d.b }}");
    }

    @BeforeAll
    static void renderWithFlask() throws Exception {
        folder = Path.of(JinjaDifferentialTest.class.getResource("/jinja-diff/templates").toURI());
        Path script = Path.of(JinjaDifferentialTest.class.getResource("/jinja-diff/render.py").toURI());
        List<String> failures = new ArrayList<>();
        for (String python : RealFlask.interpreters()) {
            Process p;
            try {
                p = new ProcessBuilder(python, script.toString(), folder.toString()).redirectErrorStream(false).start();
            } catch (IOException e) {
                failures.add(python + ": " + e.getMessage());
                continue;
            }
            byte[] out = p.getInputStream().readAllBytes();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "render.py did not finish");
            if (p.exitValue() != 0) {
                failures.add(python + ": exit " + p.exitValue() + " " + err);
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, String> parsed = (Map<String, String>) dev.flaskj.json.CompactJson.loads(
                    new String(out, StandardCharsets.UTF_8));
            flask = parsed;
            return;
        }
        throw new AssertionError(RealFlask.noInterpreter(failures));
    }

    static Flask app() {
        Flask app = new Flask("jinja-diff");
        app.config().put("SECRET_KEY", "k");
        app.config().put("SERVER_NAME", "example.test");
        app.config().put("APP_NAME", "Demo <App>");
        app.config().put("TEMPLATE_ENGINE", "jinja");
        app.config().put("TEMPLATE_FOLDER", folder.toString());
        Blueprint auth = new Blueprint("auth", "/auth") {};
        auth.addUrlRule("/register", "register", args -> "");
        auth.addUrlRule("/login", "login", args -> "");
        auth.addUrlRule("/logout", "logout", args -> "");
        Blueprint blog = new Blueprint("blog") {};
        blog.addUrlRule("/", "index", args -> "");
        blog.addUrlRule("/create", "create", args -> "");
        blog.addUrlRule("/<int:id>/update", "update", args -> "");
        blog.addUrlRule("/<int:id>/delete", "delete", args -> "");
        app.registerBlueprint(auth);
        app.registerBlueprint(blog);
        app.addUrlRule("/", "index", args -> "");
        app.templateFilter("reverse", (v, a) -> new StringBuilder(String.valueOf(v)).reverse().toString());
        app.templateGlobal("site", "My <Site>");
        app.templateTest("even", (v, a) -> ((Number) v).intValue() % 2 == 0);
        app.contextProcessor(() -> Map.of("processed", "from a context processor"));
        return app;
    }

    static final Map<String, Object> ALICE = Map.of("id", 1, "username", "alice");
    static final List<Map<String, Object>> POSTS = List.of(
            Map.of("id", 1, "title", "Hello <World>", "body", "Body & \"quotes\" 'single'", "author_id", 1,
                    "username", "alice", "created", LocalDateTime.of(2024, 5, 6, 7, 8, 9)),
            Map.of("id", 2, "title", "Second", "body", "Other", "author_id", 2, "username", "bob",
                    "created", LocalDateTime.of(2023, 12, 31, 23, 59, 0)));

    private static String inRequest(Flask app, Object user, String message, Supplier<String> render) {
        try (RequestContext ctx = app.testRequestContext("/")) {
            if (user != null) {
                g().put("user", user);
            }
            if (message != null) {
                flash(message);
            }
            return render.get();
        }
    }

    static String normalise(String html) {
        return html.strip().replaceAll("\\s+", " ").replaceAll("> <", "><");
    }

    private static void same(String caseName, String flaskj) {
        String expected = flask.get(caseName);
        assertEquals(normalise(expected), normalise(flaskj), caseName);
    }

    @Test
    void stringCasesRenderAsInFlask() {
        Flask app = app();
        List<String> failed = new ArrayList<>();
        for (Map.Entry<String, String> c : STRINGS.entrySet()) {
            String out;
            try (RequestContext ctx = app.testRequestContext("/")) {
                g().put("user", ALICE);
                session().put("user", "sess<ion>");
                flash("first <msg>", "error");
                flash("second", "message");
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("a", "</script>&'");
                d.put("b", List.of(1, 2));
                out = renderTemplateString(c.getValue(), "s", S, "m", new Markup("<b>ok</b>"), "n", 41, "d", d,
                        "when", LocalDateTime.of(2024, 2, 3, 16, 5, 6));
            } catch (RuntimeException e) {
                out = "EXCEPTION " + e;
            }
            if (!normalise(flask.get(c.getKey())).equals(normalise(out))) {
                failed.add(c.getKey() + "\n  flask:  " + flask.get(c.getKey()) + "\n  flaskj: " + out);
            }
        }
        assertTrue(failed.isEmpty(), String.join("\n", failed));
    }

    @Test
    void flaskrLogin() {
        same("login", inRequest(app(), null, "Incorrect username.", () -> renderTemplate("auth/login.html")));
    }

    @Test
    void flaskrRegister() {
        same("register", inRequest(app(), null, null, () -> renderTemplate("auth/register.html")));
    }

    @Test
    void flaskrIndexAnonymous() {
        same("index-anon", inRequest(app(), null, null, () -> renderTemplate("blog/index.html", "posts", POSTS)));
    }

    @Test
    void flaskrIndexLoggedIn() {
        same("index-alice", inRequest(app(), ALICE, "Title is required.",
                () -> renderTemplate("blog/index.html", "posts", POSTS)));
    }

    @Test
    void flaskrCreateOnGet() {
        same("create", inRequest(app(), ALICE, null, () -> renderTemplate("blog/create.html")));
    }

    @Test
    void flaskrUpdate() {
        same("update", inRequest(app(), ALICE, null, () -> renderTemplate("blog/update.html", "post", POSTS.get(0))));
    }

    @Test
    void extendsImportIncludeMacrosLoops() {
        same("page", inRequest(app(), ALICE, null, () -> renderTemplate("cases/page.html", "n", 7, "q", "a\"b<c>",
                "items", List.of("x", "y", "z"))));
    }

    @Test
    void textTemplatesAreNotEscaped() {
        same("plain", inRequest(app(), null, null, () -> renderTemplate("cases/plain.txt", "s", S)));
    }
}
