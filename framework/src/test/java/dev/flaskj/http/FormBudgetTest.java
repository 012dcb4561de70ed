package dev.flaskj.http;

import static dev.flaskj.http.FakeRequests.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.exceptions.BadRequest;
import dev.flaskj.exceptions.RequestEntityTooLarge;
import dev.flaskj.http.FakeRequests.FakeBody;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One request's multipart body has a bounded in-memory budget, proven without a large heap: bodies are generated
 * lazily and the test counts what the parser read and what it put on disk.
 */
class FormBudgetTest {
    private static final String BOUNDARY = "budgetBoundary";
    private static final String TYPE = "multipart/form-data; boundary=" + BOUNDARY;

    @TempDir
    Path root;
    private Path uploads;

    @BeforeEach
    void setUp() {
        uploads = root.resolve("uploads");
    }

    @AfterEach
    void noTempFileIsLeft() throws IOException {
        assertEquals(List.of(), tempFiles(), "temp files left behind");
    }

    private List<Path> tempFiles() throws IOException {
        if (!Files.exists(uploads)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(uploads)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    /**
     * A multipart body of {@code parts} parts of {@code size} bytes each, produced on the fly; file parts when
     * {@code files}, else text fields.
     */
    static final class GeneratedParts extends InputStream {
        private final int parts;
        private final long size;
        private final boolean files;
        private int part;
        private byte[] literal;
        private int literalPos;
        private long filler = -1; // bytes of content still to produce for the current part
        private boolean done;

        GeneratedParts(int parts, long size, boolean files) {
            this.parts = parts;
            this.size = size;
            this.files = files;
            literal = header(0);
        }

        long length() {
            long total = 0;
            for (int i = 0; i < parts; i++) {
                total += header(i).length + size;
            }
            return total + trailer().length;
        }

        private byte[] header(int i) {
            String disposition = files ? "name=\"f" + i + "\"; filename=\"f" + i + ".bin\"" : "name=\"t" + i + "\"";
            return ((i == 0 ? "" : "\r\n") + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; " + disposition
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        }

        private static byte[] trailer() {
            return ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public int read() {
            while (true) {
                if (done) {
                    return -1;
                }
                if (literal != null) {
                    if (literalPos < literal.length) {
                        return literal[literalPos++] & 0xFF;
                    }
                    literal = null;
                    if (part == parts) {
                        done = true;
                        continue;
                    }
                    filler = size;
                }
                if (filler > 0) {
                    filler--;
                    return 'x';
                }
                part++;
                literal = part == parts ? trailer() : header(part);
                literalPos = 0;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) {
                return 0;
            }
            int n = 0;
            while (n < len) {
                int c = read();
                if (c < 0) {
                    break;
                }
                b[off + n++] = (byte) c;
            }
            return n == 0 ? -1 : n;
        }
    }

    @Test
    void manyUploadsJustUnderTheOldPerFileThresholdGoToDiskOnceTheRequestBudgetIsUsed() throws IOException {
        // 40 files of 400 KiB: each is under 500 KiB, so a per-file threshold would keep all 16 MB on the heap.
        GeneratedParts gen = new GeneratedParts(40, 400 * 1024, true);
        HttpServletRequest req = request(TYPE, gen.length(), new FakeBody(gen));
        try (ParsedForm parsed = FormParser.parse(req, FormLimits.defaults().withTempDir(uploads))) {
            assertEquals(40, parsed.files().size());
            List<Path> onDisk = tempFiles();
            assertTrue(onDisk.size() >= 39, "only " + onDisk.size() + " of 40 uploads went to disk: the rest of the"
                    + " 16 MB stayed in memory");
            assertEquals(400 * 1024, parsed.files().get("f39").size());
            assertEquals('x', parsed.files().get("f39").stream().read());
        }
        // the temp files are gone after close (checked by noTempFileIsLeft)
    }

    @Test
    void manyFieldsJustUnderTheFieldLimitAre413OnceTheirTotalPassesTheBudget() {
        // 100 text fields of 499 999 bytes, each accepted by MAX_FORM_MEMORY_SIZE: 50 MB of strings otherwise.
        GeneratedParts gen = new GeneratedParts(100, 499_999, false);
        FakeBody body = new FakeBody(gen);
        HttpServletRequest req = request(TYPE, gen.length(), body);
        assertThrows(RequestEntityTooLarge.class,
                () -> FormParser.parse(req, FormLimits.defaults().withTempDir(uploads)));
        assertTrue(body.count() < 2 * FormLimits.DEFAULT_MAX_BODY_MEMORY_SIZE, "read " + body.count() + " bytes");
    }

    @Test
    void fieldsUpToTheBudgetAreAccepted() {
        GeneratedParts gen = new GeneratedParts(2, 499_999, false);
        HttpServletRequest req = request(TYPE, gen.length(), new FakeBody(gen));
        try (ParsedForm parsed = FormParser.parse(req, FormLimits.defaults().withTempDir(uploads))) {
            assertEquals(499_999, parsed.form().get("t1").length());
        }
        GeneratedParts over = new GeneratedParts(3, 499_999, false);
        HttpServletRequest tooMany = request(TYPE, over.length(), new FakeBody(over));
        assertThrows(RequestEntityTooLarge.class, () -> FormParser.parse(tooMany,
                FormLimits.defaults().withTempDir(uploads)));
        GeneratedParts unlimited = new GeneratedParts(3, 499_999, false);
        HttpServletRequest allowed = request(TYPE, unlimited.length(), new FakeBody(unlimited));
        try (ParsedForm parsed = FormParser.parse(allowed,
                FormLimits.defaults().withTempDir(uploads).withMaxBodyMemorySize(Long.MAX_VALUE))) {
            assertEquals(3, parsed.form().size());
        }
    }

    private static byte[] smallBody() {
        return ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nhello\r\n"
                + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"doc\"; filename=\"a.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nsome file content\r\n"
                + "--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void everyTruncationBeforeTheFinalBoundaryIs400AndSavesNothing() throws IOException {
        byte[] full = smallBody();
        // threshold 0: the file part would be written to disk, so a kept temp file would show
        FormLimits limits = new FormLimits(null, 500_000, 1000, 0, uploads);
        int end = full.length - "\r\n".length(); // the final "--" ends the body; the CRLF after it is optional
        List<Integer> accepted = new ArrayList<>();
        for (int cut = 0; cut < end; cut++) {
            byte[] prefix = java.util.Arrays.copyOf(full, cut);
            // chunked: no Content-Length to compare with, only the missing final boundary tells
            HttpServletRequest chunked = request(TYPE, -1, new FakeBody(new ByteArrayInputStream(prefix)));
            try {
                FormParser.parse(chunked, limits).close();
                accepted.add(cut);
            } catch (BadRequest expected) {
                assertEquals(List.of(), tempFiles(), "temp file kept for a body cut at " + cut);
            }
        }
        assertEquals(List.of(), accepted, "bodies without their final boundary were accepted");
        try (ParsedForm parsed = FormParser.parse(request(TYPE, -1,
                new FakeBody(new ByteArrayInputStream(java.util.Arrays.copyOf(full, end)))), limits)) {
            assertEquals("some file content", new String(parsed.files().get("doc").read(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aCompleteLookingBodyShorterThanItsContentLengthIs400() {
        byte[] full = smallBody();
        FakeBody body = new FakeBody(new ByteArrayInputStream(full));
        HttpServletRequest halfClosed = request(TYPE, full.length + 100, body);
        assertThrows(BadRequest.class, () -> FormParser.parse(halfClosed, new FormLimits(null, 500_000, 1000, 0,
                uploads)));
    }

    @Test
    void urlencodedAndRawBodiesShorterThanTheirContentLengthAre400() {
        byte[] form = "a=1&b=2".getBytes(StandardCharsets.US_ASCII);
        HttpServletRequest urlencoded = request("application/x-www-form-urlencoded", 50,
                new FakeBody(new ByteArrayInputStream(form)));
        assertThrows(BadRequest.class, () -> FormParser.parse(urlencoded, FormLimits.defaults().withTempDir(uploads)));
        HttpServletRequest raw = request("application/json", 50, new FakeBody(new ByteArrayInputStream(form)));
        assertThrows(BadRequest.class, () -> FormParser.readBody(raw, null));
        HttpServletRequest exact = request("application/json", form.length, new FakeBody(new ByteArrayInputStream(form)));
        assertEquals("a=1&b=2", new String(FormParser.readBody(exact, null), StandardCharsets.US_ASCII));
    }
}
