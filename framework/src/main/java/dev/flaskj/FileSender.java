package dev.flaskj;

import dev.flaskj.exceptions.NotFound;
import dev.flaskj.internal.HttpDates;
import dev.flaskj.internal.PercentEncoding;
import dev.flaskj.internal.SafePaths;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.Adler32;

/**
 * Sends a file the way Flask's {@code send_file} does (Werkzeug: {@code send_file}, {@code make_conditional}):
 * Content-Type from the name, Content-Disposition {@code inline}, ETag, Last-Modified,
 * Cache-Control from {@code SEND_FILE_MAX_AGE_DEFAULT}, Accept-Ranges, 304/412 on conditional requests, one
 * byte range as 206, a bad or multiple range as 416. The body is streamed when the response is written, never
 * loaded into memory, and not opened at all for HEAD, 304 or 416.
 */
final class FileSender {
    private static final int BUFFER = 64 * 1024;

    /** Opens the file's bytes. */
    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }

    /**
     * A file found and checked, ready to send.
     *
     * @param name the file name for Content-Type and Content-Disposition
     * @param etagKey the path hashed into the ETag (Werkzeug hashes the file's path)
     * @param length the size in bytes, or -1 when unknown
     * @param lastModified the modification time, or null when unknown
     */
    record Source(String name, String etagKey, long length, Instant lastModified, Opener opener) {
        /** The same file under another name (Flask: {@code download_name}), for Content-Type and Content-Disposition. */
        Source named(String downloadName) {
            return downloadName == null ? this : new Source(downloadName, etagKey, length, lastModified, opener);
        }
    }

    private FileSender() {}

    // ------------------------------------------------------------------ finding files (404 on anything unsafe)

    /** A regular file at {@code file}, or a 404. */
    static Source fromPath(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NotFound();
        }
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
        Path abs = file.toAbsolutePath();
        return new Source(String.valueOf(file.getFileName()), abs.toString(), attrs.size(),
                attrs.lastModifiedTime().toInstant(), () -> Files.newInputStream(abs));
    }

    /**
     * {@code filename} inside {@code directory} (Flask: {@code send_from_directory}): Werkzeug's safe join, then
     * the real path must still be inside the directory's real path, so neither {@code ..} nor a symbolic link
     * leads out. Anything else is a 404, before the file system is touched where the path is unsafe.
     */
    static Source fromDirectory(Path directory, String filename) throws IOException {
        String rel = relative(filename, false);
        Path base = directory.toRealPath();
        Path file = base.resolve(rel).normalize();
        if (!file.startsWith(base) || !Files.exists(file)) {
            throw new NotFound();
        }
        Path real = file.toRealPath();
        if (!real.startsWith(base)) {
            throw new NotFound();
        }
        return fromPath(real);
    }

    /**
     * {@code folder/filename} from the web application (the {@code static} endpoint in a container): through the
     * file system when the WAR is unpacked, else through {@code ServletContext.getResource}.
     */
    static Source fromWebapp(ServletContext sc, String folder, String filename) throws IOException {
        String rel = relative(filename, true);
        String resource = "/" + folder + "/" + rel;
        String realBase = sc.getRealPath("/" + folder);
        if (realBase != null && Files.isDirectory(Path.of(realBase))) {
            return fromDirectory(Path.of(realBase), rel);
        }
        // A packed WAR: a directory answers getResourcePaths, a file does not.
        if (sc.getResourcePaths(resource + "/") != null) {
            throw new NotFound();
        }
        URL url = sc.getResource(resource);
        if (url == null) {
            throw new NotFound();
        }
        return fromUrl(url, rel, resource);
    }

    /** {@code folder/filename} from the class path (the {@code static} endpoint outside a container). */
    static Source fromClasspath(ClassLoader loader, String folder, String filename) throws IOException {
        String rel = relative(filename, true);
        URL url = loader.getResource(folder + "/" + rel);
        if (url == null) {
            throw new NotFound();
        }
        if ("file".equals(url.getProtocol())) {
            try {
                return fromPath(Path.of(url.toURI()));
            } catch (java.net.URISyntaxException e) {
                throw new NotFound();
            }
        }
        return fromUrl(url, rel, folder + "/" + rel);
    }

    private static Source fromUrl(URL url, String rel, String etagKey) throws IOException {
        URLConnection conn = url.openConnection();
        if (conn instanceof JarURLConnection jar && (jar.getJarEntry() == null || jar.getJarEntry().isDirectory())) {
            throw new NotFound();
        }
        long modified = conn.getLastModified();
        String name = rel.substring(rel.lastIndexOf('/') + 1);
        return new Source(name, etagKey, conn.getContentLengthLong(),
                modified > 0 ? Instant.ofEpochMilli(modified) : null, url::openStream);
    }

    /**
     * The normalised relative path, or a 404: Werkzeug's {@code safe_join} rules (no absolute path, no way out
     * through {@code ..}, no backslash or NUL), and for web application folders also no {@code WEB-INF} or
     * {@code META-INF} segment, no {@code ;} path parameter and no {@code :}, whatever the container makes of them.
     */
    static String relative(String filename, boolean webapp) {
        if (filename == null || filename.isEmpty()) {
            throw new NotFound();
        }
        Optional<String> joined = SafePaths.safeJoin("", filename);
        // safeJoin("") joins onto "."; what follows "./" is the normalised part.
        String rel = joined.map(j -> j.startsWith("./") ? j.substring(2) : "").orElse("");
        if (rel.isEmpty() || rel.equals(".") || rel.startsWith("/")) {
            throw new NotFound();
        }
        if (webapp && !isPlainWebappPath(rel)) {
            throw new NotFound();
        }
        return rel;
    }

    private static boolean isPlainWebappPath(String rel) {
        if (rel.indexOf(';') >= 0 || rel.indexOf(':') >= 0) {
            return false;
        }
        for (String segment : rel.split("/")) {
            String s = segment.toLowerCase(Locale.ROOT);
            if (s.equals("web-inf") || s.equals("meta-inf")) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ building the response

    /**
     * The response for {@code src}: 200, or 206/304/412 when {@code request} (null outside a request) asks
     * conditionally; an unsatisfiable range throws 416.
     *
     * @param mimetype null to guess from the name
     */
    static Response send(Flask app, Source src, String mimetype, boolean asAttachment, Request request) {
        MimeTypes.Guess guess = mimetype != null ? new MimeTypes.Guess(mimetype, null)
                : MimeTypes.guess(app.servletContext(), src.name());
        String etag = etag(src);
        Instant lastModified = src.lastModified() == null ? null : src.lastModified().truncatedTo(
                java.time.temporal.ChronoUnit.SECONDS);
        long[] range = null;
        int status = 200;
        if (request != null && (request.method().equals("GET") || request.method().equals("HEAD"))) {
            Conditional cond = new Conditional(request, etag, lastModified);
            range = cond.range(src.length());
            if (range == null && cond.notModified()) {
                status = cond.hasIfMatch() ? 412 : 304;
            }
        }
        Response r;
        if (status == 304) {
            r = new Response(new byte[0], 304, "application/octet-stream");
            r.headers().remove("Content-Type"); // Werkzeug drops entity headers from a 304
        } else if (range != null) {
            long start = range[0];
            long count = range[1] - range[0];
            r = Response.writer(out -> copy(src, start, count, out), count, guess.mimetype()).status(206);
        } else {
            r = Response.writer(out -> copy(src, 0, src.length(), out), src.length(), guess.mimetype())
                    .status(status);
        }
        headers(app, r, src, asAttachment, guess, status == 304 ? null : lastModified);
        r.headers().set("ETag", etag);
        r.headers().set("Accept-Ranges", "bytes");
        if (range != null) {
            r.headers().set("Content-Range", "bytes " + range[0] + "-" + (range[1] - 1) + "/" + src.length());
        }
        return r;
    }

    private static void headers(Flask app, Response r, Source src, boolean asAttachment, MimeTypes.Guess guess,
            Instant lastModified) {
        r.headers().set("Content-Disposition", contentDisposition(asAttachment, src.name()));
        if (guess.encoding() != null && r.status() != 304) {
            r.headers().set("Content-Encoding", guess.encoding());
        }
        if (lastModified != null) {
            r.headers().set("Last-Modified", HttpDates.format(lastModified));
        }
        // Flask 3: SEND_FILE_MAX_AGE_DEFAULT None -> "no-cache" (revalidate with the ETag); a number -> public
        // with max-age and Expires, except 0 which stays "no-cache, max-age=0" (Werkzeug send_file).
        Duration maxAge = app.config().getDuration("SEND_FILE_MAX_AGE_DEFAULT");
        if (maxAge == null) {
            r.headers().set("Cache-Control", "no-cache");
        } else {
            long seconds = maxAge.getSeconds();
            r.headers().set("Cache-Control", seconds > 0 ? "public, max-age=" + seconds : "no-cache, max-age="
                    + seconds);
            r.headers().set("Expires", HttpDates.format(Instant.now().plusSeconds(seconds)));
        }
    }

    /** Werkzeug: {@code "{mtime}-{size}-{adler32(path)}"}, mtime as Python prints a float. */
    static String etag(Source src) {
        Adler32 adler = new Adler32();
        adler.update(src.etagKey().getBytes(StandardCharsets.UTF_8));
        Instant t = src.lastModified() == null ? Instant.EPOCH : src.lastModified();
        String mtime = new BigDecimal(Double.toString(t.getEpochSecond() + t.getNano() * 1e-9)).toPlainString();
        if (mtime.indexOf('.') < 0) {
            mtime += ".0";
        }
        return "\"" + mtime + "-" + Math.max(src.length(), 0) + "-" + adler.getValue() + "\"";
    }

    /**
     * {@code inline; filename=...} as Werkzeug writes it: a token as it is, else quoted; a non-ASCII name gets an
     * ASCII fallback (NFKD, non-ASCII dropped) plus {@code filename*=UTF-8''...}.
     */
    static String contentDisposition(boolean asAttachment, String name) {
        String type = asAttachment ? "attachment" : "inline";
        boolean ascii = name.chars().allMatch(c -> c < 0x80);
        if (ascii) {
            return type + "; filename=" + quoteHeaderValue(name);
        }
        String simple = SafePaths.asciiOnly(Normalizer.normalize(name, Normalizer.Form.NFKD));
        return type + "; filename=" + quoteHeaderValue(simple) + "; filename*=UTF-8''" + PercentEncoding.encodeRfc5987(name);
    }

    // Werkzeug's _token_chars: a value made only of these is sent unquoted.
    private static final String TOKEN_CHARS = "!#$%&'*+-.^_`|~";

    private static String quoteHeaderValue(String v) {
        if (v.isEmpty()) {
            return "\"\"";
        }
        boolean token = v.chars().allMatch(c -> c < 0x80 && (Character.isLetterOrDigit(c)
                || TOKEN_CHARS.indexOf(c) >= 0));
        return token ? v : "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void copy(Source src, long start, long count, OutputStream out) throws IOException {
        try (InputStream in = src.opener().open()) {
            in.skipNBytes(start);
            if (count < 0) {
                in.transferTo(out);
                return;
            }
            byte[] buffer = new byte[(int) Math.min(BUFFER, Math.max(count, 1))];
            long left = count;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    break; // the file shrank since we measured it; send what there is
                }
                out.write(buffer, 0, n);
                left -= n;
            }
        }
    }
}
