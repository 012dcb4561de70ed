package dev.flaskj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.testing.FakeServletContext;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code app.instancePath()}, {@code openResource}, {@code openInstanceResource} and {@code writeInstanceResource}
 * (Flask: {@code instance_path}, {@code open_resource}, {@code open_instance_resource}; cases after Flask's
 * tests/test_instance_config.py and tests/test_helpers.py {@code test_open_resource}).
 */
class InstanceFolderTest {
    @TempDir
    Path tmp;

    private String catalinaBase;
    private String jettyBase;

    @BeforeEach
    void saveContainerProperties() {
        catalinaBase = System.getProperty("catalina.base");
        jettyBase = System.getProperty("jetty.base");
    }

    @AfterEach
    void restoreContainerProperties() {
        restore("catalina.base", catalinaBase);
        restore("jetty.base", jettyBase);
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** Flask test_explicit_instance_paths: a configured folder wins; it is created, owner-only. */
    @Test
    void configuredInstancePathIsCreatedOwnerOnly() throws IOException {
        Flask app = new Flask("i");
        Path dir = tmp.resolve("deep/inst");
        app.config().put("INSTANCE_PATH", dir.toString());
        assertFalse(Files.exists(dir));
        assertEquals(dir.toAbsolutePath(), app.instancePath());
        assertTrue(Files.isDirectory(dir));
        if (posix()) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        }
        assertEquals(dir.toAbsolutePath(), app.instancePath(), "an existing folder is kept");
    }

    /** Flask test_uninstalled_module_paths' rule for flaskj: outside a container, instance/ in the working dir. */
    @Test
    void outsideAContainerItIsInstanceInTheWorkingDirectory() throws IOException {
        Path expected = Path.of("instance").toAbsolutePath();
        boolean existed = Files.exists(expected);
        try {
            assertEquals(expected, new Flask("i").instancePath());
        } finally {
            if (!existed) {
                Files.deleteIfExists(expected);
            }
        }
    }

    @Test
    void inTomcatItIsUnderCatalinaBaseNamedAfterTheContext() {
        System.setProperty("catalina.base", tmp.toString());
        Flask app = new Flask("i");
        app.initServletContext(new FakeServletContext("/shop/v2"));
        assertEquals(tmp.resolve("instance").resolve("shop#v2"), app.instancePath());
        Flask root = new Flask("r");
        root.initServletContext(new FakeServletContext(""));
        assertEquals(tmp.resolve("instance").resolve("ROOT"), root.instancePath());
    }

    @Test
    void inJettyItIsUnderJettyBase() {
        System.clearProperty("catalina.base");
        System.setProperty("jetty.base", tmp.toString());
        Flask app = new Flask("i");
        app.initServletContext(new FakeServletContext("/myapplication"));
        assertEquals(tmp.resolve("instance").resolve("myapplication"), app.instancePath());
    }

    @Test
    void elsewhereItIsInTheTempFolder() throws IOException {
        System.clearProperty("catalina.base");
        System.clearProperty("jetty.base");
        Flask app = new Flask("i");
        app.initServletContext(new FakeServletContext("/flaskj-instance-test-" + ProcessHandle.current().pid()));
        Path dir = app.instancePath();
        try {
            assertEquals(Path.of(System.getProperty("java.io.tmpdir"), "flaskj-instance",
                    "flaskj-instance-test-" + ProcessHandle.current().pid()).toAbsolutePath(), dir);
            if (posix()) {
                assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
            }
        } finally {
            Files.deleteIfExists(dir);
        }
    }

    @Test
    void contextFolderNames() {
        assertEquals("myapplication", Flask.contextFolderName("/myapplication"));
        assertEquals("a#b", Flask.contextFolderName("/a/b"));
        assertEquals("x_y", Flask.contextFolderName("/x y"));
        assertEquals("ROOT", Flask.contextFolderName("/.."));
    }

    // ------------------------------------------------------------------ openResource

    /** Flask test_open_resource: reads a file shipped with the app (here the class path outside a container). */
    @Test
    void openResourceFromTheClassPath() throws IOException {
        try (InputStream in = new Flask("i").openResource("static/twenty.txt")) {
            assertEquals("01234567890123456789", new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
        }
        assertThrows(FileNotFoundException.class, () -> new Flask("i").openResource("static/nope.txt"));
    }

    @Test
    void openResourceFromTheWebappRootInAContainer() throws IOException {
        Path webapp = Files.createDirectories(tmp.resolve("webapp"));
        Files.createDirectories(webapp.resolve("WEB-INF"));
        Files.writeString(webapp.resolve("schema.sql"), "CREATE TABLE t (id INT);");
        Files.writeString(webapp.resolve("WEB-INF/seed.json"), "{}");
        Flask app = new Flask("i");
        app.initServletContext(new FakeServletContext("/app").withResourceBase(webapp));
        try (InputStream in = app.openResource("schema.sql")) {
            assertEquals("CREATE TABLE t (id INT);", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        try (InputStream in = app.openResource("WEB-INF/seed.json")) {
            assertEquals("{}", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertThrows(FileNotFoundException.class, () -> app.openResource("static/twenty.txt"),
                "in a container the webapp is the root, not the class path");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../secret.txt", "static/../../secret.txt", "/etc/passwd", "a\\..\\b", "x\u0000", "",
        "."})
    void escapingNamesAreRefused(String name) {
        Flask app = new Flask("i");
        app.config().put("INSTANCE_PATH", tmp.resolve("inst").toString());
        assertThrows(IllegalArgumentException.class, () -> app.openResource(name));
        assertThrows(IllegalArgumentException.class, () -> app.openInstanceResource(name));
        assertThrows(IllegalArgumentException.class, () -> app.writeInstanceResource(name));
    }

    // ------------------------------------------------------------------ instance resources

    /** Flask test_open_instance_resource-style round trip: write, then read back from the instance folder. */
    @Test
    void writeThenReadAnInstanceResource() throws IOException {
        Flask app = new Flask("i");
        Path inst = tmp.resolve("inst");
        app.config().put("INSTANCE_PATH", inst.toString());
        try (OutputStream out = app.writeInstanceResource("conf/local.properties")) {
            out.write("SECRET_KEY=abc\n".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("SECRET_KEY=abc\n", Files.readString(inst.resolve("conf/local.properties")));
        try (InputStream in = app.openInstanceResource("conf/local.properties")) {
            assertEquals("SECRET_KEY=abc\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        try (OutputStream out = app.writeInstanceResource("conf/local.properties")) {
            out.write("X=1".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("X=1", Files.readString(inst.resolve("conf/local.properties")), "writing replaces");
        assertThrows(NoSuchFileException.class, () -> app.openInstanceResource("missing.txt"));
    }

    @Test
    void symbolicLinksOutOfTheInstanceFolderAreRefused() throws IOException {
        Flask app = new Flask("i");
        Path inst = Files.createDirectories(tmp.resolve("inst"));
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "secret");
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        app.config().put("INSTANCE_PATH", inst.toString());
        try {
            Files.createSymbolicLink(inst.resolve("link.txt"), secret);
            Files.createSymbolicLink(inst.resolve("dir"), outside);
        } catch (UnsupportedOperationException | IOException e) {
            return; // no symbolic links here (e.g. Windows without the privilege)
        }
        assertThrows(IllegalArgumentException.class, () -> app.openInstanceResource("link.txt"));
        assertThrows(IllegalArgumentException.class, () -> app.writeInstanceResource("link.txt"));
        assertThrows(IllegalArgumentException.class, () -> app.writeInstanceResource("dir/new.txt"));
        assertEquals("secret", Files.readString(secret));
        assertFalse(Files.exists(outside.resolve("new.txt")));
    }
}
