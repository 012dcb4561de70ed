package dev.flaskj.http;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The limits that apply while a request body is read, taken from Flask's config, and the in-memory budget that
 * keeps one request from filling the heap.
 *
 * <p>Flask: {@code MAX_CONTENT_LENGTH}, {@code MAX_FORM_MEMORY_SIZE} and {@code MAX_FORM_PARTS} (Flask 3.1), which
 * Werkzeug's {@code FormDataParser} enforces; flaskj adds {@code MAX_BODY_MEMORY_SIZE}, the most body bytes one
 * request may hold in memory. Every breach is a 413.
 * <pre>{@code
 * FormLimits limits = new FormLimits(16L * 1024 * 1024, 500_000, 1000, 500 * 1024, tempDir, 1_000_000);
 * try (ParsedForm parsed = FormParser.parse(req, limits)) { ... }
 * }</pre>
 *
 * @param maxContentLength the most bytes the body may have, or null for no limit ({@code MAX_CONTENT_LENGTH=None})
 * @param maxFormMemorySize the most bytes one non-file multipart field, or a whole urlencoded body, may have;
 *     {@link Long#MAX_VALUE} for none ({@code MAX_FORM_MEMORY_SIZE=None})
 * @param maxFormParts the most parts a multipart body may have; {@link Integer#MAX_VALUE} for none
 * @param inMemoryThreshold the most bytes of one request's multipart body kept in memory (its fields and uploads
 *     together); uploaded files that do not fit in what is left go to a temp file (Werkzeug: 500 KiB per request)
 * @param tempDir where each request's private temp folder is created (created itself when missing)
 * @param maxBodyMemorySize the most bytes a whole body read into memory ({@code request.data()},
 *     {@code json()}), or all the non-file fields of one multipart body together, may have; {@link Long#MAX_VALUE}
 *     for none ({@code MAX_BODY_MEMORY_SIZE=None})
 */
public record FormLimits(Long maxContentLength, long maxFormMemorySize, int maxFormParts, int inMemoryThreshold,
                         Path tempDir, long maxBodyMemorySize) {

    /** Flask 3.1's {@code MAX_FORM_MEMORY_SIZE} default. */
    public static final long DEFAULT_MAX_FORM_MEMORY_SIZE = 500_000;
    /** Flask 3.1's {@code MAX_FORM_PARTS} default. */
    public static final int DEFAULT_MAX_FORM_PARTS = 1000;
    /** A request's multipart body beyond 500 KiB goes to disk, as Werkzeug spools past {@code 1024 * 500} bytes. */
    public static final int DEFAULT_IN_MEMORY_THRESHOLD = 500 * 1024;
    /** The {@code MAX_BODY_MEMORY_SIZE} default: one million bytes. */
    public static final long DEFAULT_MAX_BODY_MEMORY_SIZE = 1_000_000;

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException for a negative limit
     */
    public FormLimits {
        Objects.requireNonNull(tempDir, "tempDir == null");
        if ((maxContentLength != null && maxContentLength < 0) || maxFormMemorySize < 0 || maxFormParts < 0
                || inMemoryThreshold < 0 || maxBodyMemorySize < 0) {
            throw new IllegalArgumentException("limits must not be negative: maxContentLength=" + maxContentLength
                    + ", maxFormMemorySize=" + maxFormMemorySize + ", maxFormParts=" + maxFormParts
                    + ", inMemoryThreshold=" + inMemoryThreshold + ", maxBodyMemorySize=" + maxBodyMemorySize);
        }
    }

    /** Limits with the default {@code maxBodyMemorySize} ({@value #DEFAULT_MAX_BODY_MEMORY_SIZE} bytes). */
    public FormLimits(Long maxContentLength, long maxFormMemorySize, int maxFormParts, int inMemoryThreshold,
                      Path tempDir) {
        this(maxContentLength, maxFormMemorySize, maxFormParts, inMemoryThreshold, tempDir,
                DEFAULT_MAX_BODY_MEMORY_SIZE);
    }

    /**
     * Flask 3.1's defaults: no content length limit, 500 000 bytes per field, 1000 parts; at most 500 KiB of a
     * multipart body in memory (the rest of the uploads in a {@code flaskj-uploads} folder in
     * {@code java.io.tmpdir}), and at most {@value #DEFAULT_MAX_BODY_MEMORY_SIZE} bytes for a body read whole.
     */
    public static FormLimits defaults() {
        return new FormLimits(null, DEFAULT_MAX_FORM_MEMORY_SIZE, DEFAULT_MAX_FORM_PARTS, DEFAULT_IN_MEMORY_THRESHOLD,
                Path.of(System.getProperty("java.io.tmpdir"), "flaskj-uploads"), DEFAULT_MAX_BODY_MEMORY_SIZE);
    }

    /**
     * The most bytes a body read whole into memory may have: the smaller of {@code maxContentLength} and
     * {@code maxBodyMemorySize}, or null when neither limits it.
     */
    public Long maxInMemoryBody() {
        long cap = maxContentLength == null ? maxBodyMemorySize : Math.min(maxContentLength, maxBodyMemorySize);
        return cap == Long.MAX_VALUE ? null : cap;
    }

    /** A copy with another {@code maxContentLength} (null for none). */
    public FormLimits withMaxContentLength(Long bytes) {
        return new FormLimits(bytes, maxFormMemorySize, maxFormParts, inMemoryThreshold, tempDir, maxBodyMemorySize);
    }

    /** A copy with another temp folder. */
    public FormLimits withTempDir(Path dir) {
        return new FormLimits(maxContentLength, maxFormMemorySize, maxFormParts, inMemoryThreshold, dir,
                maxBodyMemorySize);
    }

    /** A copy with another {@code maxBodyMemorySize} ({@link Long#MAX_VALUE} for none). */
    public FormLimits withMaxBodyMemorySize(long bytes) {
        return new FormLimits(maxContentLength, maxFormMemorySize, maxFormParts, inMemoryThreshold, tempDir, bytes);
    }
}
