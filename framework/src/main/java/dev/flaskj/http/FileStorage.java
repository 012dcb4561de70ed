package dev.flaskj.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One uploaded file of a multipart form: its field name, the client's file name, its headers and its content.
 *
 * <p>Werkzeug: {@code werkzeug.datastructures.FileStorage}, the values of {@code request.files}. The content lives
 * in memory or, above {@link FormLimits#inMemoryThreshold()}, in a temp file that the request's
 * {@link ParsedForm} deletes when it is closed; read or save it during the request.
 * <pre>{@code
 * FileStorage f = request.files().get("upload");
 * String name = SafePaths.secureFilename(f.filename());   // never trust filename() as a path
 * f.save(uploadDir.resolve(name));
 * }</pre>
 */
public final class FileStorage {
    private final String name;
    private final String filename;
    private final Headers headers;
    private final byte[] memory;
    private final Path file;
    private final long size;

    private FileStorage(PartInfo info, byte[] memory, Path file, long size) {
        this.name = Objects.requireNonNull(info.name(), "name == null");
        this.filename = info.filename();
        this.headers = info.headers();
        this.memory = memory;
        this.file = file;
        this.size = size;
    }

    /** What the part's headers said about it. */
    record PartInfo(String name, String filename, Headers headers) {}

    /** A file held in memory (the content is not copied). */
    static FileStorage inMemory(PartInfo info, byte[] content, int length) {
        byte[] exact = length == content.length ? content : Arrays.copyOf(content, length);
        return new FileStorage(info, exact, null, length);
    }

    /** A file whose content is in {@code file}, owned by the request's {@link ParsedForm}. */
    static FileStorage onDisk(PartInfo info, Path file, long size) {
        return new FileStorage(info, null, file, size);
    }

    /**
     * A file with the given content, for tests and for code that builds forms itself.
     *
     * @param filename the client's file name, or null
     * @param contentType the part's {@code Content-Type}, or null
     */
    public static FileStorage of(String name, String filename, String contentType, byte[] content) {
        Headers h = new Headers();
        if (contentType != null) {
            h.add("Content-Type", contentType);
        }
        return inMemory(new PartInfo(name, filename, h.asReadOnly()), content.clone(), content.length);
    }

    /** The form field name (Werkzeug: {@code name}). */
    public String name() {
        return name;
    }

    /**
     * The file name exactly as the client sent it, or null when the part had no {@code filename} parameter; an
     * empty file field in a browser form gives {@code ""}. Not sanitised: it may contain {@code ../}, backslashes
     * or any character; pass it through {@code secureFilename} before using it as a path.
     */
    public String filename() {
        return filename;
    }

    /** Whether a non-empty file name was sent: Python's {@code bool(file_storage)}. */
    public boolean hasFilename() {
        return filename != null && !filename.isEmpty();
    }

    /** The part's {@code Content-Type} header as sent, parameters included, or null when there was none. */
    public String contentType() {
        return headers.get("Content-Type", null);
    }

    /** The content type without parameters, lower-cased; {@code ""} when there is none (Werkzeug: {@code mimetype}). */
    public String mimetype() {
        String type = contentType();
        if (type == null) {
            return "";
        }
        int semi = type.indexOf(';');
        return (semi < 0 ? type : type.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The content type's parameters, names lower-cased, quotes removed, in order; unmodifiable
     * (Werkzeug: {@code mimetype_params}).
     */
    public Map<String, String> mimetypeParams() {
        String type = contentType();
        Map<String, String> params = new LinkedHashMap<>();
        if (type == null) {
            return params;
        }
        String[] pieces = type.split(";");
        for (int i = 1; i < pieces.length; i++) {
            int eq = pieces[i].indexOf('=');
            if (eq > 0) {
                String value = pieces[i].substring(eq + 1).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                params.put(pieces[i].substring(0, eq).strip().toLowerCase(Locale.ROOT), value);
            }
        }
        return Collections.unmodifiableMap(params);
    }

    /**
     * The part's {@code Content-Length} header, or 0 when it had none or an invalid one (Werkzeug:
     * {@code content_length}). Clients rarely send it; {@link #size()} is the number of bytes received.
     */
    public long contentLength() {
        String value = headers.get("Content-Length", null);
        if (value == null) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The number of bytes received. */
    public long size() {
        return size;
    }

    /** The part's headers, read-only, names title-cased ({@code Content-Disposition}, {@code Content-Type}). */
    public Headers headers() {
        return headers;
    }

    /**
     * A new stream over the whole content on each call; the caller closes it.
     *
     * @throws java.io.UncheckedIOException if the temp file is gone (the request's form was closed)
     */
    public InputStream stream() {
        if (memory != null) {
            return new ByteArrayInputStream(memory);
        }
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("upload " + name + " is no longer available", e);
        }
    }

    /** The whole content (Werkzeug: {@code read()}); mind the memory for large uploads. */
    public byte[] read() throws IOException {
        if (memory != null) {
            return memory.clone();
        }
        return Files.readAllBytes(file);
    }

    /**
     * Writes the content to {@code destination}, replacing an existing file; missing parent folders are not
     * created, as in Werkzeug's {@code save}.
     */
    public void save(Path destination) throws IOException {
        if (file != null) {
            Files.copy(file, destination, StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.write(destination, memory);
        }
    }

    /** Copies the content to {@code out}, which stays open. */
    public void save(OutputStream out) throws IOException {
        try (InputStream in = stream()) {
            in.transferTo(out);
        }
    }

    /** Werkzeug's repr: {@code <FileStorage: 'x.txt' ('text/plain')>}, {@code None} for what is missing. */
    @Override
    public String toString() {
        return "<FileStorage: " + pythonRepr(filename) + " (" + pythonRepr(contentType()) + ")>";
    }

    private static String pythonRepr(String s) {
        return s == null ? "None" : "'" + s + "'";
    }
}
