package dev.flaskj.http;

import java.nio.file.Path;

/** Stand-in until the http package lands. */
public record FormLimits(Long maxContentLength, long maxFormMemorySize, int maxFormParts, int inMemoryThreshold,
                         Path tempDir) {
    public static FormLimits defaults() {
        return new FormLimits(null, 500_000, 1000, 512 * 1024, Path.of(System.getProperty("java.io.tmpdir")));
    }
}
