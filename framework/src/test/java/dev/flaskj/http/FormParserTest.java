package dev.flaskj.http;

import static dev.flaskj.http.FakeRequests.multipartCase;
import static dev.flaskj.http.FakeRequests.request;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.exceptions.BadRequest;
import dev.flaskj.exceptions.RequestEntityTooLarge;
import dev.flaskj.http.FakeRequests.FakeBody;
import dev.flaskj.http.FakeRequests.GeneratedUpload;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.Mockito;

/** Multipart cases are the raw bodies in {@code src/test/resources/multipart/}; Werkzeug 3.1.8 gave the same. */
class FormParserTest {
    @TempDir
    Path root;
    private Path uploads;
    private FormLimits limits;

    @BeforeEach
    void setUp() {
        uploads = root.resolve("uploads");
        limits = new FormLimits(null, 500_000, 1000, 64, uploads);
    }

    @AfterEach
    void noTempFileIsLeft() throws IOException {
        assertEquals(List.of(), tempEntries(), "temp files left behind");
    }

    private List<Path> tempEntries() throws IOException {
        if (!Files.exists(uploads)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(uploads)) {
            return s.filter(p -> !p.equals(uploads)).toList();
        }
    }

    private static String text(FileStorage f) throws IOException {
        return new String(f.read(), StandardCharsets.UTF_8);
    }

    @Test
    void goodUpload() throws IOException {
        try (ParsedForm parsed = FormParser.parse(multipartCase("good-upload"), limits)) {
            assertEquals(List.of("Hello w\u00f6rld", "second"), parsed.form().getList("title"));
            FileStorage upload = parsed.files().get("upload");
            assertEquals("upload", upload.name());
            assertEquals("hello.txt", upload.filename());
            assertEquals("text/plain; charset=utf-8", upload.contentType());
            assertEquals("text/plain", upload.mimetype());
            assertEquals("Hello\r\nWorld\n", text(upload));
            assertEquals(13, upload.size());
            assertEquals("form-data; name=\"upload\"; filename=\"hello.txt\"",
                    upload.headers().get("Content-Disposition"));
            // An empty file field: filename "" and no content; Python's bool(fs) is False.
            FileStorage empty = parsed.files().get("empty");
            assertEquals("", empty.filename());
            assertFalse(empty.hasFilename());
            assertEquals(0, empty.size());
            assertFalse(parsed.form().containsKey("upload"));
        }
    }

    @Test
    void largeFilesSpillToAPrivateTempFolderDeletedOnClose() throws IOException {
        FormLimits tiny = new FormLimits(null, 500_000, 1000, 4, uploads);
        ParsedForm parsed = FormParser.parse(multipartCase("good-upload"), tiny);
        List<Path> during = tempEntries();
        assertEquals(2, during.size(), during.toString()); // the request folder and one file
        assertEquals("Hello\r\nWorld\n", text(parsed.files().get("upload")));
        try (InputStream a = parsed.files().get("upload").stream(); InputStream b = parsed.files().get("upload").stream()) {
            assertEquals('H', a.read());
            assertEquals('H', b.read()); // a fresh stream each call
        }
        parsed.close();
        parsed.close(); // idempotent
    }

    @Test
    void severalFilesUnderOneField() throws IOException {
        try (ParsedForm parsed = FormParser.parse(multipartCase("several-files-one-field"), limits)) {
            List<FileStorage> docs = parsed.files().getList("docs");
            assertEquals(3, docs.size());
            assertEquals("a.txt", docs.get(0).filename());
            assertEquals("alpha", text(docs.get(0)));
            byte[] all = new byte[256];
            for (int i = 0; i < 256; i++) {
                all[i] = (byte) i;
            }
            assertArrayEquals(all, docs.get(1).read()); // above the 64-byte threshold: read back from disk
            assertEquals("application/octet-stream", docs.get(1).mimetype());
            assertNull(docs.get(2).contentType());
            assertEquals("", docs.get(2).mimetype());
            assertEquals(0, docs.get(2).contentLength()); // Werkzeug: no part Content-Length header -> 0
            assertTrue(parsed.form().isEmpty());
        }
    }

    @Test
    void nonAsciiAndHostileFilenamesAreReturnedAsSent() throws IOException {
        try (ParsedForm parsed = FormParser.parse(multipartCase("non-ascii-filename"), limits)) {
            assertEquals("r\u00e9sum\u00e9 \u65e5\u672c.pdf", parsed.files().get("cv").filename());
            assertEquals("../../etc/passwd", parsed.files().get("path").filename());
            assertEquals("C:\\dir\\a\"b.txt", parsed.files().get("quoted").filename());
            assertEquals("\u00e9t\u00e9.txt", parsed.files().get("rfc2231").filename());
        }
    }

    @Test
    void fieldOverMemoryLimitIs413() {
        FormLimits small = new FormLimits(null, 50, 1000, 64, uploads);
        // The 100-byte file before it is fine (and spilled to disk); the 100-byte field is not.
        assertThrows(RequestEntityTooLarge.class, () -> FormParser.parse(multipartCase("field-over-memory-limit"), small));
    }

    @Test
    void fieldAtTheMemoryLimitIsAccepted() {
        FormLimits exact = new FormLimits(null, 100, 1000, 1000, uploads);
        try (ParsedForm parsed = FormParser.parse(multipartCase("field-over-memory-limit"), exact)) {
            assertEquals(100, parsed.form().get("big").length());
            assertEquals(100, parsed.files().get("upload").size());
        }
    }

    @Test
    void tooManyPartsIs413() {
        FormLimits three = new FormLimits(null, 500_000, 3, 64, uploads);
        assertThrows(RequestEntityTooLarge.class, () -> FormParser.parse(multipartCase("too-many-parts"), three));
        FormLimits four = new FormLimits(null, 500_000, 4, 64, uploads);
        try (ParsedForm parsed = FormParser.parse(multipartCase("too-many-parts"), four)) {
            assertEquals(4, parsed.form().size());
        }
    }

    @Test
    void truncatedBodyIs400AndLeavesNoTempFile() {
        assertThrows(BadRequest.class, () -> FormParser.parse(multipartCase("truncated-body"),
                new FormLimits(null, 500_000, 1000, 8, uploads)));
    }

    @Test
    void missingBoundaryIs400() {
        BadRequest e = assertThrows(BadRequest.class, () -> FormParser.parse(multipartCase("missing-boundary"), limits));
        assertEquals(400, e.code());
    }

    @Test
    void bodyOverMaxContentLengthWithALyingContentLengthStopsReading() {
        FakeBody body = new FakeBody(new ByteArrayInputStream(FakeRequests.resource("lying-content-length", "body.bin")));
        HttpServletRequest req = request("multipart/form-data; boundary=----flaskjBoundary7MA4YWxk", 100, body);
        FormLimits max = new FormLimits(1000L, 500_000, 1000, 64, uploads);
        assertThrows(RequestEntityTooLarge.class, () -> FormParser.parse(req, max));
        assertEquals(1001, body.count()); // reading stops one byte past the limit
    }

    @Test
    void contentLengthOverTheLimitIs413WithoutReading() {
        FakeBody body = new FakeBody(new ByteArrayInputStream(FakeRequests.resource("good-upload", "body.bin")));
        HttpServletRequest req = request("multipart/form-data; boundary=----flaskjBoundary7MA4YWxk", 5000, body);
        assertThrows(RequestEntityTooLarge.class, () -> FormParser.parse(req, limits.withMaxContentLength(4999L)));
        assertEquals(0, body.count());
    }

    @Test
    void hugePartHeaderIs413() {
        assertThrows(RequestEntityTooLarge.class, () -> FormParser.parse(multipartCase("huge-part-header"), limits));
    }

    @Test
    void bogusCharsetParameterIsIgnored() {
        byte[] body = FakeRequests.resource("good-upload", "body.bin");
        HttpServletRequest req = request("multipart/form-data; boundary=----flaskjBoundary7MA4YWxk; charset=bogus",
                body);
        Mockito.when(req.getCharacterEncoding()).thenReturn("bogus");
        try (ParsedForm parsed = FormParser.parse(req, limits)) {
            assertEquals("Hello w\u00f6rld", parsed.form().get("title"));
        }
    }

    @Test
    void largeUploadIsStreamedToDiskWithBoundedMemory() throws IOException {
        long size = 20L * 1024 * 1024;
        GeneratedUpload gen = new GeneratedUpload(size, -1);
        HttpServletRequest req = request("multipart/form-data; boundary=" + GeneratedUpload.BOUNDARY, gen.length(),
                new FakeBody(gen));
        try (ParsedForm parsed = FormParser.parse(req, FormLimits.defaults().withTempDir(uploads))) {
            FileStorage big = parsed.files().get("big");
            assertEquals(size, big.size());
            try (InputStream in = big.stream()) {
                in.skipNBytes(size - 1);
                assertEquals(GeneratedUpload.contentByte(size - 1), (byte) in.read());
                assertEquals(-1, in.read());
            }
        }
    }

    @Test
    void clientDisconnectMidUploadIs400AndDeletesTheTempFile() {
        GeneratedUpload gen = new GeneratedUpload(2L * 1024 * 1024, 1024 * 1024);
        HttpServletRequest req = request("multipart/form-data; boundary=" + GeneratedUpload.BOUNDARY, gen.length(),
                new FakeBody(gen));
        assertThrows(BadRequest.class, () -> FormParser.parse(req, FormLimits.defaults().withTempDir(uploads)));
    }

    @Test
    void urlencodedBody() {
        HttpServletRequest req = request("application/x-www-form-urlencoded; charset=bogus",
                "a=1&a=2&b=x+y%20z&e=%ZZ".getBytes(StandardCharsets.US_ASCII));
        try (ParsedForm parsed = FormParser.parse(req, limits)) {
            assertEquals(List.of("1", "2"), parsed.form().getList("a"));
            assertEquals("x y z", parsed.form().get("b"));
            assertEquals("%ZZ", parsed.form().get("e"));
            assertTrue(parsed.files().isEmpty());
        }
    }

    @Test
    void urlencodedBodyOverMemoryLimitIs413EvenWithoutContentLength() {
        byte[] body = ("a=" + "x".repeat(100)).getBytes(StandardCharsets.US_ASCII);
        FormLimits small = new FormLimits(null, 50, 1000, 64, uploads);
        HttpServletRequest declared = request("application/x-www-form-urlencoded", body);
        assertThrows(RequestEntityTooLarge.class, () -> FormParser.parse(declared, small));
        HttpServletRequest chunked = request("application/x-www-form-urlencoded", -1,
                new FakeBody(new ByteArrayInputStream(body)));
        assertThrows(RequestEntityTooLarge.class, () -> FormParser.parse(chunked, small));
    }

    @Test
    void urlencodedIgnoresMaxFormParts() {
        HttpServletRequest req = request("application/x-www-form-urlencoded", "a=1&b=2&c=3".getBytes(StandardCharsets.US_ASCII));
        try (ParsedForm parsed = FormParser.parse(req, new FormLimits(null, 500_000, 1, 64, uploads))) {
            assertEquals(3, parsed.form().size());
        }
    }

    @Test
    void urlencodedBodyThatIsNotUtf8GivesAnEmptyFormAsWerkzeug() {
        HttpServletRequest req = request("application/x-www-form-urlencoded", new byte[] {'a', '=', (byte) 0xff});
        assertSame(ParsedForm.empty(), FormParser.parse(req, limits));
    }

    @Test
    void otherContentTypesAreNotRead() throws IOException {
        for (String type : new String[] {"application/json", "multipart/mixed; boundary=x", "text/plain", null}) {
            FakeBody body = new FakeBody(new ByteArrayInputStream("a=1".getBytes(StandardCharsets.US_ASCII)));
            HttpServletRequest req = request(type, 3, body);
            assertSame(ParsedForm.empty(), FormParser.parse(req, limits));
            assertEquals(0, body.count(), String.valueOf(type));
        }
    }

    @Test
    void contentTypeIsMatchedCaseInsensitively() {
        HttpServletRequest req = request("Application/X-WWW-Form-URLEncoded", "a=1".getBytes(StandardCharsets.US_ASCII));
        assertEquals("1", FormParser.parse(req, limits).form().get("a"));
    }

    @Test
    void readBodyAppliesMaxContentLength() {
        byte[] bytes = "0123456789".getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(bytes, FormParser.readBody(request("text/plain", bytes), 10L));
        assertArrayEquals(bytes, FormParser.readBody(request("text/plain", bytes), null));
        assertThrows(RequestEntityTooLarge.class, () -> FormParser.readBody(request("text/plain", bytes), 9L));
        FakeBody lying = new FakeBody(new ByteArrayInputStream(bytes));
        assertThrows(RequestEntityTooLarge.class, () -> FormParser.readBody(request("text/plain", 2, lying), 5L));
    }
}
