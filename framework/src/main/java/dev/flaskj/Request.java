package dev.flaskj;

import dev.flaskj.exceptions.BadRequest;
import dev.flaskj.exceptions.UnsupportedMediaType;
import dev.flaskj.http.Accept;
import dev.flaskj.http.Authorization;
import dev.flaskj.http.CacheControl;
import dev.flaskj.http.ETags;
import dev.flaskj.http.FileStorage;
import dev.flaskj.http.FormLimits;
import dev.flaskj.http.FormParser;
import dev.flaskj.http.HeaderValues;
import dev.flaskj.http.Headers;
import dev.flaskj.http.Hosts;
import dev.flaskj.http.MultiDict;
import dev.flaskj.http.ParsedForm;
import dev.flaskj.http.Range;
import dev.flaskj.http.UrlEncoded;
import dev.flaskj.internal.HttpDates;
import dev.flaskj.internal.PercentEncoding;
import dev.flaskj.json.JsonDecodeException;
import dev.flaskj.routing.Rule;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request, in Flask's terms (Flask/Werkzeug: {@code Request}); get it with {@code request()}.
 *
 * <pre>{@code
 * if (request().method().equals("POST")) {
 *     String user = request().form().get("username");   // 400 Bad Request when missing
 *     int page = request().args().getInt("page", 1);      // never throws
 * }
 * }</pre>
 * The query string is parsed on first use of {@link #args()}; the body is read on first use of {@link #form()},
 * {@link #files()}, {@link #values()}, {@link #data()} or {@link #json()}, once, under the app's limits
 * ({@code MAX_CONTENT_LENGTH}, {@code MAX_FORM_MEMORY_SIZE}, {@code MAX_FORM_PARTS}, {@code MAX_BODY_MEMORY_SIZE}
 * → 413). Upload temp files are deleted when the request ends, however it ends.
 * Not thread-safe: it belongs to the request's thread.
 */
public final class Request {
    private static final Object NO_JSON = new Object();

    private final Flask app;
    private final HttpServletRequest raw;
    private final String method;
    private final String scriptRoot;
    private final String path;
    private String host;

    private MultiDict<String> args;
    private Headers headers;
    private MultiDict<String> cookies;
    private ParsedForm parsedForm;
    private byte[] data;
    private Object json = NO_JSON;

    private Rule urlRule;
    private ViewArgs viewArgs;
    private RuntimeException routingException;

    Request(Flask app, HttpServletRequest raw) {
        this.app = app;
        this.raw = raw;
        this.method = raw.getMethod().toUpperCase(Locale.ROOT);
        String uri = raw.getRequestURI();
        this.scriptRoot = contextPath(raw, uri);
        this.path = routingPath(raw, uri, scriptRoot);
    }

    /**
     * The request's context path. When the URI starts with the application's canonical context path (every
     * request a browser sends), that is the answer: Tomcat's {@code getContextPath} would decode and normalise
     * the URI again to find out, on every request. A request wrapper may present another context path (e.g.
     * {@code ProxyFix}'s {@code X-Forwarded-Prefix}), so wrappers are always asked.
     */
    private static String contextPath(HttpServletRequest raw, String uri) {
        if (uri != null && !(raw instanceof HttpServletRequestWrapper)) {
            ServletContext sc = raw.getServletContext();
            String canonical = sc == null ? null : sc.getContextPath();
            if (canonical != null && uri.startsWith(canonical)
                    && (uri.length() == canonical.length() || uri.charAt(canonical.length()) == '/')) {
                return canonical;
            }
        }
        return raw.getContextPath();
    }

    /**
     * The decoded path below the context path with leading slashes collapsed (Werkzeug matches
     * {@code "/" + path.lstrip("/")}). Decoded from the raw URI ourselves: containers disagree on how
     * {@code getPathInfo} treats {@code ;} and encoded characters.
     */
    private static String routingPath(HttpServletRequest raw, String uri, String ctx) {
        String rest;
        if (uri == null) {
            rest = "/";
        } else if (ctx.isEmpty() || uri.startsWith(ctx)) {
            rest = uri.substring(ctx.length());
        } else {
            // The client spelled the context path differently (e.g. percent-encoded); the container's own
            // decoded view is the best we have.
            String pathInfo = raw.getPathInfo();
            rest = raw.getServletPath() + (pathInfo == null ? "" : pathInfo);
        }
        String decoded = PercentEncoding.decode(rest, false);
        int i = 0;
        while (i < decoded.length() && decoded.charAt(i) == '/') {
            i++;
        }
        // Most paths have exactly one leading slash: keep the string instead of copying it.
        return i == 1 ? decoded : "/" + decoded.substring(i);
    }

    /** The HTTP method, upper-case. */
    public String method() {
        return method;
    }

    /** The decoded path without the context path, e.g. {@code /user/John Doe}. */
    public String path() {
        return path;
    }

    /** The path plus the raw query string; {@code /?} form as Werkzeug (a {@code ?} even without a query). */
    public String fullPath() {
        return path + "?" + queryString();
    }

    /** The raw query string, or {@code ""}. */
    public String queryString() {
        String q = raw.getQueryString();
        return q == null ? "" : q;
    }

    /** The context path, Flask's {@code script_root}: {@code ""} or e.g. {@code /myapplication}. */
    public String scriptRoot() {
        return scriptRoot;
    }

    /** {@code http} or {@code https}. */
    public String scheme() {
        return raw.getScheme();
    }

    /**
     * The host the request was made to, {@code name[:port]}, the port left out when it is the scheme's default
     * (Werkzeug: {@code request.host}): the {@code Host} header (after {@code ProxyFix}, the forwarded host), or the
     * server's name and port when the client sent none. Every URL flaskj builds from the request ({@code urlFor}
     * with {@code _external}, slash redirects, {@link #url()}) uses this value.
     *
     * @throws dev.flaskj.exceptions.BadRequest 400 when config {@code TRUSTED_HOSTS} is set and the host matches no
     *     entry ({@code Host 'evil.example' is not trusted.}), or when the value is not a well-formed host name,
     *     IP address and port; the check runs before routing, so such a request never reaches a view
     */
    public String host() {
        String h = host;
        if (h == null) {
            Object trusted = app == null ? null : app.config().get("TRUSTED_HOSTS");
            h = Hosts.requestHost(scheme(), raw.getHeader("Host"), raw.getServerName(), raw.getServerPort(),
                    Hosts.trustedList(trusted));
            host = h; // only a good answer is kept: a bad host fails every time it is asked for, as in Werkzeug
        }
        return h;
    }

    /** {@code scheme://host/} (Werkzeug: {@code host_url}). */
    public String hostUrl() {
        return scheme() + "://" + host() + "/";
    }

    /** {@code scheme://host/script_root/} (Werkzeug: {@code url_root}). */
    public String urlRoot() {
        return scheme() + "://" + host() + scriptRoot() + "/";
    }

    /** The URL without the query string (Werkzeug: {@code base_url}). */
    public String baseUrl() {
        return scheme() + "://" + host() + raw.getRequestURI();
    }

    /** The full URL, with the query string when there is one. */
    public String url() {
        String q = raw.getQueryString();
        return baseUrl() + (q == null || q.isEmpty() ? "" : "?" + q);
    }

    /** The client's address (after {@code ProxyFix}, the forwarded one). */
    public String remoteAddr() {
        return raw.getRemoteAddr();
    }

    /** The {@code User-Agent} header, or {@code ""}. */
    public String userAgent() {
        String ua = raw.getHeader("User-Agent");
        return ua == null ? "" : ua;
    }

    /** The parsed query string (Flask: {@code request.args}). */
    public MultiDict<String> args() {
        if (args == null) {
            args = UrlEncoded.parse(queryString());
        }
        return args;
    }

    /** The request headers, case-insensitive (Flask: {@code request.headers}). */
    public Headers headers() {
        if (headers == null) {
            headers = Headers.fromRequest(raw);
        }
        return headers;
    }

    /** The cookies the client sent (Flask: {@code request.cookies}). */
    public MultiDict<String> cookies() {
        if (cookies == null) {
            cookies = parseCookies(raw.getHeader("Cookie"));
        }
        return cookies;
    }

    static MultiDict<String> parseCookies(String header) {
        return dev.flaskj.http.Cookies.parse(header == null ? "" : header);
    }

    /** The {@code Content-Type} header, or null. */
    public String contentType() {
        return raw.getContentType();
    }

    /** The content type without parameters, lower-case, or {@code ""}. */
    public String mimetype() {
        String ct = raw.getContentType();
        if (ct == null) {
            return "";
        }
        int semi = ct.indexOf(';');
        return (semi < 0 ? ct : ct.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }

    /** The declared body length, or -1. */
    public long contentLength() {
        return raw.getContentLengthLong();
    }

    /**
     * Form fields of a urlencoded or multipart body, for any method (Flask: {@code request.form}); empty for other
     * content types.
     */
    public MultiDict<String> form() {
        return parsedForm().form();
    }

    /** Uploaded files of a multipart body (Flask: {@code request.files}). */
    public MultiDict<FileStorage> files() {
        return parsedForm().files();
    }

    /**
     * {@link #args()} and {@link #form()} together, args first (Flask: {@code request.values}); for GET only
     * the args, as Werkzeug 2.0+.
     */
    public MultiDict<String> values() {
        if (method.equals("GET")) {
            return args();
        }
        return MultiDict.combine(List.of(args(), form()));
    }

    private ParsedForm parsedForm() {
        if (parsedForm == null) {
            parsedForm = data != null ? ParsedForm.empty() : FormParser.parse(raw, formLimits());
        }
        return parsedForm;
    }

    FormLimits formLimits() {
        Config c = app.config();
        FormLimits d = FormLimits.defaults();
        long maxContent = c.getLong("MAX_CONTENT_LENGTH", -1);
        return new FormLimits(maxContent < 0 ? null : maxContent, c.getLong("MAX_FORM_MEMORY_SIZE", Long.MAX_VALUE),
                (int) Math.min(Integer.MAX_VALUE, c.getLong("MAX_FORM_PARTS", Integer.MAX_VALUE)),
                d.inMemoryThreshold(), tempDir(app.uploadTempDir()),
                c.getLong("MAX_BODY_MEMORY_SIZE", Long.MAX_VALUE));
    }

    /**
     * The web application's private temp folder (the servlet context attribute {@code jakarta.servlet.context.tempdir},
     * which the container creates per application and clears on undeploy) when there is one, else {@code fallback}.
     */
    private Path tempDir(Path fallback) {
        ServletContext sc = raw.getServletContext();
        Object dir = sc == null ? null : sc.getAttribute(ServletContext.TEMPDIR);
        if (dir instanceof File f) {
            return f.toPath();
        }
        return dir instanceof Path p ? p : fallback;
    }

    /**
     * The raw body (Flask: {@code request.get_data()}); empty when the body was consumed as a form, as Werkzeug.
     * The body is held in memory, so it is bounded by {@code MAX_BODY_MEMORY_SIZE} (default
     * {@value FormLimits#DEFAULT_MAX_BODY_MEMORY_SIZE} bytes) as well as {@code MAX_CONTENT_LENGTH}: beyond the smaller
     * of the two the answer is 413, before any byte is read when {@code Content-Length} says so. For larger bodies
     * raise the limit, or stream {@code servletRequest().getInputStream()} yourself.
     *
     * @throws dev.flaskj.exceptions.RequestEntityTooLarge (413) when the body is over the limit
     * @throws BadRequest (400) when the body ends before its {@code Content-Length} or the client goes away
     */
    public byte[] data() {
        if (data == null) {
            if (parsedForm != null) {
                return new byte[0];
            }
            data = FormParser.readBody(raw, formLimits().maxInMemoryBody());
        }
        return data;
    }

    /** Whether the content type is {@code application/json} or {@code application/*+json}. */
    public boolean isJson() {
        String m = mimetype();
        return m.equals("application/json") || (m.startsWith("application/") && m.endsWith("+json"));
    }

    /**
     * The body parsed as JSON: {@code Map}, {@code List}, {@code String}, {@code Integer}/{@code Long},
     * {@code Double}, {@code Boolean} or null (Flask: {@code request.json}).
     *
     * <p>The body is decoded as Flask decodes it: UTF-8 (or UTF-16/UTF-32, recognised from a byte order mark or
     * the zero bytes at the start), strictly, so invalid or overlong UTF-8 is a 400, never a replacement character.
     *
     * @throws UnsupportedMediaType (415) when the content type is not JSON
     * @throws BadRequest (400) when the body is not valid JSON or not validly encoded text
     * @throws dev.flaskj.exceptions.RequestEntityTooLarge (413) when the body is over the {@link #data()} limit
     */
    public Object json() {
        if (json == NO_JSON) {
            if (!isJson()) {
                throw new UnsupportedMediaType("Did not attempt to load JSON data because the request Content-Type"
                        + " was not 'application/json'.");
            }
            try {
                json = app.json().loads(data());
            } catch (JsonDecodeException e) {
                throw badJson(e);
            }
        }
        return json;
    }

    /**
     * The JSON body bound to {@code type} through JSON-B.
     *
     * @throws UnsupportedMediaType (415) when the content type is not JSON
     * @throws BadRequest (400) when the body is not valid JSON for {@code type}, not validly encoded text (as
     *     {@link #json()}), has a number with more than 4300 digits or an exponent beyond ±4300, or a number bound
     *     to an {@code int} or {@code long} (or its box) that is not exactly such an integer ({@code 3000000000}
     *     for an {@code int}, {@code 3.7}); {@code 2.0} binds as {@code 2}
     */
    public <T> T getJson(Class<T> type) {
        if (!isJson()) {
            throw new UnsupportedMediaType("Did not attempt to load JSON data because the request Content-Type"
                    + " was not 'application/json'.");
        }
        try {
            return app.json().fromJson(data(), type);
        } catch (JsonDecodeException e) {
            throw badJson(e);
        }
    }

    private BadRequest badJson(JsonDecodeException e) {
        // Flask shows the decoder's message only in debug mode.
        return app.debug() ? new BadRequest("Failed to decode JSON object: " + e.getMessage()) : new BadRequest();
    }

    /**
     * The JSON body, or null where {@code silent} allows it (Flask: {@code request.get_json(force, silent)}).
     * {@code force} parses whatever the content type; {@code silent} answers null instead of 415 for a
     * non-JSON content type and instead of 400 for a malformed body.
     *
     * @throws UnsupportedMediaType (415) when the content type is not JSON, unless forced or silent
     * @throws BadRequest (400) when the body is not valid JSON, unless silent
     */
    public Object getJson(boolean force, boolean silent) {
        if (json != NO_JSON) {
            return json;
        }
        if (!(force || isJson())) {
            if (!silent) {
                return json(); // the 415
            }
            return null;
        }
        try {
            json = app.json().loads(new String(data(), StandardCharsets.UTF_8));
            return json;
        } catch (JsonDecodeException e) {
            if (silent) {
                return null;
            }
            throw badJson(e);
        }
    }

    private String header(String name) {
        return raw.getHeader(name);
    }

    /**
     * The parsed {@code Authorization} header, or null when it is absent or cannot be read (a Basic value that
     * is not base64 of UTF-8 text, for example); never throws (Werkzeug: {@code request.authorization}).
     */
    public Authorization authorization() {
        return Authorization.parse(header("Authorization"));
    }

    /** The {@code Accept} header: media types by preference (Werkzeug: {@code accept_mimetypes}). */
    public Accept acceptMimetypes() {
        return Accept.mimetypes(header("Accept"));
    }

    /** The {@code Accept-Language} header (Werkzeug: {@code accept_languages}). */
    public Accept acceptLanguages() {
        return Accept.languages(header("Accept-Language"));
    }

    /** The {@code Accept-Charset} header (Werkzeug: {@code accept_charsets}). */
    public Accept acceptCharsets() {
        return Accept.charsets(header("Accept-Charset"));
    }

    /** The {@code Accept-Encoding} header (Werkzeug: {@code accept_encodings}). */
    public Accept acceptEncodings() {
        return Accept.plain(header("Accept-Encoding"));
    }

    /** The request's {@code Cache-Control} directives, read-only (Werkzeug: {@code request.cache_control}). */
    public CacheControl cacheControl() {
        return CacheControl.ofRequest(header("Cache-Control"));
    }

    /** Whether the request came over HTTPS (after {@code ProxyFix}, as the proxy saw it). */
    public boolean isSecure() {
        String s = scheme();
        return "https".equalsIgnoreCase(s) || "wss".equalsIgnoreCase(s);
    }

    /** The {@code Referer} header, or null (Werkzeug: {@code referrer}). */
    public String referrer() {
        return header("Referer");
    }

    /** The {@code Origin} header, or null. */
    public String origin() {
        return header("Origin");
    }

    /**
     * The client and the proxies between: the {@code X-Forwarded-For} list when the header is there, else the
     * remote address alone (Werkzeug: {@code access_route}). Only trust it behind proxies you control.
     */
    public List<String> accessRoute() {
        String forwarded = header("X-Forwarded-For");
        if (forwarded != null) {
            return List.copyOf(HeaderValues.parseList(forwarded));
        }
        String addr = remoteAddr();
        return addr == null ? List.of() : List.of(addr);
    }

    /** {@code If-Modified-Since} as an instant, or null when absent or not a date. */
    public Instant ifModifiedSince() {
        return HttpDates.parse(header("If-Modified-Since")).orElse(null);
    }

    /** {@code If-Unmodified-Since} as an instant, or null when absent or not a date. */
    public Instant ifUnmodifiedSince() {
        return HttpDates.parse(header("If-Unmodified-Since")).orElse(null);
    }

    /** The {@code If-None-Match} tags (empty when absent). */
    public ETags ifNoneMatch() {
        return ETags.parse(header("If-None-Match"));
    }

    /** The {@code If-Match} tags (empty when absent). */
    public ETags ifMatch() {
        return ETags.parse(header("If-Match"));
    }

    /** The {@code Range} header, or null when absent or malformed. */
    public Range range() {
        return Range.parse(header("Range"));
    }

    /**
     * The parameters of the {@code Content-Type}, names lower-case, e.g. {@code {charset=utf-8}} (Werkzeug:
     * {@code mimetype_params}); empty when there are none.
     */
    public Map<String, String> mimetypeParams() {
        return java.util.Collections.unmodifiableMap(HeaderValues.optionParams(contentType()));
    }

    /** The matched endpoint, or null when routing failed. */
    public String endpoint() {
        return urlRule == null ? null : urlRule.endpoint();
    }

    /** The matched rule, or null. */
    public Rule urlRule() {
        return urlRule;
    }

    /** The converted URL values of the matched rule; empty when routing failed. */
    public ViewArgs viewArgs() {
        return viewArgs == null ? ViewArgs.empty() : viewArgs;
    }

    /** The blueprint that handles the request ({@code admin} for endpoint {@code admin.index}), or null. */
    public String blueprint() {
        String e = endpoint();
        int dot = e == null ? -1 : e.lastIndexOf('.');
        return dot < 0 ? null : e.substring(0, dot);
    }

    /** The routing error (404, 405, 308) stored while matching, or null. */
    public RuntimeException routingException() {
        return routingException;
    }

    /** The servlet request underneath: the escape hatch for anything flaskj does not wrap. */
    public HttpServletRequest servletRequest() {
        return raw;
    }

    void setMatch(Rule rule, Map<String, Object> arguments) {
        this.urlRule = rule;
        this.viewArgs = arguments.isEmpty() ? ViewArgs.empty() : new ViewArgs(arguments);
    }

    /** The view arguments as the URL value preprocessors left them. */
    void setViewArgs(Map<String, Object> values) {
        this.viewArgs = values.isEmpty() ? ViewArgs.empty() : new ViewArgs(values);
    }

    void setRoutingException(RuntimeException e) {
        this.routingException = e;
    }

    /** Deletes upload temp files; called when the request context is popped. */
    void close() {
        if (parsedForm != null) {
            parsedForm.close();
        }
    }

    @Override
    public String toString() {
        return "<Request '" + url() + "' [" + method + "]>";
    }
}
