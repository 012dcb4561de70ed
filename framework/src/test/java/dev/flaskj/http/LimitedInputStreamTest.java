package dev.flaskj.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flaskj.exceptions.RequestEntityTooLarge;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class LimitedInputStreamTest {
    private static InputStream bytes(int n) {
        return new ByteArrayInputStream(new byte[n]);
    }

    @Test
    void exactlyTheLimitIsFine() throws IOException {
        try (LimitedInputStream in = new LimitedInputStream(bytes(10), 10)) {
            assertArrayEquals(new byte[10], in.readAllBytes());
            assertEquals(10, in.count());
        }
    }

    @Test
    void oneByteMoreIs413AndReadingStopsThere() {
        ByteArrayInputStream source = new ByteArrayInputStream(new byte[100_000]);
        LimitedInputStream in = new LimitedInputStream(source, 10);
        RequestEntityTooLarge e = assertThrows(RequestEntityTooLarge.class, in::readAllBytes);
        assertEquals(413, e.code());
        assertEquals(100_000 - 11, source.available()); // only limit + 1 bytes were taken
        assertThrows(RequestEntityTooLarge.class, in::read); // and it stays failed
    }

    @Test
    void singleByteReadsAndSkipCount() throws IOException {
        LimitedInputStream in = new LimitedInputStream(bytes(5), 3);
        assertEquals(0, in.read());
        assertEquals(2, in.skip(2));
        assertEquals(3, in.count());
        assertThrows(RequestEntityTooLarge.class, in::read);
    }

    @Test
    void zeroLimitAcceptsAnEmptyBody() throws IOException {
        assertEquals(-1, new LimitedInputStream(bytes(0), 0).read());
        assertThrows(IllegalArgumentException.class, () -> new LimitedInputStream(bytes(0), -1));
    }
}
