package dev.flaskj;

import static dev.flaskj.Flask.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.exceptions.BadRequest;
import dev.flaskj.exceptions.RequestEntityTooLarge;
import dev.flaskj.testing.FakeHttpServletRequest;
import dev.flaskj.testing.FakeServletContext;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code data()} and {@code json()} hold the body in memory, so they are bounded even with MAX_CONTENT_LENGTH unset
 * (the default): a 50 MB JSON array is a 413 after at most MAX_BODY_MEMORY_SIZE + 1 bytes, or before any byte when
 * its Content-Length says so. The 50 MB are produced lazily and never exist, so no large heap is needed.
 */
class BodyMemoryBudgetTest {
    private static final long FIFTY_MB = 50L * 1024 * 1024;

    /** A JSON array of numbers, {@code [1,1,1,...]}, of {@code length} bytes, generated as it is read; counts reads. */
    static final class LazyJson extends ServletInputStream {
        private final long length;
        private long pos;

        LazyJson(long length) {
            this.length = length;
        }

        long bytesRead() {
            return pos;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= length) {
                return -1;
            }
            int n = (int) Math.min(len, length - pos);
            for (int i = 0; i < n; i++) {
                long p = pos + i;
                b[off + i] = (byte) (p == 0 ? '[' : p == length - 1 ? ']' : p % 2 == 1 ? '1' : ',');
            }
            pos += n;
            return n;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public boolean isFinished() {
            return pos >= length;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException();
        }
    }

    private static HttpServletRequest jsonRequest(LazyJson body, long declaredLength) {
        FakeHttpServletRequest fake = new FakeHttpServletRequest("POST", "/api");
        return new HttpServletRequestWrapper(fake) {
            @Override
            public ServletInputStream getInputStream() {
                return body;
            }

            @Override
            public long getContentLengthLong() {
                return declaredLength;
            }

            @Override
            public int getContentLength() {
                return (int) Math.min(Integer.MAX_VALUE, declaredLength);
            }

            @Override
            public String getContentType() {
                return "application/json";
            }
        };
    }

    private final Flask app = new Flask("budget");

    @Test
    void aDeclared50MbJsonBodyIs413BeforeAnyByteIsRead() {
        assertEquals(null, app.config().get("MAX_CONTENT_LENGTH"));
        LazyJson body = new LazyJson(FIFTY_MB);
        try (RequestContext ctx = app.requestContext(jsonRequest(body, FIFTY_MB))) {
            assertThrows(RequestEntityTooLarge.class, () -> request().json());
        }
        assertEquals(0, body.bytesRead());
    }

    @Test
    void aChunked50MbJsonBodyIs413AfterAtMostTheLimitPlusOneByte() {
        LazyJson body = new LazyJson(FIFTY_MB);
        try (RequestContext ctx = app.requestContext(jsonRequest(body, -1))) {
            assertThrows(RequestEntityTooLarge.class, () -> request().data());
        }
        assertTrue(body.bytesRead() <= 1_000_001, "read " + body.bytesRead() + " bytes");
    }

    @Test
    void theLimitIsConfigurableAndMaxContentLengthStillApplies() {
        app.config().put("MAX_BODY_MEMORY_SIZE", 11);
        try (RequestContext ctx = app.requestContext(jsonRequest(new LazyJson(11), -1))) {
            assertEquals(List.of(1, 1, 1, 1, 1), request().json());
        }
        try (RequestContext ctx = app.requestContext(jsonRequest(new LazyJson(13), -1))) {
            assertThrows(RequestEntityTooLarge.class, () -> request().json());
        }
        app.config().put("MAX_BODY_MEMORY_SIZE", null);
        app.config().put("MAX_CONTENT_LENGTH", 2_000_000);
        try (RequestContext ctx = app.requestContext(jsonRequest(new LazyJson(1_500_001), -1))) {
            assertEquals(750_000, ((List<?>) request().json()).size());
        }
        try (RequestContext ctx = app.requestContext(jsonRequest(new LazyJson(2_000_001), -1))) {
            assertThrows(RequestEntityTooLarge.class, () -> request().json());
        }
    }

    @Test
    void aBodyShorterThanItsContentLengthIs400() {
        try (RequestContext ctx = app.requestContext(jsonRequest(new LazyJson(11), 100))) {
            assertThrows(BadRequest.class, () -> request().data());
        }
    }

    @Test
    void uploadsSpoolIntoTheServletContextTempDirAndAreDeletedWhenTheRequestEnds(@TempDir Path tempdir)
            throws Exception {
        FakeServletContext sc = new FakeServletContext();
        sc.setAttribute(ServletContext.TEMPDIR, tempdir.toFile());
        byte[] content = new byte[600 * 1024];
        java.util.Arrays.fill(content, (byte) 'z');
        String b = "spoolBoundary";
        byte[] head = ("--" + b + "\r\nContent-Disposition: form-data; name=\"f\"; filename=\"z.bin\"\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + b + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        FakeHttpServletRequest req = new FakeHttpServletRequest("POST", "/upload");
        req.setServletContext(sc);
        req.setBody(body, "multipart/form-data; boundary=" + b);
        try (RequestContext ctx = app.requestContext(req)) {
            assertEquals(content.length, request().files().get("f").size());
            assertEquals(1, files(tempdir).size(), "the upload is not in the servlet context's temp dir");
        }
        assertEquals(List.of(), files(tempdir));
    }

    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }
}
