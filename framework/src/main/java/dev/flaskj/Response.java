package dev.flaskj;

import dev.flaskj.exceptions.RequestRedirect;
import dev.flaskj.http.Headers;
import dev.flaskj.http.SetCookie;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The response being built: status, headers, body and cookies (Flask/Werkzeug: {@code Response}).
 *
 * <pre>{@code
 * Response resp = makeResponse(renderTemplate("index.html"));
 * resp.headers().set("X-Something", "A value");
 * resp.setCookie("username", "the username");
 * return resp;
 * }</pre>
 * Mutable on purpose, so after-request functions can change it. The default content type is
 * {@code text/html; charset=utf-8}. The body is bytes, a stream of chunks ({@link #stream(Iterator)}), or a
 * {@link BodyWriter} for files and ranges.
 */
public class Response {
    /** Writes a body that is not held in memory (files, ranges). */
    @FunctionalInterface
    public interface BodyWriter {
        /** Writes the whole body to {@code out}. */
        void writeTo(OutputStream out) throws IOException;
    }

    // Werkzeug: get_content_type adds the charset to these.
    private static final Set<String> CHARSET_TYPES = Set.of("application/ecmascript", "application/javascript",
            "application/sql", "application/xml", "application/xml-dtd", "application/xml-external-parsed-entity");

    private int status = 200;
    private final Headers headers = new Headers();
    private byte[] data;
    private Iterator<?> chunks;
    private BodyWriter writer;
    private long writerLength = -1;

    /** An empty 200 response with {@code text/html; charset=utf-8}. */
    public Response() {
        this(new byte[0], 200, "text/html");
    }

    /** A 200 response with a UTF-8 text body and {@code text/html; charset=utf-8}. */
    public Response(String body) {
        this(body, 200);
    }

    /** A response with a UTF-8 text body, a status and {@code text/html; charset=utf-8}. */
    public Response(String body, int status) {
        this(body.getBytes(StandardCharsets.UTF_8), status, "text/html");
    }

    /** A response with a byte body, a status and a mimetype (a charset is added where Werkzeug adds one). */
    public Response(byte[] body, int status, String mimetype) {
        this.data = Objects.requireNonNull(body, "body == null");
        this.status = status;
        setMimetype(mimetype);
    }

    /**
     * A streamed response: each chunk ({@code String} as UTF-8, or {@code byte[]}) is written and flushed as the
     * iterator yields it; no {@code Content-Length} is sent (Flask: returning a generator).
     */
    public static Response stream(Iterator<?> chunks) {
        Response r = new Response();
        r.data = null;
        r.chunks = Objects.requireNonNull(chunks, "chunks == null");
        return r;
    }

    /** A response whose body is written by {@code writer}; {@code length} is sent as Content-Length unless negative. */
    public static Response writer(BodyWriter writer, long length, String mimetype) {
        Response r = new Response(new byte[0], 200, mimetype);
        r.data = null;
        r.writer = Objects.requireNonNull(writer, "writer == null");
        r.writerLength = length;
        return r;
    }

    /** Werkzeug's redirect response: {@code Location} as given, and the "Redirecting..." page. */
    static Response redirect(String location, int code) {
        Response r = new Response(RequestRedirect.redirectBody(location), code);
        r.headers().set("Location", location);
        return r;
    }

    /** The status code. */
    public int status() {
        return status;
    }

    /** Sets the status code; returns this. */
    public Response status(int code) {
        this.status = code;
        return this;
    }

    /** The headers, mutable; {@code Content-Type} is one of them. */
    public Headers headers() {
        return headers;
    }

    /** The full {@code Content-Type}, or null. */
    public String contentType() {
        return headers.get("Content-Type", null);
    }

    /** The content type without parameters, lower-case, e.g. {@code text/html}; null if unset. */
    public String mimetype() {
        String ct = contentType();
        if (ct == null) {
            return null;
        }
        int semi = ct.indexOf(';');
        return (semi < 0 ? ct : ct.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    /**
     * Sets the content type from a mimetype, adding {@code ; charset=utf-8} where Werkzeug does (text types,
     * {@code +xml}, JavaScript, XML); returns this.
     */
    public Response setMimetype(String mimetype) {
        headers.set("Content-Type", withCharset(mimetype));
        return this;
    }

    static String withCharset(String mimetype) {
        if (mimetype.equals("text/html")) {
            return "text/html; charset=utf-8"; // every string a view returns
        }
        if (mimetype.contains(";")) {
            return mimetype;
        }
        String m = mimetype.toLowerCase(Locale.ROOT);
        boolean add = m.startsWith("text/") || m.endsWith("+xml") || CHARSET_TYPES.contains(m);
        return add ? mimetype + "; charset=utf-8" : mimetype;
    }

    /** Whether the body is streamed or written rather than held as bytes. */
    public boolean isStreamed() {
        return data == null;
    }

    /**
     * The body as bytes. A streamed body is consumed and buffered by this call (Werkzeug: {@code get_data}).
     */
    public byte[] data() {
        if (data == null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                writeBody(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            data = out.toByteArray();
            chunks = null;
            writer = null;
        }
        return data;
    }

    /** The body decoded as UTF-8. */
    public String text() {
        return new String(data(), StandardCharsets.UTF_8);
    }

    /** Replaces the body with bytes; returns this. */
    public Response setData(byte[] body) {
        this.data = Objects.requireNonNull(body, "body == null");
        this.chunks = null;
        this.writer = null;
        return this;
    }

    /** Replaces the body with UTF-8 text; returns this. */
    public Response setData(String body) {
        return setData(body.getBytes(StandardCharsets.UTF_8));
    }

    /** The body length when known (bytes, or a writer with a length), else -1. */
    public long contentLength() {
        if (data != null) {
            return data.length;
        }
        return writer != null ? writerLength : -1;
    }

    /** The {@code Location} header, or null. */
    public String location() {
        return headers.get("Location", null);
    }

    /**
     * Adds a session-length cookie with Flask's defaults (path {@code /}, no expiry)
     * (Flask: {@code resp.set_cookie(key, value)}); returns this.
     */
    public Response setCookie(String name, String value) {
        return setCookie(new SetCookie(name, value, null, null, "/", null, false, false, null, false));
    }

    /**
     * Adds a cookie with every option of Flask's {@code set_cookie} (max age, expires, path, domain, secure,
     * httponly, samesite, partitioned); returns this.
     */
    public Response setCookie(SetCookie cookie) {
        headers.add("Set-Cookie", cookie.headerValue());
        return this;
    }

    /** Deletes a cookie set with path {@code /} (Flask: {@code delete_cookie}); returns this. */
    public Response deleteCookie(String name) {
        return deleteCookie(name, "/", null);
    }

    /** Deletes a cookie set with this path and domain; returns this. */
    public Response deleteCookie(String name, String path, String domain) {
        return setCookie(SetCookie.delete(name, path, domain, false, false, null, false));
    }

    /** Writes the body: bytes as they are, chunks one by one with a flush after each, or through the writer. */
    void writeBody(OutputStream out) throws IOException {
        if (data != null) {
            out.write(data);
        } else if (writer != null) {
            writer.writeTo(out);
        } else {
            while (chunks.hasNext()) {
                Object chunk = chunks.next();
                out.write(chunk instanceof byte[] b ? b : String.valueOf(chunk).getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        }
    }

    @Override
    public String toString() {
        return "<Response " + (data == null ? "streamed" : data.length + " bytes") + " [" + status + "]>";
    }
}
