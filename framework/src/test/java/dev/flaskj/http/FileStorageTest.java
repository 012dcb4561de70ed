package dev.flaskj.http;

import static dev.flaskj.http.FakeRequests.multipartCase;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStorageTest {
    @TempDir
    Path dir;

    private static final byte[] CONTENT = "Hello\r\nWorld\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void accessorsFollowWerkzeug() {
        FileStorage f = FileStorage.of("upload", "a b.txt", "Text/Plain; Charset=\"utf-8\"; x=1", CONTENT);
        assertEquals("upload", f.name());
        assertEquals("a b.txt", f.filename());
        assertTrue(f.hasFilename());
        assertEquals("Text/Plain; Charset=\"utf-8\"; x=1", f.contentType());
        assertEquals("text/plain", f.mimetype());
        assertEquals(Map.of("charset", "utf-8", "x", "1"), f.mimetypeParams());
        assertEquals(0, f.contentLength()); // no part Content-Length header
        assertEquals(CONTENT.length, f.size());
        assertEquals("<FileStorage: 'a b.txt' ('Text/Plain; Charset=\"utf-8\"; x=1')>", f.toString());
    }

    @Test
    void missingNameAndTypeAreNullLikeNone() {
        FileStorage f = FileStorage.of("f", null, null, new byte[0]);
        assertNull(f.filename());
        assertFalse(f.hasFilename());
        assertNull(f.contentType());
        assertEquals("", f.mimetype());
        assertEquals(Map.of(), f.mimetypeParams());
        assertEquals("<FileStorage: None (None)>", f.toString());
    }

    @Test
    void contentIsCopiedFromTheCaller() throws IOException {
        byte[] mine = CONTENT.clone();
        FileStorage f = FileStorage.of("f", "x", null, mine);
        mine[0] = 'J';
        assertArrayEquals(CONTENT, f.read());
        f.read()[0] = 'J';
        assertArrayEquals(CONTENT, f.read());
    }

    @Test
    void saveToPathReplacesAndNeedsTheParent() throws IOException {
        FileStorage f = FileStorage.of("f", "x", null, CONTENT);
        Path target = dir.resolve("out.txt");
        Files.writeString(target, "old content that is longer than the new one");
        f.save(target);
        assertArrayEquals(CONTENT, Files.readAllBytes(target));
        assertThrows(NoSuchFileException.class, () -> f.save(dir.resolve("missing/out.txt")));
    }

    @Test
    void saveToStreamLeavesItOpen() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FileStorage.of("f", "x", null, CONTENT).save(out);
        out.write('!');
        assertEquals("Hello\r\nWorld\n!", out.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void spooledFileCanBeSavedUntilTheFormIsClosed() throws IOException {
        FormLimits tiny = new FormLimits(null, 500_000, 1000, 1, dir.resolve("uploads"));
        FileStorage f;
        try (ParsedForm parsed = FormParser.parse(multipartCase("good-upload"), tiny)) {
            f = parsed.files().get("upload");
            Path target = dir.resolve("saved.txt");
            f.save(target);
            assertArrayEquals(CONTENT, Files.readAllBytes(target));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            f.save(out);
            assertArrayEquals(CONTENT, out.toByteArray());
            assertEquals("text/plain; charset=utf-8", f.headers().get("content-type"));
            assertTrue(f.headers().isReadOnly());
        }
        assertThrows(UncheckedIOException.class, f::stream);
        assertThrows(IOException.class, f::read);
    }

    @Test
    void streamIsFreshEachTime() throws IOException {
        FileStorage f = FileStorage.of("f", "x", null, CONTENT);
        try (InputStream a = f.stream()) {
            a.readAllBytes();
        }
        try (InputStream b = f.stream()) {
            assertArrayEquals(CONTENT, b.readAllBytes());
        }
    }
}
