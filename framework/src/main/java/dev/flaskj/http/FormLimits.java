package dev.flaskj.http;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The limits that apply while a request body is read, taken from Flask's config.
 *
 * <p>Flask: {@code MAX_CONTENT_LENGTH}, {@code MAX_FORM_MEMORY_SIZE} and {@code MAX_FORM_PARTS}
 * (Flask 3.1), which Werkzeug's {@code FormDataParser} enforces; every breach is a 413.
 * <pre>{@code
 * FormLimits limits = new FormLimits(16L * 1024 * 1024, 500_000, 1000, 512 * 1024, tempDir);
 * try (ParsedForm parsed = FormParser.parse(req, limits)) { ... }
 * }</pre>
 *
 * @param maxContentLength the most bytes the body may have, or null for no limit ({@code MAX_CONTENT_LENGTH=None})
 * @param maxFormMemorySize the most bytes one non-file multipart field, or a whole urlencoded body, may have;
 *     {@link Long#MAX_VALUE} for none ({@code MAX_FORM_MEMORY_SIZE=None})
 * @param maxFormParts the most parts a multipart body may have; {@link Integer#MAX_VALUE} for none
 * @param inMemoryThreshold uploaded files up to this many bytes stay in memory, larger ones go to a temp file
 * @param tempDir where each request's private temp folder is created (created itself when missing)
 */
public record FormLimits(Long maxContentLength, long maxFormMemorySize, int maxFormParts, int inMemoryThreshold,
                         Path tempDir) {

    /** Flask 3.1's {@code MAX_FORM_MEMORY_SIZE} default. */
    public static final long DEFAULT_MAX_FORM_MEMORY_SIZE = 500_000;
    /** Flask 3.1's {@code MAX_FORM_PARTS} default. */
    public static final int DEFAULT_MAX_FORM_PARTS = 1000;
    /** Uploads above 512 KiB are written to disk (Werkzeug spools files above 500 KiB). */
    public static final int DEFAULT_IN_MEMORY_THRESHOLD = 512 * 1024;

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException for a negative limit
     */
    public FormLimits {
        Objects.requireNonNull(tempDir, "tempDir == null");
        if ((maxContentLength != null && maxContentLength < 0) || maxFormMemorySize < 0 || maxFormParts < 0
                || inMemoryThreshold < 0) {
            throw new IllegalArgumentException("limits must not be negative: maxContentLength=" + maxContentLength
                    + ", maxFormMemorySize=" + maxFormMemorySize + ", maxFormParts=" + maxFormParts
                    + ", inMemoryThreshold=" + inMemoryThreshold);
        }
    }

    /**
     * Flask 3.1's defaults: no content length limit, 500 000 bytes per field, 1000 parts; files above 512 KiB go to
     * a {@code flaskj-uploads} folder in {@code java.io.tmpdir}.
     */
    public static FormLimits defaults() {
        return new FormLimits(null, DEFAULT_MAX_FORM_MEMORY_SIZE, DEFAULT_MAX_FORM_PARTS, DEFAULT_IN_MEMORY_THRESHOLD,
                Path.of(System.getProperty("java.io.tmpdir"), "flaskj-uploads"));
    }

    /** A copy with another {@code maxContentLength} (null for none). */
    public FormLimits withMaxContentLength(Long bytes) {
        return new FormLimits(bytes, maxFormMemorySize, maxFormParts, inMemoryThreshold, tempDir);
    }

    /** A copy with another temp folder. */
    public FormLimits withTempDir(Path dir) {
        return new FormLimits(maxContentLength, maxFormMemorySize, maxFormParts, inMemoryThreshold, dir);
    }
}
