package dev.flaskj.testing;

import dev.flaskj.http.Headers;
import dev.flaskj.internal.HttpDates;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An in-memory {@link HttpServletResponse} that keeps status, headers and every body byte (Werkzeug's counterpart:
 * what {@code run_wsgi_app} collects from {@code start_response}).
 *
 * <pre>{@code
 * FakeHttpServletResponse res = new FakeHttpServletResponse();
 * app.handleRequest(req, res, null);
 * assertEquals(200, res.getStatus());
 * assertEquals("Hello", res.bodyText());
 * }</pre>
 * {@code Content-Type} and {@code Content-Length} are ordinary headers, so {@code setContentType},
 * {@code setHeader} and {@code addHeader} stay consistent. Like a container, the response is committed by a flush,
 * {@code flushBuffer()}, {@code sendError}, {@code sendRedirect} or a full buffer; after that, status and header
 * changes are ignored and {@code reset()} throws {@link IllegalStateException}. Not thread-safe.
 */
public final class FakeHttpServletResponse implements HttpServletResponse {
    private static final int DEFAULT_BUFFER_SIZE = 8192;

    private final CapturingOutputStream out = new CapturingOutputStream(this);
    private Headers headers = new Headers();
    private int status = SC_OK;
    private String errorMessage;
    private String characterEncoding;
    private Locale locale = Locale.getDefault();
    private int bufferSize = DEFAULT_BUFFER_SIZE;
    private PrintWriter writer;
    private boolean streamUsed;
    private boolean committed;

    // ------------------------------------------------------------------ test accessors

    /** The body bytes written so far (the writer is flushed first). */
    public byte[] body() {
        if (writer != null) {
            writer.flush();
        }
        return out.toByteArray();
    }

    /** The body decoded with the response's character encoding. */
    public String bodyText() {
        return new String(body(), Charset.forName(getCharacterEncoding()));
    }

    /** Every header as name/value pairs, in the order set, names as given. */
    public Headers headers() {
        return headers.copy();
    }

    /** The message given to {@code sendError}, or null. */
    public String errorMessage() {
        return errorMessage;
    }

    void bufferGrew(int size) {
        if (size > bufferSize) {
            committed = true;
        }
    }

    // ------------------------------------------------------------------ status and headers

    @Override
    public int getStatus() {
        return status;
    }

    @Override
    public void setStatus(int sc) {
        if (!committed) {
            status = sc;
        }
    }

    @Override
    public void setHeader(String name, String value) {
        if (committed) {
            return;
        }
        if (value == null) {
            headers.remove(name);
        } else {
            headers.set(name, value);
        }
        charsetFromContentType(name, value);
    }

    @Override
    public void addHeader(String name, String value) {
        if (committed || value == null) {
            return;
        }
        headers.add(name, value);
        charsetFromContentType(name, value);
    }

    private void charsetFromContentType(String name, String value) {
        if (value != null && name.equalsIgnoreCase("Content-Type")) {
            String charset = charsetParam(value);
            if (charset != null) {
                characterEncoding = charset;
            }
        }
    }

    @Override
    public void setIntHeader(String name, int value) {
        setHeader(name, Integer.toString(value));
    }

    @Override
    public void addIntHeader(String name, int value) {
        addHeader(name, Integer.toString(value));
    }

    @Override
    public void setDateHeader(String name, long date) {
        setHeader(name, HttpDates.format(Instant.ofEpochMilli(date)));
    }

    @Override
    public void addDateHeader(String name, long date) {
        addHeader(name, HttpDates.format(Instant.ofEpochMilli(date)));
    }

    @Override
    public boolean containsHeader(String name) {
        return headers.containsKey(name);
    }

    @Override
    public String getHeader(String name) {
        return headers.get(name, null);
    }

    @Override
    public Collection<String> getHeaders(String name) {
        return headers.getList(name);
    }

    @Override
    public Collection<String> getHeaderNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (Map.Entry<String, String> h : headers) {
            names.putIfAbsent(h.getKey().toLowerCase(Locale.ROOT), h.getKey());
        }
        return new ArrayList<>(names.values());
    }

    /** Sets the {@code Content-Type} header; a {@code charset} parameter also sets the character encoding. */
    @Override
    public void setContentType(String type) {
        if (type == null) {
            if (!committed) {
                headers.remove("Content-Type");
            }
            return;
        }
        String value = type;
        if (charsetParam(type) == null && characterEncoding != null && type.toLowerCase(Locale.ROOT)
                .startsWith("text/")) {
            value = type + ";charset=" + characterEncoding;
        }
        setHeader("Content-Type", value);
    }

    @Override
    public String getContentType() {
        return getHeader("Content-Type");
    }

    @Override
    public void setContentLength(int len) {
        setContentLengthLong(len);
    }

    @Override
    public void setContentLengthLong(long len) {
        if (len < 0) {
            setHeader("Content-Length", null);
        } else {
            setHeader("Content-Length", Long.toString(len));
        }
    }

    /** The explicit encoding, else the content type's {@code charset}, else ISO-8859-1 (the servlet default). */
    @Override
    public String getCharacterEncoding() {
        return characterEncoding != null ? characterEncoding : StandardCharsets.ISO_8859_1.name();
    }

    @Override
    public void setCharacterEncoding(String charset) {
        if (committed || writer != null || charset == null) {
            return;
        }
        characterEncoding = charset;
        String ct = getContentType();
        if (ct != null && charsetParam(ct) == null) {
            headers.set("Content-Type", ct + ";charset=" + charset);
        }
    }

    private static String charsetParam(String contentType) {
        for (String param : contentType.split(";")) {
            String p = param.trim();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                return p.substring(8).replace("\"", "");
            }
        }
        return null;
    }

    @Override
    public void setLocale(Locale loc) {
        if (!committed && loc != null) {
            locale = loc;
        }
    }

    @Override
    public Locale getLocale() {
        return locale;
    }

    /** Adds a {@code Set-Cookie} header in the usual attribute order. */
    @Override
    public void addCookie(Cookie cookie) {
        StringBuilder b = new StringBuilder(cookie.getName()).append('=').append(cookie.getValue());
        if (cookie.getDomain() != null) {
            b.append("; Domain=").append(cookie.getDomain());
        }
        if (cookie.getMaxAge() >= 0) {
            b.append("; Max-Age=").append(cookie.getMaxAge());
        }
        if (cookie.getSecure()) {
            b.append("; Secure");
        }
        if (cookie.isHttpOnly()) {
            b.append("; HttpOnly");
        }
        if (cookie.getPath() != null) {
            b.append("; Path=").append(cookie.getPath());
        }
        addHeader("Set-Cookie", b.toString());
    }

    // ------------------------------------------------------------------ body and commit

    @Override
    public ServletOutputStream getOutputStream() {
        if (writer != null) {
            throw new IllegalStateException("getWriter() has already been called for this response");
        }
        streamUsed = true;
        return out;
    }

    @Override
    public PrintWriter getWriter() {
        if (streamUsed) {
            throw new IllegalStateException("getOutputStream() has already been called for this response");
        }
        if (writer == null) {
            writer = new PrintWriter(new OutputStreamWriter(out, Charset.forName(getCharacterEncoding())));
        }
        return writer;
    }

    @Override
    public void setBufferSize(int size) {
        if (committed || out.toByteArray().length > 0) {
            throw new IllegalStateException("setBufferSize() after content was written");
        }
        bufferSize = size;
    }

    @Override
    public int getBufferSize() {
        return bufferSize;
    }

    @Override
    public void flushBuffer() {
        committed = true;
    }

    @Override
    public boolean isCommitted() {
        return committed;
    }

    @Override
    public void resetBuffer() {
        if (committed) {
            throw new IllegalStateException("resetBuffer() after the response was committed");
        }
        out.reset();
    }

    @Override
    public void reset() {
        resetBuffer();
        headers = new Headers();
        status = SC_OK;
        characterEncoding = null;
        writer = null;
        streamUsed = false;
    }

    /** Sets the status, keeps the message ({@link #errorMessage()}), and commits, as a container would. */
    @Override
    public void sendError(int sc, String msg) {
        if (committed) {
            throw new IllegalStateException("sendError() after the response was committed");
        }
        resetBuffer();
        status = sc;
        errorMessage = msg;
        committed = true;
    }

    @Override
    public void sendError(int sc) {
        sendError(sc, null);
    }

    /** A 302 with the location as given, committed. */
    @Override
    public void sendRedirect(String location) {
        if (committed) {
            throw new IllegalStateException("sendRedirect() after the response was committed");
        }
        resetBuffer();
        status = SC_FOUND;
        headers.set("Location", location);
        committed = true;
    }

    @Override
    public String encodeURL(String url) {
        return url;
    }

    @Override
    public String encodeRedirectURL(String url) {
        return url;
    }

    @Override
    public String toString() {
        List<String> names = new ArrayList<>(getHeaderNames());
        return "<FakeHttpServletResponse " + status + " " + names + " " + out.toByteArray().length + " bytes>";
    }
}
