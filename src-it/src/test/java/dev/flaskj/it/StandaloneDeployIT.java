package dev.flaskj.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The example WAR as operations deploys it: dropped as {@code myapplication.war} into the {@code webapps/} of an
 * unpacked Tomcat 11 distribution started by {@code catalina.sh run}, and of a Jetty 12 home with a jetty.base made
 * by {@code start.jar --add-modules=http,ee10-deploy}, each server its own process with FLASK_SECRET_KEY in its
 * environment. Pages, static files, sessions and uploads work; replacing the WAR redeploys it, and the old
 * deployment's class loader is garbage collected.
 */
class StandaloneDeployIT {
    private static final String APP = Containers.CONTEXT_PATH;
    private static final String MARKER = "/static/deploy-marker.txt";

    /** A copy of the example WAR with {@code static/deploy-marker.txt} holding {@code text}. */
    static Path warWithMarker(Path dir, String text) throws IOException {
        Path war = dir.resolve("example-" + text + ".war");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(Containers.exampleWar()));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(war))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(e.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry(MARKER.substring(1)));
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return war;
    }

    @Test
    void tomcatDistribution() throws Exception {
        try (Standalone.Tomcat tomcat = Standalone.Tomcat.create("deploy", null)) {
            exercise(tomcat, Set.of("org.apache.catalina.loader.ParallelWebappClassLoader"));
        }
    }

    @Test
    void jettyHome() throws Exception {
        try (Standalone.Jetty jetty = Standalone.Jetty.create("deploy", "http,ee10-deploy", List.of())) {
            // Jetty 12.1's ee10 webapps load with the environment-neutral class, older 12.x with the ee10 one
            exercise(jetty, Set.of("org.eclipse.jetty.ee.webapp.WebAppClassLoader",
                    "org.eclipse.jetty.ee10.webapp.WebAppClassLoader"));
        }
    }

    private static void exercise(Standalone.Node node, Set<String> webappLoaderClass) throws Exception {
        Path wars = Files.createDirectories(node.base.resolve("wars"));
        node.env.put("FLASK_SECRET_KEY", "standalone-" + node.name + "-key");
        node.env.put("FLASK_FLASKR_DATA_DIR", Files.createDirectories(node.base.resolve("data")).toString());
        node.deployWar(warWithMarker(wars, "v1"));
        node.start();

        CookieClient client = new CookieClient(node);
        HttpResponse<String> index = client.get(APP + "/");
        assertEquals(200, index.statusCode(), node.name());
        assertTrue(index.body().contains("flaskj"), index.body());
        HttpResponse<String> css = client.get(APP + "/static/style.css");
        assertEquals(200, css.statusCode());
        assertEquals("text/css", Http.mimetype(css));
        assertEquals("v1", client.get(APP + MARKER).body());

        // sessions: the quickstart login, its flash shown once on the next page
        HttpResponse<String> login = client.post(APP + "/login", Map.of("username", "ops", "password", "secret"));
        assertEquals(302, login.statusCode(), login.body());
        String home = client.get(APP + "/").body();
        assertTrue(home.contains("Logged in as <b>ops</b>"), home);
        assertTrue(home.contains("You were successfully logged in"), home);
        assertTrue(!client.get(APP + "/").body().contains("You were successfully logged in"), "a flash shows once");

        // uploads: stored under FLASKR_DATA_DIR, served back as a download
        byte[] content = ("uploaded to " + node.name()).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> upload = client.upload(APP + "/upload", "the_file", "notes.txt", content);
        assertEquals(302, upload.statusCode(), upload.body());
        assertTrue(client.get(APP + "/upload").body().contains("Uploaded notes.txt"));
        HttpResponse<String> download = client.get(APP + "/uploads/notes.txt");
        assertEquals(200, download.statusCode());
        assertEquals(new String(content, StandardCharsets.UTF_8), download.body());

        assertEquals(1, Standalone.liveInstances(node.pid(), webappLoaderClass), "one deployment, one class loader");

        // redeploy: a new WAR replaces the old one in webapps/, the new version answers
        node.redeployWar(warWithMarker(wars, "v2"));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        String marker = "";
        while (Instant.now().isBefore(deadline) && !marker.equals("v2")) {
            Thread.sleep(250);
            try {
                marker = client.get(APP + MARKER).body();
            } catch (IOException e) {
                marker = e.toString();
            }
        }
        assertEquals("v2", marker, node.name() + " did not redeploy the replaced WAR\n" + Standalone.tail(node.log()));
        // the signed cookie outlives the redeploy: the key comes from the environment, not from the deployment
        assertTrue(client.get(APP + "/").body().contains("Logged in as <b>ops</b>"));
        assertEquals(new String(content, StandardCharsets.UTF_8), client.get(APP + "/uploads/notes.txt").body());

        // the old deployment is gone from memory: its class loader (and so every class of the old WAR) is collected
        long loaders = Standalone.awaitLiveInstances(node.pid(), webappLoaderClass, 1, Duration.ofSeconds(30));
        assertEquals(1, loaders, node.name() + ": the undeployed webapp's class loader is still reachable");
    }
}
