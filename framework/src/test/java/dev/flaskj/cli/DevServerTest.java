package dev.flaskj.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.ref.WeakReference;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run}'s server on a project made in a temporary folder: the reloader compiles a changed view and serves it,
 * a compile error is a page until the next save, a start-up error is the debug page, the signed session survives a
 * reload, and the class loaders of replaced generations are released.
 */
@Timeout(180)
class DevServerTest {
    @TempDir
    Path project;

    private final StringWriter output = new StringWriter();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final List<Handler> muted = new ArrayList<>();
    /** Held so that the settings below stay on the loggers (the log manager holds loggers weakly). */
    private final List<Logger> quiet = new ArrayList<>();
    private DevServer server;
    private int edits;

    /** The app's source with {@code body} as the home view's return value. */
    private static String app(String body, String extra) {
        return "package demo;\n"
                + "import dev.flaskj.Flask;\n"
                + "import dev.flaskj.Route;\n"
                + "public class App extends Flask {\n"
                + "    public App() { config().put(\"SECRET_KEY\", \"dev\"); }\n"
                // a JavaBean getter too: Jinjava's own bean resolver (not flaskj's) reads item.label
                + "    public record Item(String name) { public String getLabel() { return \"L\"; } }\n"
                + "    @Route(\"/\")\n"
                + "    Object index() { return " + body + "; }\n"
                + "    @Route(\"/login/<name>\")\n"
                + "    Object login(String name) { session().put(\"user\", name); return \"ok\"; }\n"
                + "    @Route(\"/me\")\n"
                + "    Object me() { return \"user=\" + session().get(\"user\"); }\n"
                + "    @Route(\"/page\")\n"
                + "    Object page() { return renderTemplate(\"page.html\", \"item\", new Item(\"thing\")); }\n"
                + "    @Route(\"/json\")\n"
                + "    Object item() { return new Item(\"j\"); }\n"
                + extra
                + "}\n";
    }

    @BeforeEach
    void project() throws IOException {
        Files.createDirectories(project.resolve("src/main/java/demo"));
        Files.createDirectories(project.resolve("src/main/resources"));
        Files.createDirectories(project.resolve("src/main/webapp/templates"));
        Files.createDirectories(project.resolve("src/main/webapp/WEB-INF"));
        Files.createDirectories(project.resolve("target/classes"));
        Files.writeString(project.resolve("src/main/webapp/templates/page.html"),
                "<p th:text=\"${item.name}\">x</p>");
        Path webXml = project.resolve(WebXmlApp.LOCATION);
        Files.writeString(webXml, "<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\">"
                + "<filter><filter-name>flask</filter-name><filter-class>dev.flaskj.FlaskFilter</filter-class>"
                + "<init-param><param-name>app</param-name><param-value>demo.App</param-value></init-param>"
                + "</filter></web-app>");
        writeApp(app("\"v0\"", ""));
        // the start-up error and the compile error are provoked on purpose: keep them out of the test output
        for (String name : List.of("dev.flaskj", "org.apache", "demo")) {
            Logger logger = Logger.getLogger(name);
            Handler h = new Handler() {
                @Override
                public void publish(LogRecord r) {}

                @Override
                public void flush() {}

                @Override
                public void close() {}
            };
            logger.addHandler(h);
            logger.setUseParentHandlers(false);
            quiet.add(logger);
            muted.add(h);
        }
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        for (String name : List.of("dev.flaskj", "org.apache", "demo")) {
            Logger.getLogger(name).setUseParentHandlers(true);
            for (Handler h : muted) {
                Logger.getLogger(name).removeHandler(h);
            }
        }
    }

    private void writeApp(String source) throws IOException {
        Path file = project.resolve("src/main/java/demo/App.java");
        Files.writeString(file, source);
        // a distinct time for each save, as an editor's saves seconds apart have
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_000_000L + 1000L * edits++));
    }

    private DevServer start(boolean debug) {
        server = DevServer.start(new DevServer.Options(project, null, "127.0.0.1", 0, "/", debug, true),
                new PrintWriter(output, true));
        return server;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(server.baseUri().resolve(path.substring(1)))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void bannerAsFlaskPrintsIt() {
        start(true);
        String banner = output.toString();
        assertTrue(banner.startsWith(" * Serving Flask app 'demo.App'\n * Debug mode: on\nWARNING: This is a"
                + " development server. Do not use it in a production deployment. Deploy the WAR to a servlet"
                + " container instead.\n * Running on http://127.0.0.1:" + server.port() + "\nPress CTRL+C to quit\n"),
                banner);
    }

    @Test
    void editedViewIsCompiledAndServedOnTheNextRequestAndTheSessionSurvives() throws Exception {
        start(true);
        assertEquals("v0", get("/").body());
        assertEquals("ok", get("/login/ann").body());
        writeApp(app("\"v1 \" + request().path()", ""));
        HttpResponse<String> r = get("/");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("v1 /", r.body());
        assertEquals("user=ann", get("/me").body(), "the signed session cookie still reads after the reload");
        assertTrue(output.toString().contains(" * Detected change in '"), output.toString());
    }

    @Test
    void compileErrorIsAPageUntilTheNextSaveFixesIt() throws Exception {
        start(true);
        assertEquals("v0", get("/").body());
        writeApp(app("\"broken\"  oops", ""));
        HttpResponse<String> broken = get("/");
        assertEquals(500, broken.statusCode());
        String page = broken.body();
        assertTrue(page.contains("<h1>Compilation failed</h1>"), page);
        assertTrue(page.contains("<code>src/main/java/demo/App.java:8</code>"), page);
        assertTrue(page.contains("&#39;;&#39; expected") || page.contains("';' expected"), page);
        assertTrue(page.contains("<span class=current>    8      Object index() { return &#34;broken&#34;  oops;"),
                page);
        assertEquals(500, get("/me").statusCode(), "every request answers the error until it is fixed");
        assertTrue(output.toString().contains("src/main/java/demo/App.java:8: error: "), output.toString());

        writeApp(app("\"fixed\"", ""));
        assertEquals("fixed", get("/").body());
    }

    @Test
    void startUpErrorIsTheDebugPageAndTheNextSaveServes() throws Exception {
        start(true);
        writeApp(app("\"v0\"", "    @Route(\"/user/<name>\")\n    String user(String other) { return other; }\n"));
        HttpResponse<String> r = get("/");
        assertEquals(500, r.statusCode());
        assertTrue(r.body().contains("cannot load the application class &#39;demo.App&#39;")
                || r.body().contains("cannot load the application class 'demo.App'"), r.body());
        assertTrue(r.body().contains("demo.App.user(String)"), r.body());
        assertTrue(r.body().contains("The application did not start"), r.body());

        writeApp(app("\"v2\"", ""));
        assertEquals("v2", get("/").body());
    }

    @Test
    void startUpErrorWithoutDebugIsThePlainPage() throws Exception {
        writeApp(app("\"v0\"", "    @Route(\"/user/<name>\")\n    String user(String other) { return other; }\n"));
        start(false);
        HttpResponse<String> r = get("/");
        assertEquals(500, r.statusCode());
        assertFalse(r.body().contains("demo.App.user"), r.body());
        assertTrue(r.body().contains("<h1>Internal Server Error</h1>"), r.body());
    }

    @Test
    void classesAreCompiledWithParametersEvenWhenTargetHoldsClassesWithout() throws Exception {
        // what `mvn compile` left after <parameters> was removed: "Nothing to compile" would keep these classes
        javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-d", project.resolve("target/classes").toString(),
                "-cp", System.getProperty("java.class.path"),
                project.resolve("src/main/java/demo/App.java").toString()));
        start(true);
        assertEquals("ok", get("/login/bob").body(), output.toString());
    }

    /** Benchmark print, not a timed assertion: the save-to-served time of one view change, and loader release. */
    @Test
    void replacedGenerationsReleaseTheirClassLoaders() throws Exception {
        assertReplacedGenerationsAreReleased("<p>thing</p>");
    }

    /** The same with TEMPLATE_ENGINE=jinja: Jinjava's resolvers and caches must not pin an old generation either. */
    @Test
    void replacedGenerationsReleaseTheirClassLoadersWithJinja() throws Exception {
        Path webXml = project.resolve(WebXmlApp.LOCATION);
        Files.writeString(webXml, Files.readString(webXml).replace("<filter>", "<context-param><param-name>"
                + "TEMPLATE_ENGINE</param-name><param-value>jinja</param-value></context-param><filter>"));
        Files.writeString(project.resolve("src/main/webapp/templates/page.html"),
                "<p>{{ item.name }}{{ item.label }}</p>");
        assertReplacedGenerationsAreReleased("<p>thingL</p>");
    }

    private void assertReplacedGenerationsAreReleased(String page) throws Exception {
        start(true);
        assertEquals("v0", get("/").body());
        List<WeakReference<ClassLoader>> replaced = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            ClassLoader before = server.app().currentLoader();
            assertNotNull(before);
            replaced.add(new WeakReference<>(before));
            before = null;
            writeApp(app("\"v" + i + "\"", ""));
            assertEquals("v" + i, get("/").body());
            // templates, JSON and sessions touch the app's classes through the libraries' caches
            assertEquals(page, get("/page").body());
            String json = get("/json").body();
            assertTrue(json.contains("\"name\"") && json.contains("\"j\""), json);
        }
        for (int i = 0; i < 50 && replaced.stream().anyMatch(r -> r.get() != null); i++) {
            System.gc();
            Thread.sleep(50);
        }
        for (int i = 0; i < replaced.size(); i++) {
            assertNull(replaced.get(i).get(), "generation " + i + "'s class loader is still reachable");
        }
        assertEquals(20, server.app().reloads());
    }
}
