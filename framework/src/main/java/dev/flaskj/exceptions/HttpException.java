package dev.flaskj.exceptions;

import dev.flaskj.internal.HtmlEscaping;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP error that becomes a response: status code, name, description, and extra headers.
 *
 * <p>Werkzeug: {@code werkzeug.exceptions.HTTPException}. Throw one (usually through {@code abort(404)}) from a
 * view or hook; the app's {@code @ErrorHandler}s see it first, and without a handler it is rendered as Werkzeug's
 * default page:
 * <pre>{@code
 * <!doctype html>
 * <html lang=en>
 * <title>404 Not Found</title>
 * <h1>Not Found</h1>
 * <p>The requested URL was not found on the server. ...</p>
 * }</pre>
 * The description is HTML-escaped and newlines become {@code <br>}, as {@code abort(404, "...")} does in Flask.
 *
 * <p>Subclass it for your own codes; the named subclasses in this package mirror Werkzeug's classes so that
 * {@code @ErrorHandler(exception = NotFound.class)} reads as in Flask.
 */
public class HttpException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int code;
    private final String name;
    private final String description;
    private final Map<String, String> headers = new LinkedHashMap<>();

    /**
     * An error with Werkzeug's name for {@code code} and the given description (null means the default one).
     *
     * @throws IllegalArgumentException if Werkzeug has no exception for {@code code}
     */
    public HttpException(int code, String description) {
        this(code, nameOf(code), description == null ? HttpStatus.error(code).description() : description);
    }

    /** An error with an explicit name and description, for codes Werkzeug does not know. */
    public HttpException(int code, String name, String description) {
        this(code, name, description, true);
    }

    /**
     * For errors made by the framework on the request path (routing, limits): no stack trace is captured,
     * because it would show only framework frames and costs more than the rest of a 404.
     */
    protected HttpException(int code, String name, String description, boolean withStackTrace) {
        this(code, name, description, null, withStackTrace);
    }

    /**
     * An error with Werkzeug's name for {@code code}, caused by {@code cause} (e.g. the exception behind a 500).
     * The cause must be given here: this class fixes its cause at construction, so {@code initCause} fails.
     */
    protected HttpException(int code, String description, Throwable cause) {
        this(code, nameOf(code), description == null ? HttpStatus.error(code).description() : description, cause,
                true);
    }

    private HttpException(int code, String name, String description, Throwable cause, boolean withStackTrace) {
        super(code + " " + name + ": " + description, cause, false, withStackTrace);
        this.code = code;
        this.name = Objects.requireNonNull(name, "name == null");
        this.description = Objects.requireNonNull(description, "description == null");
    }

    private static String nameOf(int code) {
        HttpStatus.Entry entry = HttpStatus.error(code);
        if (entry == null) {
            throw new IllegalArgumentException("no exception for " + code);
        }
        return entry.name();
    }

    /** Werkzeug's default description for a known error code, or null. */
    public static String defaultDescription(int code) {
        HttpStatus.Entry entry = HttpStatus.error(code);
        return entry == null ? null : entry.description();
    }

    /** Whether Werkzeug has an exception class (and so a default page) for this code. */
    public static boolean isKnownCode(int code) {
        return HttpStatus.error(code) != null;
    }

    /** The HTTP status code. */
    public int code() {
        return code;
    }

    /** The status name, e.g. {@code Not Found}. */
    public String name() {
        return name;
    }

    /** The description shown in the page's paragraph, before escaping. */
    public String description() {
        return description;
    }

    /** Headers the response must carry (e.g. {@code Allow} on a 405); mutable, in insertion order. */
    public Map<String, String> headers() {
        return headers;
    }

    /** Adds a header to the response this error renders into; returns this error. */
    public HttpException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /**
     * The HTML body Werkzeug renders for this error, byte for byte.
     * Override to change the default page of a subclass.
     */
    public String body() {
        return "<!doctype html>\n<html lang=en>\n<title>" + code + " " + HtmlEscaping.escape(name) + "</title>\n<h1>"
                + HtmlEscaping.escape(name) + "</h1>\n" + descriptionHtml() + "\n";
    }

    /** The description as HTML: escaped, newlines as {@code <br>}, inside one paragraph. */
    protected String descriptionHtml() {
        return "<p>" + HtmlEscaping.escape(description).replace("\n", "<br>") + "</p>";
    }

    /** The content type of {@link #body()}. */
    public String contentType() {
        return "text/html; charset=utf-8";
    }
}
