package dev.flaskj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.testing.FakeFilterChain;
import dev.flaskj.testing.FakeHttpServletRequest;
import dev.flaskj.testing.FakeHttpServletResponse;
import dev.flaskj.testing.FakeServletContext;
import dev.flaskj.testing.TestRequest;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.Enumeration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Large uploads are spooled into the web application's private temp folder, never a shared fixed-name one. */
class UploadTempDirTest {
    /** A file above the in-memory threshold, so it is written to disk. */
    private static final byte[] LARGE = new byte[700 * 1024];

    /** Reports how many spooled files exist below {@code watched} while the upload is being handled. */
    static Flask app(Path watched) {
        Flask app = new Flask("uploads");
        app.addUrlRule("/up", "up", args -> {
            long size = Flask.request().files().get("f").size();
            return size + " " + countFiles(watched) + " " + Flask.request().formLimits().tempDir();
        }, RuleOptions.methods("POST"));
        return app;
    }

    static long countFiles(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void uploadsGoToTheServletContextsTempDirAndAreRemovedAfterTheRequest(@TempDir Path contextTemp) throws Exception {
        Flask app = app(contextTemp);
        FakeServletContext sc = new FakeServletContext("");
        sc.setAttribute(ServletContext.TEMPDIR, contextTemp.toFile());
        FlaskFilter filter = new FlaskFilter(app, java.util.Map.of());
        filter.init(new FilterConfig() {
            @Override
            public String getFilterName() {
                return "flask";
            }

            @Override
            public ServletContext getServletContext() {
                return sc;
            }

            @Override
            public String getInitParameter(String name) {
                return null;
            }

            @Override
            public Enumeration<String> getInitParameterNames() {
                return Collections.emptyEnumeration();
            }
        });
        FakeHttpServletRequest req = TestRequest.post("/up").file("f", "big.bin", "application/octet-stream", LARGE)
                .toServletRequest(app);
        FakeHttpServletResponse res = new FakeHttpServletResponse();
        filter.doFilter(req, res, new FakeFilterChain());

        String body = new String(res.body(), StandardCharsets.UTF_8);
        assertEquals(200, res.getStatus(), body);
        assertEquals(LARGE.length + " 1 " + contextTemp, body); // spooled inside the context's folder
        assertEquals(0, countFiles(contextTemp), "temp files left behind");
        filter.destroy();
    }

    @Test
    void outsideAContainerTheFolderIsTheAppsOwnAndOwnerOnly() throws Exception {
        Path shared = Path.of(System.getProperty("java.io.tmpdir"), "flaskj-uploads");
        Flask app = app(Path.of(System.getProperty("java.io.tmpdir")));
        String[] parts = app.testClient().post("/up", r -> r.file("f", "big.bin", "application/octet-stream", LARGE))
                .text().split(" ", 3);
        assertEquals(String.valueOf(LARGE.length), parts[0]);
        Path dir = Path.of(parts[2]);
        assertNotEquals(shared, dir);
        assertTrue(dir.getFileName().toString().startsWith("flaskj-uploads-"), dir.toString());
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        }
        assertEquals(0, countFiles(dir));
        app.close();
        assertTrue(Files.notExists(dir), "the app's own folder is removed when it closes");
    }
}
