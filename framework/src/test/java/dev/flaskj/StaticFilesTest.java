package dev.flaskj;

import static dev.flaskj.Flask.sendFile;
import static dev.flaskj.Flask.sendFromDirectory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.FakeExchange.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The static endpoint, {@code sendFile} and {@code sendFromDirectory} (expected headers
 * and statuses as printed by Flask 3.1.3 / Werkzeug 3.1.8).
 */
class StaticFilesTest {

    private static Result get(Flask app, String uri, String... headers) {
        FakeExchange ex = FakeExchange.get(app, uri);
        for (int i = 0; i < headers.length; i += 2) {
            ex.header(headers[i], headers[i + 1]);
        }
        return ex.run();
    }

    @Test
    void fullResponseHeaders() {
        Result r = get(new Flask("s"), "/static/twenty.txt");
        assertEquals(200, r.status());
        assertEquals("01234567890123456789", r.text());
        assertEquals("text/plain; charset=utf-8", r.header("Content-Type"));
        assertEquals("20", r.header("Content-Length"));
        assertEquals("inline; filename=twenty.txt", r.header("Content-Disposition"));
        assertEquals("no-cache", r.header("Cache-Control"));
        assertEquals("bytes", r.header("Accept-Ranges"));
        assertTrue(r.header("ETag").matches("\"[0-9]+\\.[0-9]+-20-[0-9]+\""), r.header("ETag"));
        assertTrue(r.header("Last-Modified").endsWith(" GMT"), r.header("Last-Modified"));
        assertNull(r.header("Expires"));
    }

    @CsvSource(textBlock = """
            style.css,  text/css; charset=utf-8
            sub/x.js,   text/javascript; charset=utf-8
            """)
    @ParameterizedTest(name = "{0} -> {1}")
    void contentTypes(String file, String type) {
        assertEquals(type, get(new Flask("s"), "/static/" + file).header("Content-Type"));
    }

    @CsvSource(textBlock = """
            a.json,      application/json,
            a.svg,       image/svg+xml,
            a.woff2,     font/woff2,
            a.mp4,       video/mp4,
            noext,       application/octet-stream,
            .css,        application/octet-stream,
            a.css.gz,    text/css,                 gzip
            a.gz,        application/octet-stream, gzip
            a.tar.gz,    application/x-tar,        gzip
            A.PNG,       image/png,
            """)
    @ParameterizedTest(name = "{0} -> {1} {2}")
    void mimeGuessesLikePython(String name, String type, String encoding) {
        MimeTypes.Guess g = MimeTypes.guess(null, name);
        assertEquals(type, g.mimetype());
        assertEquals(encoding, g.encoding());
    }

    @Test
    void etagIsWerkzeugs() {
        FileSender.Source src = new FileSender.Source("style.css", "/srv/static/style.css", 21,
                Instant.ofEpochSecond(1700000000), null);
        assertEquals("\"1700000000.0-21-1471350809\"", FileSender.etag(src));
    }

    @CsvSource(delimiter = '|', textBlock = """
            false | a b.txt        | inline; filename="a b.txt"
            false | style.css      | inline; filename=style.css
            false | naïve file.css | inline; filename="naive file.css"; filename*=UTF-8''na%C3%AFve%20file.css
            true  | r.pdf          | attachment; filename=r.pdf
            true  | naïve file.css | attachment; filename="naive file.css"; filename*=UTF-8''na%C3%AFve%20file.css
            false | a"b;c.txt      | inline; filename="a\\"b;c.txt"
            """)
    @ParameterizedTest(name = "{1} attachment={0}")
    void contentDisposition(boolean asAttachment, String name, String expected) {
        assertEquals(expected, FileSender.contentDisposition(asAttachment, name));
    }

    @Test
    void headHasLengthAndNoBody() {
        Result r = FakeExchange.request(new Flask("s"), "HEAD", "/static/twenty.txt").run();
        assertEquals(200, r.status());
        assertEquals("20", r.header("Content-Length"));
        assertEquals(0, r.body().length);
    }

    @Test
    void notModifiedOnEtagAndDate() {
        Flask app = new Flask("s");
        Result full = get(app, "/static/twenty.txt");
        String etag = full.header("ETag");
        for (String inm : new String[] {etag, "W/" + etag, "*", "\"other\", " + etag}) {
            Result r = get(app, "/static/twenty.txt", "If-None-Match", inm);
            assertEquals(304, r.status(), inm);
            assertEquals(0, r.body().length);
            assertEquals(etag, r.header("ETag"));
            assertEquals("no-cache", r.header("Cache-Control"));
            assertNull(r.header("Content-Type"));
            assertNull(r.header("Content-Length"));
            assertNull(r.header("Last-Modified"));
        }
        assertEquals(200, get(app, "/static/twenty.txt", "If-None-Match", "\"other\"").status());
        assertEquals(304, get(app, "/static/twenty.txt", "If-Modified-Since", full.header("Last-Modified")).status());
        assertEquals(200, get(app, "/static/twenty.txt", "If-Modified-Since", "Thu, 01 Jan 1970 00:00:00 GMT")
                .status());
        assertEquals(412, get(app, "/static/twenty.txt", "If-Match", "\"zz\"").status());
        assertEquals(200, get(app, "/static/twenty.txt", "If-Match", etag).status());
    }

    static Stream<Arguments> ranges() {
        return Stream.of(
                Arguments.of("bytes=0-4", 206, "01234", "bytes 0-4/20"),
                Arguments.of("bytes=15-", 206, "56789", "bytes 15-19/20"),
                Arguments.of("bytes=-3", 206, "789", "bytes 17-19/20"),
                Arguments.of("bytes=0-100", 206, "01234567890123456789", "bytes 0-19/20"),
                Arguments.of("bytes=19-", 206, "9", "bytes 19-19/20"),
                Arguments.of("bytes=50-60", 416, null, "bytes */20"),
                Arguments.of("bytes=20-", 416, null, "bytes */20"),
                Arguments.of("bytes=0-1,5-6", 416, null, "bytes */20"),
                Arguments.of("bytes=-30", 416, null, "bytes */20"),
                Arguments.of("bytes=abc", 416, null, "bytes */20"),
                Arguments.of("bytes=5-2", 416, null, "bytes */20"),
                Arguments.of("items=0-1", 416, null, "bytes */20"),
                Arguments.of("bytes=-", 416, null, "bytes */20"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("ranges")
    void rangeRequests(String range, int status, String body, String contentRange) {
        Result r = get(new Flask("s"), "/static/twenty.txt", "Range", range);
        assertEquals(status, r.status());
        assertEquals(contentRange, r.header("Content-Range"));
        if (body != null) {
            assertEquals(body, r.text());
            assertEquals(String.valueOf(body.length()), r.header("Content-Length"));
        } else {
            assertTrue(r.text().contains("416 Requested Range Not Satisfiable"), r.text());
        }
    }

    @Test
    void ifRangeDecidesBetweenPartAndWhole() {
        Flask app = new Flask("s");
        String etag = get(app, "/static/twenty.txt").header("ETag");
        assertEquals(206, get(app, "/static/twenty.txt", "Range", "bytes=0-1", "If-Range", etag).status());
        Result stale = get(app, "/static/twenty.txt", "Range", "bytes=0-1", "If-Range", "\"x\"");
        assertEquals(200, stale.status());
        assertEquals(20, stale.body().length);
    }

    @Test
    void cacheControlFromConfig() {
        Flask app = new Flask("s");
        app.config().put("SEND_FILE_MAX_AGE_DEFAULT", 3600);
        Result r = get(app, "/static/twenty.txt");
        assertEquals("public, max-age=3600", r.header("Cache-Control"));
        assertTrue(r.header("Expires").endsWith(" GMT"));
        Flask zero = new Flask("z");
        zero.config().put("SEND_FILE_MAX_AGE_DEFAULT", 0);
        assertEquals("no-cache, max-age=0", get(zero, "/static/twenty.txt").header("Cache-Control"));
    }

    @Test
    void sendFromDirectoryServesInsideOnly(@TempDir Path tmp) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("files"));
        Files.writeString(dir.resolve("ok.txt"), "ok");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(tmp.resolve("secret.txt"), "secret");
        boolean links = trySymlink(dir.resolve("link.txt"), tmp.resolve("secret.txt"));
        Files.setLastModifiedTime(dir.resolve("ok.txt"), FileTime.from(Instant.ofEpochSecond(1700000000)));
        Flask app = new Flask("d");
        app.addUrlRule("/f/<path:name>", "f", args -> sendFromDirectory(dir, args.get("name")));
        app.addUrlRule("/inside", "inside", args -> sendFromDirectory(dir, "sub/../ok.txt"));
        Result ok = get(app, "/f/ok.txt");
        assertEquals(200, ok.status());
        assertEquals("ok", ok.text());
        assertEquals("Tue, 14 Nov 2023 22:13:20 GMT", ok.header("Last-Modified"));
        // A file name with a dot segment that stays inside the folder is served (safe_join normalises it), but a
        // request path with one is never routed: the container would map it as /f/ok.txt.
        assertEquals(200, get(app, "/inside").status());
        assertEquals(404, get(app, "/f/sub/../ok.txt").status());
        for (String bad : new String[] {"/f/../secret.txt", "/f/%2e%2e/secret.txt", "/f/sub", "/f/nope.txt",
                "/f/..%5csecret.txt", "/f/ok.txt%00"}) {
            Result r = get(app, bad);
            assertEquals(404, r.status(), bad);
            assertFalse(r.text().contains("secret"), bad);
        }
        if (links) {
            assertEquals(404, get(app, "/f/link.txt").status());
        }
    }

    @Test
    void sendFileWithMimetype(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("data.bin"), "a,b\n");
        Flask app = new Flask("d");
        app.addUrlRule("/csv", "csv", args -> sendFile(file, "text/csv"));
        app.addUrlRule("/bin", "bin", args -> sendFile(file));
        assertEquals("text/csv; charset=utf-8", get(app, "/csv").header("Content-Type"));
        Result bin = get(app, "/bin");
        assertEquals("application/octet-stream", bin.header("Content-Type"));
        assertEquals("a,b\n", bin.text());
    }

    @Test
    void sendFileAsAttachmentUnderADownloadName(@TempDir Path tmp) throws IOException {
        // Flask 3.1: send_file(style.css, as_attachment=True, download_name="r.pdf") -> application/pdf,
        // "attachment; filename=r.pdf"; a download_name alone keeps "inline"; the ETag still names the file.
        Path file = Files.writeString(tmp.resolve("style.css"), "body{}\n");
        Flask app = new Flask("d");
        app.addUrlRule("/b", "b", args -> sendFile(file, null, true, "r.pdf"));
        app.addUrlRule("/e", "e", args -> sendFile(file, null, false, "notes.txt"));
        app.addUrlRule("/own", "own", args -> sendFile(file, null, true, null));
        app.addUrlRule("/dir/<name>", "dir", args -> sendFromDirectory(tmp, args.get("name"), true, null));
        Result b = get(app, "/b");
        assertEquals("application/pdf", b.header("Content-Type"));
        assertEquals("attachment; filename=r.pdf", b.header("Content-Disposition"));
        assertEquals("body{}\n", b.text());
        assertEquals(get(app, "/own").header("ETag"), b.header("ETag"));
        Result e = get(app, "/e");
        assertEquals("text/plain; charset=utf-8", e.header("Content-Type"));
        assertEquals("inline; filename=notes.txt", e.header("Content-Disposition"));
        assertEquals("attachment; filename=style.css", get(app, "/own").header("Content-Disposition"));
        assertEquals("text/css; charset=utf-8", get(app, "/own").header("Content-Type"));
        assertEquals("attachment; filename=style.css", get(app, "/dir/style.css").header("Content-Disposition"));
        assertEquals(404, get(app, "/dir/..%2Fx").status());
    }

    @Test
    void largeFileIsStreamedInRanges(@TempDir Path tmp) throws IOException {
        byte[] data = new byte[300_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i % 251);
        }
        Path file = Files.write(tmp.resolve("big.bin"), data);
        Flask app = new Flask("d");
        app.addUrlRule("/big", "big", args -> sendFile(file));
        Result r = get(app, "/big", "Range", "bytes=100000-299999");
        assertEquals(206, r.status());
        assertEquals(200_000, r.body().length);
        assertEquals(data[100_000], r.body()[0]);
        assertEquals(data[299_999], r.body()[199_999]);
    }

    private static boolean trySymlink(Path link, Path target) {
        try {
            Files.createSymbolicLink(link, target);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false; // e.g. Windows without the privilege: the check is then covered by the other probes
        }
    }

    // ------------------------------------------------------------------ private folders are never served

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "/templates/hello.html", "/TEMPLATES/hello.html", "/templates/", "/templates",
        "/WEB-INF/web.xml", "/web-inf/web.xml", "/WEB-INF/", "/META-INF/MANIFEST.MF", "/meta-inf/x",
        "/static/../templates/hello.html", "/static/%2e%2e/templates/hello.html", "/static/%2E%2E/templates/hello.html",
        "/static/..%2ftemplates/hello.html", "/static/..%2Ftemplates%2Fhello.html", "/static/.%2e/templates/hello.html",
        "/static/..%5ctemplates%5chello.html", "/static/..\\templates\\hello.html", "/static/%252e%252e/templates/hello.html",
        "/static/%252e%252e%252ftemplates%252fhello.html", "/static/WEB-INF/secret.txt", "/static/web-inf/secret.txt",
        "/static/Web-Inf/secret.txt", "/static/META-INF/secret.txt", "/static/sub/../WEB-INF/secret.txt",
        "/static/twenty.txt;jsessionid=1", "/static/..;/templates/hello.html", "/static/%2e%2e;x=1/templates/hello.html",
        "/static//etc/passwd", "/static/%2fetc%2fpasswd", "/static/twenty.txt%00.css", "/static/sub",
        "/static/sub/", "/static/", "/static/.", "/static/C:/Windows/win.ini", "/static/..%c0%af../templates/hello.html",
        "/%2e%2e/templates/hello.html", "/static/%5c..%5c..%5ctemplates%5chello.html",
        "/;/templates/hello.html", "/static/;/../templates/hello.html"})
    void privateFoldersAreNeverServed(String uri) {
        Result classpath = get(new Flask("p"), uri);
        // Werkzeug merges "//" with a 308 (to /static/etc/passwd, itself a 404); anything else is a 404.
        boolean mergedSlashes = classpath.status() == 308
                && classpath.header("Location").startsWith("http://localhost/static/etc");
        assertTrue(classpath.status() == 404 || mergedSlashes, uri + " -> " + classpath.status());
        assertFalse(classpath.text().contains("th:text") || classpath.text().contains("secret"), uri);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "/templates/page.html", "/WEB-INF/web.xml", "/static/../WEB-INF/web.xml", "/static/%2e%2e/WEB-INF/web.xml",
        "/static/..%2fWEB-INF%2fweb.xml", "/static/..%5cWEB-INF%5cweb.xml", "/static/%252e%252e/WEB-INF/web.xml",
        "/static/WEB-INF/web.xml", "/static/style.css;x=1", "/static/../templates/page.html", "/static/sub/",
        "/static/../../outside.txt"})
    void privateFoldersAreNeverServedFromTheWebapp(String uri, @TempDir Path tmp) throws IOException {
        Path webapp = Files.createDirectories(tmp.resolve("webapp"));
        Files.createDirectories(webapp.resolve("static/sub"));
        Files.createDirectories(webapp.resolve("static/WEB-INF"));
        Files.createDirectories(webapp.resolve("WEB-INF"));
        Files.createDirectories(webapp.resolve("templates"));
        Files.writeString(webapp.resolve("static/style.css"), "body{}");
        Files.writeString(webapp.resolve("static/WEB-INF/web.xml"), "secret");
        Files.writeString(webapp.resolve("WEB-INF/web.xml"), "secret");
        Files.writeString(webapp.resolve("templates/page.html"), "secret");
        Files.writeString(tmp.resolve("outside.txt"), "secret");
        Flask app = new Flask("w");
        app.initServletContext(TemplatingTest.servletContext(webapp, ""));
        assertEquals("body{}", get(app, "/static/style.css").text()); // the folder itself works
        Result r = get(app, uri);
        assertEquals(404, r.status(), uri);
        assertFalse(r.text().contains("secret"), uri);
    }
}
