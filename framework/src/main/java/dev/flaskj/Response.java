package dev.flaskj;

import dev.flaskj.exceptions.RequestRedirect;
import dev.flaskj.http.CacheControl;
import dev.flaskj.http.HeaderValues;
import dev.flaskj.http.Headers;
import dev.flaskj.http.SetCookie;
import dev.flaskj.internal.HttpDates;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

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

    /** A body writer that can write a byte range itself (a file seeks instead of reading what comes before). */
    interface RangeWriter extends BodyWriter {
        /** Writes bytes {@code [start, start + count)} of the body to {@code out}. */
        void writeRange(OutputStream out, long start, long count) throws IOException;
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
    private List<Runnable> onClose;

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

    // ------------------------------------------------------------------ caching and conditional responses

    /**
     * The {@code Cache-Control} directives of this response, parsed from the header now; every change through
     * the returned object is written straight back to the header (Werkzeug: {@code response.cache_control}).
     * <pre>{@code
     * resp.cacheControl().setPublic(true);
     * resp.cacheControl().setMaxAge(600);   // Cache-Control: public, max-age=600
     * }</pre>
     */
    public CacheControl cacheControl() {
        return CacheControl.of(headers.get("Cache-Control", null), cc -> {
            if (cc.isEmpty()) {
                headers.remove("Cache-Control");
            } else {
                headers.set("Cache-Control", cc.toHeader());
            }
        });
    }

    /** Sets a strong {@code ETag} (quoted here); returns this. */
    public Response setEtag(String etag) {
        return setEtag(etag, false);
    }

    /**
     * Sets the {@code ETag} header to {@code "etag"}, or {@code W/"etag"} when {@code weak}; returns this.
     *
     * @throws IllegalArgumentException when {@code etag} contains a double quote
     */
    public Response setEtag(String etag, boolean weak) {
        if (etag.indexOf('"') >= 0) {
            throw new IllegalArgumentException("invalid etag");
        }
        headers.set("ETag", (weak ? "W/" : "") + "\"" + etag + "\"");
        return this;
    }

    /** Adds a strong ETag computed from the body (SHA-1, hex) unless one is set; returns this. */
    public Response addEtag() {
        return addEtag(false, false);
    }

    /**
     * Sets an ETag computed from the body (SHA-1, hex, as Werkzeug's {@code add_etag}) when there is none or
     * {@code overwrite}; a streamed body is buffered for it. Returns this.
     */
    public Response addEtag(boolean overwrite, boolean weak) {
        if (overwrite || !headers.containsKey("ETag")) {
            try {
                byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(data());
                setEtag(HexFormat.of().formatHex(sha1), weak);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-1 is required of every Java platform", e);
            }
        }
        return this;
    }

    /** The {@code Last-Modified} header as an instant, or null when absent or not a date. */
    public Instant lastModified() {
        return HttpDates.parse(headers.get("Last-Modified", null)).orElse(null);
    }

    /** Sets {@code Last-Modified} (seconds precision, HTTP date), or removes it for null; returns this. */
    public Response lastModified(Instant time) {
        return dateHeader("Last-Modified", time);
    }

    /** The {@code Expires} header as an instant, or null when absent or not a date. */
    public Instant expires() {
        return HttpDates.parse(headers.get("Expires", null)).orElse(null);
    }

    /** Sets {@code Expires} (HTTP date), or removes it for null; returns this. */
    public Response expires(Instant time) {
        return dateHeader("Expires", time);
    }

    private Response dateHeader(String name, Instant time) {
        if (time == null) {
            headers.remove(name);
        } else {
            headers.set(name, HttpDates.format(time.truncatedTo(ChronoUnit.SECONDS)));
        }
        return this;
    }

    /**
     * The {@code Vary} header as a mutable set: case-insensitive, in header order, written back to the header
     * on every change (removed when empty). It reads the header each time it is called, so what flaskj adds
     * later (such as {@code Cookie} when the session was used) merges with it rather than replacing it.
     */
    public Set<String> vary() {
        return new HeaderSet(headers, "Vary");
    }

    /** The {@code Content-Language} header as a mutable set, like {@link #vary()}. */
    public Set<String> contentLanguage() {
        return new HeaderSet(headers, "Content-Language");
    }

    /**
     * Registers {@code callback} to run once the response has been written to the client, or writing it
     * failed (Werkzeug: {@code call_on_close}); callbacks run in registration order, and one that throws is
     * logged without stopping the others. Returns this.
     */
    public Response callOnClose(Runnable callback) {
        if (onClose == null) {
            onClose = new ArrayList<>(2);
        }
        onClose.add(Objects.requireNonNull(callback, "callback == null"));
        return this;
    }

    /** Runs and forgets the close callbacks. */
    void runCloseCallbacks() {
        if (onClose == null) {
            return;
        }
        List<Runnable> callbacks = onClose;
        onClose = null;
        for (Runnable r : callbacks) {
            try {
                r.run();
            } catch (RuntimeException e) {
                Logger.getLogger(Response.class.getName()).log(Level.SEVERE, "a call_on_close callback failed", e);
            }
        }
    }

    /**
     * {@link #makeConditional(Request, boolean)} without ranges: Werkzeug's {@code make_conditional(request)}.
     */
    public Response makeConditional(Request request) {
        return makeConditional(request, false);
    }

    /**
     * Makes this response answer the request's conditional headers, as Werkzeug's {@code make_conditional}
     * (called with {@code accept_ranges} and the body's length): only for GET and HEAD, where it adds
     * {@code Date} when missing; with {@code acceptRanges} it sets {@code Accept-Ranges: bytes} and, for a 200
     * response whose length is known (bytes, or a writer with a length), answers a single satisfiable
     * {@code Range} with 206, the slice of the body and {@code Content-Range}, where an {@code If-Range} that
     * no longer matches gets the whole body. Otherwise, when the client's copy is current according to the
     * response's {@code ETag} and {@code Last-Modified} ({@code If-None-Match}, {@code If-Modified-Since},
     * {@code If-Match}), the status becomes 304 with no body and no entity headers, or 412 when the request
     * had {@code If-Match}. Returns this.
     *
     * @throws dev.flaskj.exceptions.RequestedRangeNotSatisfiable (416, with {@code Content-Range: bytes &#42;/length})
     *     for a malformed, multiple or out-of-bounds range
     */
    public Response makeConditional(Request request, boolean acceptRanges) {
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return this;
        }
        if (!headers.containsKey("Date")) {
            headers.set("Date", HttpDates.format(Instant.now()));
        }
        Conditional cond = new Conditional(request, headers.get("ETag", null), lastModified());
        boolean is206 = false;
        if (acceptRanges) {
            headers.set("Accept-Ranges", "bytes");
            long length = contentLength();
            if (status == 200 && length > 0) {
                long[] range = cond.range(length);
                if (range != null) {
                    slice(range[0], range[1] - range[0]);
                    headers.set("Content-Range", "bytes " + range[0] + "-" + (range[1] - 1) + "/" + length);
                    status = 206;
                    is206 = true;
                }
            }
        }
        if (!is206 && cond.notModified()) {
            if (cond.hasIfMatch()) {
                status = 412;
            } else {
                status = 304;
                setData(new byte[0]);
                for (String h : ENTITY_HEADERS) {
                    headers.remove(h);
                }
            }
        }
        return this;
    }

    // Werkzeug's remove_entity_headers for a 304: entity headers except Expires and Content-Location.
    private static final List<String> ENTITY_HEADERS = List.of("Allow", "Content-Encoding", "Content-Language",
            "Content-Length", "Content-MD5", "Content-Range", "Content-Type", "Last-Modified");

    private void slice(long start, long count) {
        if (data != null) {
            data = Arrays.copyOfRange(data, (int) start, (int) (start + count));
            return;
        }
        BodyWriter whole = writer;
        writer = whole instanceof RangeWriter ranged ? out -> ranged.writeRange(out, start, count)
                : out -> whole.writeTo(new RangeStream(out, start, count));
        writerLength = count;
    }

    /** Passes on bytes {@code [start, start + count)} of what is written and drops the rest. */
    private static final class RangeStream extends FilterOutputStream {
        private long skip;
        private long left;

        RangeStream(OutputStream out, long start, long count) {
            super(out);
            this.skip = start;
            this.left = count;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int drop = (int) Math.min(skip, len);
            skip -= drop;
            int pass = (int) Math.min(left, len - drop);
            if (pass > 0) {
                out.write(b, off + drop, pass);
                left -= pass;
            }
        }

        @Override
        public void close() {
            // The container owns the stream.
        }
    }

    /** A header as a case-insensitive set of comma-separated values (Werkzeug: {@code HeaderSet}). */
    private static final class HeaderSet extends AbstractSet<String> {
        private final Headers headers;
        private final String name;
        private final List<String> items = new ArrayList<>();

        HeaderSet(Headers headers, String name) {
            this.headers = headers;
            this.name = name;
            for (String value : headers.getList(name)) {
                for (String item : HeaderValues.parseList(value)) {
                    if (indexOf(item) < 0) {
                        items.add(item);
                    }
                }
            }
        }

        private int indexOf(Object o) {
            if (o instanceof String s) {
                for (int i = 0; i < items.size(); i++) {
                    if (items.get(i).equalsIgnoreCase(s)) {
                        return i;
                    }
                }
            }
            return -1;
        }

        private void write() {
            if (items.isEmpty()) {
                headers.remove(name);
            } else {
                headers.set(name, HeaderValues.dumpSet(items));
            }
        }

        @Override
        public boolean contains(Object o) {
            return indexOf(o) >= 0;
        }

        @Override
        public boolean add(String s) {
            if (indexOf(Objects.requireNonNull(s)) >= 0) {
                return false;
            }
            items.add(s);
            write();
            return true;
        }

        @Override
        public boolean remove(Object o) {
            int i = indexOf(o);
            if (i < 0) {
                return false;
            }
            items.remove(i);
            write();
            return true;
        }

        @Override
        public void clear() {
            items.clear();
            write();
        }

        @Override
        public int size() {
            return items.size();
        }

        @Override
        public Iterator<String> iterator() {
            return new Iterator<>() {
                private int next;
                private boolean removable;

                @Override
                public boolean hasNext() {
                    return next < items.size();
                }

                @Override
                public String next() {
                    if (next >= items.size()) {
                        throw new NoSuchElementException();
                    }
                    removable = true;
                    return items.get(next++);
                }

                @Override
                public void remove() {
                    if (!removable) {
                        throw new IllegalStateException();
                    }
                    removable = false;
                    items.remove(--next);
                    write();
                }
            };
        }
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
