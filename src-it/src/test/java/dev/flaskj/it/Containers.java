package dev.flaskj.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Deploys web applications into the container this failsafe execution is for ({@code -Dit.container=tomcat|jetty};
 * Tomcat 11 and 10.1 are the same code on different class paths).
 */
final class Containers {
    static final String CONTEXT_PATH = "/myapplication";

    private Containers() {}

    static String kind() {
        return System.getProperty("it.container", "tomcat");
    }

    /** The example WAR built by the example-war module. */
    static Path exampleWar() {
        String war = System.getProperty("it.war");
        if (war == null || !Files.isRegularFile(Path.of(war))) {
            throw new IllegalStateException("the example WAR is missing (system property it.war=" + war
                    + "); run the build from the repository root");
        }
        return Path.of(war);
    }

    /** A fresh, unique work directory under target/it-tmp (the three container runs share target/). */
    static Path workDir(String label) throws IOException {
        Path base = Files.createDirectories(Path.of("target", "it-tmp"));
        return Files.createTempDirectory(base, kind() + "-" + label + "-").toAbsolutePath();
    }

    /**
     * Starts the container with {@code warOrDir} at {@link #CONTEXT_PATH}.
     *
     * @throws DeploymentFailedException when the application does not start
     */
    static TestServer deploy(Path warOrDir, String label) throws Exception {
        Path work = workDir(label);
        // Loaded by name so a Tomcat run never touches Jetty classes, and the other way round.
        if (kind().equals("jetty")) {
            return JettyServer.start(warOrDir, CONTEXT_PATH, work);
        }
        return TomcatServer.start(warOrDir, CONTEXT_PATH, work);
    }

    /** Unpacks a WAR into a new folder, so a test can change a file (e.g. web.xml) before deploying it. */
    static Path explode(Path war, String label) throws IOException {
        Path dir = workDir(label + "-exploded");
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(war))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                Path target = dir.resolve(e.getName()).normalize();
                if (!target.startsWith(dir)) {
                    throw new IOException("bad entry " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    copy(zip, target);
                }
            }
        }
        return dir;
    }

    private static void copy(InputStream in, Path target) throws IOException {
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
}
