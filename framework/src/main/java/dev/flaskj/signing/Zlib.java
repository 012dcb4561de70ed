package dev.flaskj.signing;

import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * zlib-wrapped deflate at the default level (Python's {@code zlib.compress}) and bounded inflation, reusing
 * native zlib streams from a small pool.
 *
 * <p>Pooling matters: creating a {@link Deflater} allocates about 256 KiB of native memory, more than all the
 * rest of encoding a session costs. Streams that do not fit the pool are ended at once.
 */
final class Zlib {
    private final ArrayBlockingQueue<Deflater> deflaters;
    private final ArrayBlockingQueue<Inflater> inflaters;

    Zlib(int poolSize) {
        this.deflaters = new ArrayBlockingQueue<>(poolSize);
        this.inflaters = new ArrayBlockingQueue<>(poolSize);
    }

    /** Python: {@code zlib.compress(data)}, level 6 with the zlib header and Adler-32 trailer. */
    byte[] compress(byte[] data) {
        Deflater deflater = deflaters.poll();
        if (deflater == null) {
            deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        }
        try {
            deflater.setInput(data);
            deflater.finish();
            byte[] out = new byte[data.length + 64];
            int length = 0;
            while (!deflater.finished()) {
                if (length == out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                length += deflater.deflate(out, length, out.length - length);
            }
            return Arrays.copyOf(out, length);
        } finally {
            deflater.reset();
            if (!deflaters.offer(deflater)) {
                deflater.end();
            }
        }
    }

    /**
     * Python: {@code zlib.decompress(data)}, but never producing more than {@code maxSize} bytes.
     *
     * @return the inflated bytes, or null if the data is not one complete zlib stream or inflates to more than
     *     {@code maxSize} bytes (a zip bomb)
     */
    byte[] decompress(byte[] data, int maxSize) {
        Inflater inflater = inflaters.poll();
        if (inflater == null) {
            inflater = new Inflater();
        }
        try {
            return inflate(inflater, data, maxSize);
        } catch (DataFormatException e) {
            return null;
        } finally {
            inflater.reset();
            if (!inflaters.offer(inflater)) {
                inflater.end();
            }
        }
    }

    private static byte[] inflate(Inflater inflater, byte[] data, int maxSize) throws DataFormatException {
        inflater.setInput(data);
        byte[] out = new byte[Math.min(maxSize + 1, Math.max(64, data.length * 4))];
        int length = 0;
        while (!inflater.finished()) {
            if (length == out.length) {
                if (length > maxSize) {
                    return null;
                }
                out = Arrays.copyOf(out, Math.min(maxSize + 1, out.length * 2));
            }
            int n = inflater.inflate(out, length, out.length - length);
            if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                return null; // truncated stream, or one that asks for a preset dictionary
            }
            length += n;
        }
        return length > maxSize ? null : Arrays.copyOf(out, length);
    }
}
