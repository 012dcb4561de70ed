package dev.flaskj.testing;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.ByteArrayOutputStream;

/** The {@link ServletOutputStream} of a {@link FakeHttpServletResponse}: keeps every byte, tells it about flushes. */
final class CapturingOutputStream extends ServletOutputStream {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final FakeHttpServletResponse response;

    CapturingOutputStream(FakeHttpServletResponse response) {
        this.response = response;
    }

    @Override
    public void write(int b) {
        bytes.write(b);
        response.bufferGrew(bytes.size());
    }

    @Override
    public void write(byte[] b, int off, int len) {
        bytes.write(b, off, len);
        response.bufferGrew(bytes.size());
    }

    @Override
    public void flush() {
        // A container commits the response on the first flush; the fake does the same.
        response.flushBuffer();
    }

    @Override
    public boolean isReady() {
        return true;
    }

    @Override
    public void setWriteListener(WriteListener writeListener) {
        throw Unsupported.feature("non-blocking response bodies (WriteListener)");
    }

    byte[] toByteArray() {
        return bytes.toByteArray();
    }

    void reset() {
        bytes.reset();
    }
}
