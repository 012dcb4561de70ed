package dev.flaskj.http;

import dev.flaskj.exceptions.RequestEntityTooLarge;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * An {@link InputStream} that counts the bytes read and throws {@link RequestEntityTooLarge} as soon as more than
 * {@code limit} have come through.
 *
 * <p>Werkzeug: {@code werkzeug.wsgi.LimitedStream} as {@code get_input_stream(max_content_length=...)} uses it
 * (Werkzeug 3.1 counts bytes when streaming, so a client that lies in {@code Content-Length} still gets a 413).
 * Reads are cut so that at most one byte beyond the limit is ever taken from the wrapped stream; after the error
 * every further read throws again. A limit of {@link Long#MAX_VALUE} only counts. Not thread-safe.
 * <pre>{@code
 * try (InputStream body = new LimitedInputStream(req.getInputStream(), 16 * 1024 * 1024)) {
 *     body.transferTo(out);   // RequestEntityTooLarge (413) past 16 MiB
 * }
 * }</pre>
 */
public final class LimitedInputStream extends InputStream {
    private final InputStream in;
    private final long limit;
    private long count;

    /** Wraps {@code in}; {@code limit} is the number of bytes allowed, at least 0. */
    public LimitedInputStream(InputStream in, long limit) {
        this.in = Objects.requireNonNull(in, "in == null");
        if (limit < 0) {
            throw new IllegalArgumentException("limit < 0: " + limit);
        }
        this.limit = limit;
    }

    /** The number of bytes read so far (more than the limit once the error has been thrown). */
    public long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        checkLimit();
        int b = in.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        checkLimit();
        // Ask for at most one byte past the limit, so an oversized body is never read further than that.
        int n = in.read(b, off, ask(len));
        if (n > 0) {
            add(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        checkLimit();
        long room = limit - count;
        long skipped = in.skip(room >= n ? n : room + 1);
        if (skipped > 0) {
            add(skipped);
        }
        return skipped;
    }

    @Override
    public int available() throws IOException {
        return in.available();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** How much of {@code len} to ask for: all of it while it fits, else one byte past the limit. */
    private int ask(int len) {
        long room = limit - count; // never negative here; written this way so a limit of Long.MAX_VALUE cannot overflow
        return room >= len ? len : (int) room + 1;
    }

    private void add(long n) {
        count += n;
        checkLimit();
    }

    private void checkLimit() {
        if (count > limit) {
            throw new RequestEntityTooLarge();
        }
    }
}
