package dev.flaskj.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * The parsed body of a form request: its fields and its uploaded files, plus the temp files that hold the large
 * uploads until {@link #close()}.
 *
 * <p>Werkzeug: the {@code (stream, form, files)} result of {@code FormDataParser.parse}; the request closes it at
 * the end, as Werkzeug's {@code Request.close()} closes the files.
 * <pre>{@code
 * try (ParsedForm parsed = FormParser.parse(req, limits)) {
 *     String title = parsed.form().get("title");
 *     parsed.files().get("upload").save(target);
 * }   // temp files deleted here
 * }</pre>
 */
public final class ParsedForm implements AutoCloseable {
    private static final ParsedForm EMPTY = new ParsedForm(MultiDict.empty(), MultiDict.empty(), null);

    private final MultiDict<String> form;
    private final MultiDict<FileStorage> files;
    private final Path tempFolder;
    private boolean closed;

    ParsedForm(MultiDict<String> form, MultiDict<FileStorage> files, Path tempFolder) {
        this.form = Objects.requireNonNull(form, "form == null");
        this.files = Objects.requireNonNull(files, "files == null");
        this.tempFolder = tempFolder;
    }

    /** No fields and no files: the result for a body that is not a form. */
    public static ParsedForm empty() {
        return EMPTY;
    }

    /** The non-file fields (Flask: {@code request.form}). */
    public MultiDict<String> form() {
        return form;
    }

    /** The uploaded files (Flask: {@code request.files}); empty for urlencoded bodies. */
    public MultiDict<FileStorage> files() {
        return files;
    }

    /**
     * Deletes this request's temp folder and every upload in it; later calls do nothing. After this, the
     * {@link FileStorage}s of large uploads can no longer be read.
     *
     * @throws UncheckedIOException if a temp file could not be deleted
     */
    @Override
    public synchronized void close() {
        if (closed || tempFolder == null) {
            return;
        }
        closed = true;
        try {
            deleteRecursively(tempFolder);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete upload temp folder " + tempFolder, e);
        }
    }

    /** Deletes {@code folder} and everything in it; a folder that does not exist is fine. */
    static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.deleteIfExists(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
