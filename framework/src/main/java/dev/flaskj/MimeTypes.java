package dev.flaskj;

import jakarta.servlet.ServletContext;
import java.util.Locale;
import java.util.Map;

/**
 * Guesses a file's type and content encoding from its name, as Python's {@code mimetypes.guess_type} does for
 * Flask's {@code send_file}: the container's mime mappings first (so {@code web.xml} can change them), then a
 * built-in table of the common web types, else {@code application/octet-stream}. A compression suffix
 * ({@code .gz}, {@code .br}...) becomes the encoding and the rest of the name gives the type.
 */
final class MimeTypes {
    /** @param encoding the Content-Encoding, or null */
    record Guess(String mimetype, String encoding) {}

    // Python 3.11+ mimetypes values for the types a web app serves.
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("css", "text/css"), Map.entry("js", "text/javascript"), Map.entry("mjs", "text/javascript"),
            Map.entry("json", "application/json"), Map.entry("html", "text/html"), Map.entry("htm", "text/html"),
            Map.entry("txt", "text/plain"), Map.entry("csv", "text/csv"), Map.entry("md", "text/markdown"),
            Map.entry("xml", "application/xml"), Map.entry("xhtml", "application/xhtml+xml"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"),
            Map.entry("avif", "image/avif"), Map.entry("ico", "image/vnd.microsoft.icon"),
            Map.entry("bmp", "image/bmp"), Map.entry("woff", "font/woff"), Map.entry("woff2", "font/woff2"),
            Map.entry("ttf", "font/ttf"), Map.entry("otf", "font/otf"), Map.entry("pdf", "application/pdf"),
            Map.entry("wasm", "application/wasm"), Map.entry("zip", "application/zip"),
            Map.entry("tar", "application/x-tar"), Map.entry("mp4", "video/mp4"), Map.entry("webm", "video/webm"),
            Map.entry("mp3", "audio/mpeg"), Map.entry("ogg", "audio/ogg"), Map.entry("ics", "text/calendar"));
    private static final Map<String, String> ENCODINGS = Map.of("gz", "gzip", "br", "br", "bz2", "bzip2",
            "xz", "xz", "z", "compress");

    private static final Map<String, String> SUFFIXES = Map.of("svgz", "svg.gz", "tgz", "tar.gz", "taz", "tar.gz",
            "tz", "tar.gz", "tbz2", "tar.bz2", "txz", "tar.xz");

    private MimeTypes() {}

    /** The guess for {@code name}; {@code sc} may be null (outside a container). */
    static Guess guess(ServletContext sc, String name) {
        String base = name;
        String encoding = null;
        String ext = extension(base);
        String expanded = SUFFIXES.get(ext);
        if (expanded != null) {
            // Python's suffix_map: "a.tgz" is guessed as "a.tar.gz", "logo.svgz" as "logo.svg.gz".
            base = base.substring(0, base.length() - ext.length()) + expanded;
            ext = extension(base);
        }
        if (ENCODINGS.containsKey(ext)) {
            encoding = ENCODINGS.get(ext);
            base = base.substring(0, base.length() - ext.length() - 1);
        }
        String type = sc == null ? null : sc.getMimeType(base);
        if (type == null) {
            type = TYPES.get(extension(base));
        }
        return new Guess(type == null ? "application/octet-stream" : type, encoding);
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        int slash = name.lastIndexOf('/');
        // Python's splitext: a leading dot (".profile") starts the name, not an extension.
        return dot <= slash + 1 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
