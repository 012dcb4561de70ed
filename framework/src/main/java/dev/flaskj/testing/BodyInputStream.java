package dev.flaskj.testing;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.ByteArrayInputStream;

/** A blocking {@link ServletInputStream} over a byte array: the body of a {@link FakeHttpServletRequest}. */
final class BodyInputStream extends ServletInputStream {
    private final ByteArrayInputStream in;

    BodyInputStream(byte[] body) {
        this.in = new ByteArrayInputStream(body);
    }

    @Override
    public int read() {
        return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) {
        return in.read(b, off, len);
    }

    @Override
    public int available() {
        return in.available();
    }

    @Override
    public boolean isFinished() {
        return in.available() == 0;
    }

    @Override
    public boolean isReady() {
        return true;
    }

    @Override
    public void setReadListener(ReadListener readListener) {
        throw Unsupported.feature("non-blocking request bodies (ReadListener)");
    }
}
