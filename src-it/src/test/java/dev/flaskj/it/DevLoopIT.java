package dev.flaskj.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The development loop of a new project: generate it from the archetype this build installed, start
 * {@code mvn jetty:run} on a free port, see the home page (in Chromium too), edit a template and see the change
 * on the next request, then stop Maven by its process id.
 */
class DevLoopIT {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);
    private static final String HEADING = "<h1>Hello from flaskj!</h1>";

    /** Generates a project from the archetype this build installed into {@code target/<folder>/devloop-app}. */
    private static Path generate(MavenRunner maven, String folder) throws Exception {
        Path work = Path.of("target", folder).toAbsolutePath();
        deleteRecursively(work);
        Files.createDirectories(work);
        maven.run(work, work.resolve("generate.log"), 120,
                "org.apache.maven.plugins:maven-archetype-plugin:3.4.1:generate", "-DarchetypeCatalog=local",
                "-DarchetypeGroupId=dev.flaskj", "-DarchetypeArtifactId=flaskj-archetype",
                "-DarchetypeVersion=" + System.getProperty("it.flaskj.version"), "-DgroupId=com.acme",
                "-DartifactId=devloop-app", "-Dversion=1.0-SNAPSHOT", "-Dpackage=com.acme.devloop",
                "-DinteractiveMode=false");
        return work.resolve("devloop-app");
    }

    /**
     * {@code flask run --debug} for a generated project, as its README types it: the banner, a template edit and a
     * view edit served on the next request, a syntax error shown as the compile-error page until the fix, and a rule
     * whose variable the view does not take shown as the start-up error page. The same broken rule fails the
     * deployment of the WAR without debug mode, and shows the start-up page under {@code mvn jetty:run}.
     */
    @Test
    void flaskRunDebugReloadsViewsAndTemplatesAndShowsErrorsInTheBrowser() throws Exception {
        MavenRunner maven = MavenRunner.fromBuild();
        Path project = generate(maven, "devloop-run");
        Path log = project.getParent().resolve("run.log");
        int port = freePort();
        Process run = maven.start(project, log, "-q", "compile", "exec:java",
                "-Dexec.args=run --debug --port " + port);
        Path app = project.resolve("src/main/java/com/acme/devloop/App.java");
        String original = Files.readString(app);
        try {
            URI home = URI.create("http://127.0.0.1:" + port + "/");
            HttpResponse<String> first = awaitServer(run, home, log);
            assertEquals(200, first.statusCode(), first.body());
            assertTrue(first.body().contains(HEADING), first.body());
            String banner = Files.readString(log);
            assertTrue(banner.contains(" * Serving Flask app 'com.acme.devloop.App'\n * Debug mode: on\nWARNING: This"
                    + " is a development server. Do not use it in a production deployment. Deploy the WAR to a"
                    + " servlet container instead.\n * Running on http://127.0.0.1:" + port + "\nPress CTRL+C to"
                    + " quit\n"), banner);

            Path index = project.resolve("src/main/webapp/templates/index.html");
            Files.writeString(index, Files.readString(index).replace("Hello from flaskj!", "Edited while running"));
            assertTrue(Http.get(home).body().contains("<h1>Edited while running</h1>"));

            URI hello = home.resolve("hello/Ann");
            save(app, original.replace("return renderTemplate(\"hello.html\", \"name\", name);",
                    "return \"Howdy, \" + name;"));
            Instant saved = Instant.now();
            HttpResponse<String> edited = Http.get(hello);
            System.out.println("DevLoopIT: save of App.java to the new answer: "
                    + Duration.between(saved, Instant.now()).toMillis() + " ms");
            assertEquals(200, edited.statusCode(), edited.body());
            assertEquals("Howdy, Ann", edited.body());

            save(app, original.replace("return renderTemplate(\"hello.html\", \"name\", name);",
                    "return \"Howdy, \" + name"));
            HttpResponse<String> broken = Http.get(hello);
            assertEquals(500, broken.statusCode());
            assertTrue(broken.body().contains("<h1>Compilation failed</h1>"), broken.body());
            assertTrue(broken.body().contains("<code>src/main/java/com/acme/devloop/App.java:"), broken.body());
            assertTrue(broken.body().contains("&#39;;&#39; expected"), broken.body());
            save(app, original);
            assertTrue(Http.get(hello).body().contains("Ann"));

            save(app, mismatched(original));
            HttpResponse<String> startup = Http.get(home);
            assertEquals(500, startup.statusCode());
            assertTrue(startup.body().contains("The application did not start"), startup.body());
            assertTrue(startup.body().contains("com.acme.devloop.App.hello(String): rule &#39;/hello/&lt;name&gt;&#39;"
                    + " has variable &#39;name&#39; but the method has no parameter named &#39;name&#39;"),
                    startup.body());
            save(app, original);
            assertEquals(200, Http.get(home).statusCode());
        } finally {
            ProcessTrees.stop(run.toHandle());
        }
        assertFalse(run.isAlive());

        // Without debug mode the same mistake fails the deployment, as in any servlet container.
        save(app, mismatched(original));
        maven.run(project, project.getParent().resolve("package.log"), 300, "-q", "package", "-DskipTests");
        IllegalStateException failed = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> dev.flaskj.testing.EmbeddedTomcat.start(project.resolve("target/devloop-app.war"), "").close());
        assertTrue(String.valueOf(failed.getMessage()).contains("has no parameter named 'name'")
                || String.valueOf(failed.getCause()).contains("has no parameter named 'name'"), failed.toString());

        // Under mvn jetty:run (debug mode on) the browser shows why instead of Jetty's bare 503.
        Path jettyLog = project.getParent().resolve("jetty-run.log");
        int jettyPort = freePort();
        Process jetty = maven.start(project, jettyLog, "jetty:run", "-Djetty.http.port=" + jettyPort);
        try {
            URI jettyHome = URI.create("http://127.0.0.1:" + jettyPort + "/");
            HttpResponse<String> page = awaitServer(jetty, jettyHome, jettyLog);
            assertEquals(500, page.statusCode(), page.body());
            assertTrue(page.body().contains("has no parameter named &#39;name&#39;"), page.body());
        } finally {
            ProcessTrees.stop(jetty.toHandle());
        }
    }

    /** The hello view with a parameter that does not match its rule's variable. */
    private static String mismatched(String source) {
        return source.replace("Object hello(String name)", "Object hello(String nom)")
                .replace("\"name\", name)", "\"name\", nom)");
    }

    /** Writes a source file as an editor saves it: a new modification time for each save. */
    private static void save(Path file, String text) throws IOException {
        java.nio.file.attribute.FileTime before = Files.getLastModifiedTime(file);
        Files.writeString(file, text);
        if (!Files.getLastModifiedTime(file).equals(before)) {
            return;
        }
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(before.toMillis() + 1000));
    }

    @Test
    void jettyRunServesTheGeneratedProjectAndReloadsTemplates() throws Exception {
        MavenRunner maven = MavenRunner.fromBuild();
        Path work = Path.of("target", "devloop").toAbsolutePath();
        Path project = generate(maven, "devloop");
        Path log = work.resolve("jetty-run.log");
        int port = freePort();
        Process jetty = maven.start(project, log, "jetty:run", "-Djetty.http.port=" + port);
        try {
            URI home = URI.create("http://127.0.0.1:" + port + "/");
            HttpResponse<String> first = awaitServer(jetty, home, log);
            assertEquals(200, first.statusCode(), first.body());
            assertTrue(first.body().contains(HEADING), first.body());

            Chromium.Page page = Chromium.load(home, Path.of("target", "screenshots", "generated-home.png"));
            assertTrue(page.dom().contains(HEADING), page.dom());
            assertEquals(List.of(), page.console());

            Path index = project.resolve("src/main/webapp/templates/index.html");
            Files.writeString(index, Files.readString(index).replace("Hello from flaskj!", "Edited while running"));
            HttpResponse<String> next = Http.get(home);
            assertEquals(200, next.statusCode());
            assertTrue(next.body().contains("<h1>Edited while running</h1>"), next.body());
        } finally {
            ProcessTrees.stop(jetty.toHandle());
        }
        assertFalse(jetty.isAlive());
    }

    /** Polls until the server answers, failing early if Maven exits (the log says why). */
    private static HttpResponse<String> awaitServer(Process jetty, URI uri, Path log) throws Exception {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!jetty.isAlive()) {
                throw new IllegalStateException("mvn jetty:run exited with " + jetty.exitValue()
                        + MavenRunner.tail(log));
            }
            try {
                HttpResponse<String> r = Http.get(uri);
                if (r.statusCode() != 503 && r.statusCode() != 404) {
                    return r;
                }
            } catch (ConnectException e) {
                // not listening yet
            }
            jetty.waitFor(250, java.util.concurrent.TimeUnit.MILLISECONDS); // pause, or wake when Maven exits
        }
        throw new IllegalStateException("no answer from " + uri + " within " + START_TIMEOUT + MavenRunner.tail(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
