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

    @Test
    void jettyRunServesTheGeneratedProjectAndReloadsTemplates() throws Exception {
        Path work = Path.of("target", "devloop").toAbsolutePath();
        deleteRecursively(work);
        Files.createDirectories(work);
        MavenRunner maven = MavenRunner.fromBuild();
        maven.run(work, work.resolve("generate.log"), 120,
                "org.apache.maven.plugins:maven-archetype-plugin:3.4.1:generate", "-DarchetypeCatalog=local",
                "-DarchetypeGroupId=dev.flaskj", "-DarchetypeArtifactId=flaskj-archetype",
                "-DarchetypeVersion=" + System.getProperty("it.flaskj.version"), "-DgroupId=com.acme",
                "-DartifactId=devloop-app", "-Dversion=1.0-SNAPSHOT", "-Dpackage=com.acme.devloop",
                "-DinteractiveMode=false");
        Path project = work.resolve("devloop-app");
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
            Thread.sleep(250);
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
