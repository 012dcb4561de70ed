package dev.flaskj;

import static dev.flaskj.Flask.sendFile;
import static dev.flaskj.Flask.sendFromDirectory;
import static dev.flaskj.Flask.sendStaticFile;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.exceptions.NotFound;
import dev.flaskj.testing.TestClient;
import dev.flaskj.testing.TestRequest;
import dev.flaskj.testing.TestResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code sendFile(Path | byte[] | InputStream, SendFileOptions)} and {@code sendFromDirectory(dir, name, options)}:
 * cases ported from Werkzeug's tests/test_send_file.py and Flask's tests/test_helpers.py {@code TestSendfile}
 * (named on each test), expected values as Flask 3.1 / Werkzeug 3.1 print them.
 */
class SendFileTest {
    private static final byte[] HELLO = "hello world".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    private static TestResponse get(Flask app, String path, String... headers) {
        TestRequest r = TestRequest.get(path);
        for (int i = 0; i < headers.length; i += 2) {
            r.header(headers[i], headers[i + 1]);
        }
        return app.testClient().open(r);
    }

    private Path txt() throws IOException {
        return Files.writeString(tmp.resolve("test.txt"), "FOUND\n");
    }

    // ------------------------------------------------------------------ options

    @Test
    void optionsChainFromAnyStartingPointAndAreImmutable() {
        SendFileOptions.Chain a = SendFileOptions.downloadName("r.pdf");
        SendFileOptions.Chain b = a.asAttachment(true).maxAge(5).etag("x").conditional(false)
                .lastModified(Instant.EPOCH).mimetype("application/pdf");
        assertFalse(a.isAsAttachment());
        assertNull(a.maxAgeOption());
        assertTrue(b.isAsAttachment());
        assertEquals("r.pdf", b.downloadNameOption());
        assertEquals(5, b.maxAgeOption());
        assertEquals("x", b.etagValue());
        assertFalse(b.isConditional());
        assertEquals(Instant.EPOCH, b.lastModifiedOption());
        assertEquals("application/pdf", b.mimetypeOption());
        assertFalse(SendFileOptions.etag(false).isEtag());
        assertTrue(SendFileOptions.defaults().isConditional());
        assertThrows(IllegalArgumentException.class, () -> SendFileOptions.etag("a\"b"));
        assertThrows(IllegalArgumentException.class, () -> SendFileOptions.maxAge(-1));
    }

    // ------------------------------------------------------------------ paths (Werkzeug test_path, test_etag ...)

    /** Werkzeug test_path / Flask TestSendfile.test_send_file: the type from the name, the bytes of the file. */
    @Test
    void pathWithOptions() throws IOException {
        Path html = Files.writeString(tmp.resolve("index.html"), "<h1>Hello World!</h1>");
        Flask app = new Flask("s");
        app.addUrlRule("/", "i", args -> sendFile(html, SendFileOptions.defaults()));
        TestResponse r = get(app, "/");
        assertEquals("text/html; charset=utf-8", r.contentType());
        assertEquals("<h1>Hello World!</h1>", r.text());
        assertEquals("inline; filename=index.html", r.header("Content-Disposition"));
    }

    /** Werkzeug test_last_modified: the option replaces the file's modification time. */
    @Test
    void lastModifiedOption() throws IOException {
        Path txt = txt();
        Flask app = new Flask("s");
        app.addUrlRule("/", "i", args -> sendFile(txt, SendFileOptions.lastModified(
                Instant.parse("1999-01-01T00:00:00Z"))));
        assertEquals("Fri, 01 Jan 1999 00:00:00 GMT", get(app, "/").header("Last-Modified"));
    }

    /** Werkzeug test_disposition_name. */
    @CsvSource({"false, inline", "true, attachment"})
    @ParameterizedTest
    void dispositionName(boolean asAttachment, String value) throws IOException {
        Path txt = txt();
        Flask app = new Flask("s");
        app.addUrlRule("/", "i", args -> sendFile(txt, SendFileOptions.asAttachment(asAttachment)));
        assertEquals(value + "; filename=test.txt", get(app, "/").header("Content-Disposition"));
    }

    /** Werkzeug test_non_ascii_name. */
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "index.html|index.html|",
        "Ñandú／pingüino.txt|\"Nandu/pinguino.txt\"|%C3%91and%C3%BA%EF%BC%8Fping%C3%BCino.txt",
        "Vögel.txt|Vogel.txt|V%C3%B6gel.txt",
        "те:/ст|\":/\"|%D1%82%D0%B5%3A%2F%D1%81%D1%82"})
    @ParameterizedTest
    void nonAsciiName(String name, String ascii, String utf8) throws IOException {
        Path txt = txt();
        Flask app = new Flask("s");
        app.addUrlRule("/", "i", args -> sendFile(txt, SendFileOptions.asAttachment(true).downloadName(name)));
        String cd = get(app, "/").header("Content-Disposition");
        assertTrue(cd.contains("filename=" + ascii), cd);
        if (utf8 != null) {
            assertTrue(cd.contains("filename*=UTF-8''" + utf8), cd);
        } else {
            assertFalse(cd.contains("filename*=UTF-8''"), cd);
        }
    }

    /** Werkzeug test_no_cache_conditional_default: no max age, and a 304 from the given Last-Modified. */
    @Test
    void noCacheConditionalDefault() throws IOException {
        Path txt = txt();
        Flask app = new Flask("s");
        app.addUrlRule("/", "i", args -> sendFile(txt, SendFileOptions.lastModified(
                Instant.parse("2020-07-11T00:00:00Z"))));
        TestResponse r = get(app, "/", "If-Modified-Since", "Sun, 12 Jul 2020 00:00:00 GMT");
        assertEquals(304, r.status());
        assertEquals("no-cache", r.header("Cache-Control"));
        assertNull(r.header("Expires"));
        assertEquals(0, r.data().length);
    }

    /** Werkzeug test_max_age: 0 keeps no-cache, a positive number is public; both send Expires. */
    @CsvSource({"0, 'no-cache, max-age=0'", "60, 'public, max-age=60'"})
    @ParameterizedTest
    void maxAge(int value, String cacheControl) throws IOException {
        Path txt = txt();
        Flask app = new Flask("s");
        app.config().put("SEND_FILE_MAX_AGE_DEFAULT", 3600); // the option wins over the config
        app.addUrlRule("/", "i", args -> sendFile(txt, SendFileOptions.maxAge(value)));
        TestResponse r = get(app, "/");
        assertEquals(200, r.status());
        assertEquals(cacheControl, r.header("Cache-Control"));
        assertNotNull(r.header("Expires"));
    }

    /** Werkzeug test_etag: computed from the path, off, or given. */
    @Test
    void etag() throws IOException {
        Path txt = txt();
        Flask app = new Flask("s");
        app.addUrlRule("/a", "a", args -> sendFile(txt, SendFileOptions.defaults()));
        app.addUrlRule("/b", "b", args -> sendFile(txt, SendFileOptions.etag(false)));
        app.addUrlRule("/c", "c", args -> sendFile(txt, SendFileOptions.etag("unique")));
        assertEquals(2, get(app, "/a").header("ETag").chars().filter(c -> c == '-').count());
        assertNull(get(app, "/b").header("ETag"));
        assertEquals("\"unique\"", get(app, "/c").header("ETag"));
        assertEquals(304, get(app, "/c", "If-None-Match", "\"unique\"").status());
    }

    /** Werkzeug test_content_encoding: {@code .svgz} is SVG, gzip-encoded (not for attachments). */
    @Test
    void contentEncoding() throws IOException {
        Path txt = txt();
        Flask app = new Flask("s");
        app.addUrlRule("/", "i", args -> sendFile(txt, SendFileOptions.downloadName("logo.svgz")));
        app.addUrlRule("/att", "att", args -> sendFile(txt, SendFileOptions.downloadName("a.tar.gz")
                .asAttachment(true)));
        TestResponse r = get(app, "/");
        assertEquals("image/svg+xml; charset=utf-8", r.contentType());
        assertEquals("gzip", r.header("Content-Encoding"));
        TestResponse att = get(app, "/att");
        assertEquals("application/x-tar", att.contentType());
        assertNull(att.header("Content-Encoding"));
    }

    /** Conditional off: no 304, no ranges, no Accept-Ranges (Werkzeug: make_conditional is not called). */
    @Test
    void conditionalOff() throws IOException {
        Path txt = txt();
        Flask app = new Flask("s");
        app.addUrlRule("/", "i", args -> sendFile(txt, SendFileOptions.etag("e").conditional(false)));
        TestResponse r = get(app, "/", "If-None-Match", "\"e\"", "Range", "bytes=0-1");
        assertEquals(200, r.status());
        assertEquals("FOUND\n", r.text());
        assertNull(r.header("Accept-Ranges"));
    }

    // ------------------------------------------------------------------ bytes (Werkzeug test_object with BytesIO)

    /** Werkzeug test_object (BytesIO): the bytes, the mimetype, a length, ranges; no ETag, no name. */
    @Test
    void bytesWithMimetype() {
        Flask app = new Flask("s");
        app.addUrlRule("/", "i", args -> sendFile(HELLO, SendFileOptions.mimetype("text/plain")));
        TestResponse r = get(app, "/");
        assertEquals("hello world", r.text());
        assertEquals("text/plain; charset=utf-8", r.contentType());
        assertEquals("11", r.header("Content-Length"));
        assertEquals("bytes", r.header("Accept-Ranges"));
        assertNull(r.header("ETag"));
        assertNull(r.header("Last-Modified"));
        assertNull(r.header("Content-Disposition"));
        TestResponse part = get(app, "/", "Range", "bytes=0-3");
        assertEquals(206, part.status());
        assertEquals("hell", part.text());
        assertEquals("bytes 0-3/11", part.header("Content-Range"));
        assertEquals(416, get(app, "/", "Range", "bytes=20-30").status());
    }

    /** Werkzeug test_object_without_mimetype: Flask's message, at call time. */
    @Test
    void bytesAndStreamsWithoutMimetypeOrName() {
        Flask app = new Flask("s");
        try (var ctx = app.testRequestContext("/")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> sendFile(HELLO, SendFileOptions.defaults()));
            assertEquals("Unable to detect the MIME type because a file name is not available. Either set"
                    + " 'download_name', pass a path instead of a file, or set 'mimetype'.", e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> sendFile(new ByteArrayInputStream(HELLO),
                    SendFileOptions.asAttachment(false)));
        }
    }

    /** Werkzeug test_object_mimetype_from_name. */
    @Test
    void bytesMimetypeFromDownloadName() {
        Flask app = new Flask("s");
        try (var ctx = app.testRequestContext("/")) {
            Response r = sendFile(HELLO, SendFileOptions.downloadName("test.txt"));
            assertEquals("text/plain", r.mimetype());
            assertEquals("inline; filename=test.txt", r.headers().get("Content-Disposition"));
        }
    }

    /** Werkzeug test_object_attachment_requires_name. */
    @Test
    void attachmentRequiresName() {
        Flask app = new Flask("s");
        try (var ctx = app.testRequestContext("/")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> sendFile(HELLO, SendFileOptions.mimetype("text/plain").asAttachment(true)));
            assertTrue(e.getMessage().contains("attachment"), e.getMessage());
            Response r = sendFile(HELLO, SendFileOptions.asAttachment(true).downloadName("test.txt"));
            assertEquals("attachment; filename=test.txt", r.headers().get("Content-Disposition"));
        }
    }

    /** Flask TestSendfile.test_send_file_last_modified: a given Last-Modified, and 304 from it. */
    @Test
    void bytesLastModifiedAndEtagMakeThemConditional() {
        Flask app = new Flask("s");
        app.addUrlRule("/", "i", args -> sendFile(HELLO, SendFileOptions.mimetype("text/plain")
                .lastModified(Instant.parse("1999-01-01T00:00:00Z")).etag("v1")));
        TestResponse r = get(app, "/");
        assertEquals("Fri, 01 Jan 1999 00:00:00 GMT", r.header("Last-Modified"));
        assertEquals(304, get(app, "/", "If-None-Match", "\"v1\"").status());
        assertEquals(304, get(app, "/", "If-Modified-Since", "Fri, 01 Jan 1999 00:00:00 GMT").status());
        assertEquals(200, get(app, "/", "If-None-Match", "\"v0\"").status());
    }

    // ------------------------------------------------------------------ streams

    /** Counts what was read, and whether it was closed. */
    private static final class Source extends InputStream {
        final long size;
        final AtomicLong read = new AtomicLong();
        final AtomicBoolean closed = new AtomicBoolean();

        Source(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (read.get() >= size) {
                return -1;
            }
            return (int) (read.getAndIncrement() % 251);
        }

        @Override
        public int read(byte[] b, int off, int len) {
            long left = size - read.get();
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, Math.min(left, 4096));
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) ((read.get() + i) % 251);
            }
            read.addAndGet(n);
            return n;
        }

        @Override
        public void close() {
            closed.set(true);
        }
    }

    /** A stream is read while the response is written, a little at a time, never whole; then closed. */
    @Test
    void streamIsNotBufferedWhole() throws IOException {
        long size = 4L * 1024 * 1024;
        Source in = new Source(size);
        Flask app = new Flask("s");
        Response r;
        try (var ctx = app.testRequestContext("/")) {
            r = sendFile(in, SendFileOptions.mimetype("application/octet-stream"));
        }
        assertTrue(r.isStreamed());
        assertEquals(-1, r.contentLength());
        assertEquals(0, in.read.get(), "nothing is read before the body is written");
        AtomicLong maxAhead = new AtomicLong();
        AtomicLong written = new AtomicLong();
        OutputStream out = new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                written.addAndGet(len);
                maxAhead.accumulateAndGet(in.read.get() - written.get(), Math::max);
            }
        };
        r.writeBody(out);
        assertEquals(size, written.get());
        assertTrue(maxAhead.get() <= 64 * 1024, "read ahead of what was written: " + maxAhead.get());
        assertTrue(in.closed.get());
    }

    /** Over HTTP: no Content-Length, the whole body for a Range (unknown length), closed even for HEAD. */
    @Test
    void streamOverTheTestClient() {
        Flask app = new Flask("s");
        Source[] last = new Source[1];
        app.addUrlRule("/", "i", args -> {
            last[0] = new Source(10_000);
            return sendFile(last[0], SendFileOptions.downloadName("data.csv"));
        }, "GET");
        TestClient client = app.testClient();
        TestResponse r = client.open(TestRequest.get("/").header("Range", "bytes=0-9"));
        assertEquals(200, r.status());
        assertEquals(10_000, r.data().length);
        assertEquals("text/csv; charset=utf-8", r.contentType());
        assertNull(r.header("Content-Length"));
        assertNull(r.header("ETag"));
        assertEquals("bytes", r.header("Accept-Ranges"));
        assertTrue(last[0].closed.get());
        TestResponse head = client.head("/");
        assertEquals(200, head.status());
        assertTrue(last[0].closed.get(), "closed though never read");
        assertEquals(0, last[0].read.get());
    }

    /** A stream with a given ETag answers 304 without being read, and is closed. */
    @Test
    void streamNotModified() {
        Flask app = new Flask("s");
        Source[] last = new Source[1];
        app.addUrlRule("/", "i", args -> {
            last[0] = new Source(100);
            return sendFile(last[0], SendFileOptions.mimetype("text/plain").etag("s1"));
        });
        TestResponse r = get(app, "/", "If-None-Match", "\"s1\"");
        assertEquals(304, r.status());
        assertEquals(0, last[0].read.get());
        assertTrue(last[0].closed.get());
    }

    // ------------------------------------------------------------------ sendFromDirectory

    /** Werkzeug test_from_directory / Flask TestSendfile.test_send_from_directory, with options. */
    @Test
    void fromDirectoryWithOptions() throws IOException {
        txt();
        Flask app = new Flask("s");
        app.addUrlRule("/d/<path:name>", "d", args -> sendFromDirectory(tmp, args.get("name"),
                SendFileOptions.asAttachment(true).downloadName("report.txt").maxAge(10)));
        TestResponse r = get(app, "/d/test.txt");
        assertEquals("FOUND", r.text().strip());
        assertEquals("attachment; filename=report.txt", r.header("Content-Disposition"));
        assertEquals("public, max-age=10", r.header("Cache-Control"));
    }

    /** Werkzeug test_from_directory_not_found. */
    @ParameterizedTest
    @ValueSource(strings = {"../res/test.txt", "nothing.txt", "null\u0000.txt"})
    void fromDirectoryNotFound(String path) throws IOException {
        txt();
        Flask app = new Flask("s");
        try (var ctx = app.testRequestContext("/")) {
            assertThrows(NotFound.class, () -> sendFromDirectory(tmp, path, SendFileOptions.defaults()));
        }
    }

    /** Flask TestSendfile.test_static_file: SEND_FILE_MAX_AGE_DEFAULT for the static endpoint and sendFile. */
    @Test
    void staticFileMaxAgeFromConfig() throws IOException {
        Path txt = txt();
        Flask app = new Flask("s");
        try (var ctx = app.testRequestContext("/")) {
            assertEquals("no-cache", sendStaticFile("twenty.txt").headers().get("Cache-Control"));
            assertEquals("no-cache", sendFile(txt, SendFileOptions.defaults()).headers().get("Cache-Control"));
            app.config().put("SEND_FILE_MAX_AGE_DEFAULT", 3600);
            assertEquals("public, max-age=3600", sendStaticFile("twenty.txt").headers().get("Cache-Control"));
            assertEquals("public, max-age=3600", sendFile(txt, SendFileOptions.defaults()).headers()
                    .get("Cache-Control"));
        }
    }

    /** The older overloads go through the same implementation (same headers as the options form). */
    @Test
    void olderOverloadsMatchTheOptions() throws IOException {
        Path txt = txt();
        Flask app = new Flask("s");
        app.addUrlRule("/old", "old", args -> sendFile(txt, null, true, "r.pdf"));
        app.addUrlRule("/new", "new", args -> sendFile(txt, SendFileOptions.asAttachment(true)
                .downloadName("r.pdf")));
        TestResponse a = get(app, "/old");
        TestResponse b = get(app, "/new");
        for (String h : new String[] {"Content-Type", "Content-Disposition", "ETag", "Last-Modified",
                "Cache-Control", "Content-Length"}) {
            assertEquals(b.header(h), a.header(h), h);
        }
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.write(a.data());
        assertArrayEquals(b.data(), both.toByteArray());
    }
}
