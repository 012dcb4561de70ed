package dev.flaskj.testing;

import dev.flaskj.Flask;
import dev.flaskj.http.UrlEncoded;
import dev.flaskj.internal.PercentEncoding;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A description of one test request: method, path, query, body and headers (Werkzeug: {@code EnvironBuilder}, the
 * keyword arguments of {@code client.open}).
 *
 * <pre>{@code
 * client.open(TestRequest.post("/upload")
 *         .form("title", "Holiday")
 *         .file("photo", "beach.jpg", "image/jpeg", bytes)    // the body becomes multipart/form-data
 *         .header("X-Requested-With", "test"));
 * client.post("/api/items", r -> r.json(Map.of("name", "x")));  // the same builder, as a lambda
 * }</pre>
 * The path may carry a query string ({@code /search?q=a+b}); {@link #query} adds more. Text in the path is
 * percent-encoded where a URI needs it ({@code /user/John Doe} is sent as {@code /user/John%20Doe}). A request has
 * one body: form fields and files, {@link #json}, or {@link #data}. Mutable; each builder method returns this.
 */
public final class TestRequest {
    /** One uploaded file of a multipart body. */
    record FileField(String field, String filename, String contentType, byte[] content) {}

    private String method;
    private String path;
    private final List<Map.Entry<String, String>> query = new ArrayList<>();
    private final List<Map.Entry<String, String>> form = new ArrayList<>();
    private final List<FileField> files = new ArrayList<>();
    private final List<Map.Entry<String, String>> headers = new ArrayList<>();
    private Object json;
    private boolean hasJson;
    private byte[] data;
    private String contentType;
    private String baseUrl;
    private String contextPath;
    private boolean followRedirects;
    private String remoteAddr;
    private String authorization;

    private TestRequest(String method, String path) {
        method(method);
        path(path);
    }

    /** A request with any method. */
    public static TestRequest of(String method, String path) {
        return new TestRequest(method, path);
    }

    /** A GET request. */
    public static TestRequest get(String path) {
        return of("GET", path);
    }

    /** A POST request. */
    public static TestRequest post(String path) {
        return of("POST", path);
    }

    /** A PUT request. */
    public static TestRequest put(String path) {
        return of("PUT", path);
    }

    /** A PATCH request. */
    public static TestRequest patch(String path) {
        return of("PATCH", path);
    }

    /** A DELETE request. */
    public static TestRequest delete(String path) {
        return of("DELETE", path);
    }

    /** A HEAD request. */
    public static TestRequest head(String path) {
        return of("HEAD", path);
    }

    /** An OPTIONS request. */
    public static TestRequest options(String path) {
        return of("OPTIONS", path);
    }

    // ------------------------------------------------------------------ builder

    /** Sets the method (upper-cased). */
    public TestRequest method(String method) {
        this.method = Objects.requireNonNull(method, "method == null").toUpperCase(Locale.ROOT);
        return this;
    }

    /** Sets the path below the context path, optionally with {@code ?query}; {@code ""} means {@code /}. */
    public TestRequest path(String path) {
        Objects.requireNonNull(path, "path == null");
        this.path = path.startsWith("/") ? path : "/" + path;
        return this;
    }

    /** Adds a query parameter; repeat the key for several values. */
    public TestRequest query(String key, Object value) {
        query.add(Map.entry(key, String.valueOf(value)));
        return this;
    }

    /** Adds a urlencoded form field (multipart once a file is added); repeat the key for several values. */
    public TestRequest form(String key, Object value) {
        form.add(Map.entry(key, String.valueOf(value)));
        return this;
    }

    /** Adds every entry as a form field; an {@code Iterable} value gives repeated keys. */
    public TestRequest form(Map<String, ?> fields) {
        fields.forEach((k, v) -> {
            if (v instanceof Iterable<?> values) {
                values.forEach(one -> form(k, one));
            } else {
                form(k, v);
            }
        });
        return this;
    }

    /** Adds a file; the body becomes {@code multipart/form-data} with the form fields and every file. */
    public TestRequest file(String field, String filename, String contentType, byte[] content) {
        files.add(new FileField(Objects.requireNonNull(field, "field == null"),
                Objects.requireNonNull(filename, "filename == null"),
                contentType == null ? "application/octet-stream" : contentType, content.clone()));
        return this;
    }

    /** Sets a JSON body, serialised by the app's JSON provider, with {@code Content-Type: application/json}. */
    public TestRequest json(Object value) {
        this.json = Objects.requireNonNull(value, "value == null");
        this.hasJson = true;
        return this;
    }

    /** Sets a raw body; pair it with {@link #contentType}. */
    public TestRequest data(byte[] body) {
        this.data = body.clone();
        return this;
    }

    /** Sets a raw body as UTF-8 text. */
    public TestRequest data(String body) {
        return data(body.getBytes(StandardCharsets.UTF_8));
    }

    /** Sets the {@code Content-Type}, overriding the one derived from the body. */
    public TestRequest contentType(String contentType) {
        this.contentType = contentType;
        return this;
    }

    /** Adds a header; a header named like a default ({@code Host}, {@code User-Agent}) replaces it. */
    public TestRequest header(String name, String value) {
        headers.add(Map.entry(name, value));
        return this;
    }

    /**
     * The client address the request comes from (default {@code 127.0.0.1}), as {@code request().remoteAddr()}
     * reads it (Werkzeug: {@code environ_base={"REMOTE_ADDR": ...}}).
     */
    public TestRequest remoteAddr(String remoteAddr) {
        this.remoteAddr = Objects.requireNonNull(remoteAddr, "remoteAddr == null");
        return this;
    }

    /**
     * Sends {@code Authorization: Basic} with {@code user} and {@code password} (UTF-8, Base64) (Werkzeug:
     * {@code client.get(url, auth=(user, password))}); replaces an earlier {@link #bearer} or {@code basicAuth}.
     * A {@link #header} named {@code Authorization} wins over it.
     *
     * @throws IllegalArgumentException when {@code user} contains {@code :}, which Basic auth cannot carry
     */
    public TestRequest basicAuth(String user, String password) {
        this.authorization = AuthHeaders.basic(user, password);
        return this;
    }

    /**
     * Sends {@code Authorization: Bearer token} (Werkzeug: {@code auth=Authorization("bearer", token=token)});
     * replaces an earlier {@link #basicAuth} or {@code bearer}. A {@link #header} named {@code Authorization}
     * wins over it.
     *
     * @throws IllegalArgumentException when the token is empty or contains white space or control characters
     */
    public TestRequest bearer(String token) {
        this.authorization = AuthHeaders.bearer(token);
        return this;
    }

    /**
     * Sends the request to this URL: scheme, host, port and context path, e.g.
     * {@code https://example.com:8443/myapplication} (Werkzeug: {@code base_url}).
     */
    public TestRequest baseUrl(String baseUrl) {
        BaseUrl.parse(baseUrl); // fail here, not at open()
        this.baseUrl = baseUrl;
        return this;
    }

    /** Sets only the context path (Flask's {@code SCRIPT_NAME}), e.g. {@code /myapplication}. */
    public TestRequest contextPath(String contextPath) {
        this.contextPath = contextPath;
        return this;
    }

    /** Whether the client follows redirects for this request (default false, as Werkzeug). */
    public TestRequest followRedirects(boolean follow) {
        this.followRedirects = follow;
        return this;
    }

    // ------------------------------------------------------------------ accessors

    /** The method. */
    public String method() {
        return method;
    }

    /** The path as given, with its query string if it had one. */
    public String path() {
        return path;
    }

    /** Whether redirects are followed. */
    public boolean isFollowRedirects() {
        return followRedirects;
    }

    // ------------------------------------------------------------------ building the servlet request

    /**
     * The servlet request this describes, sent to the app's default base URL ({@code PREFERRED_URL_SCHEME},
     * {@code SERVER_NAME}, {@code APPLICATION_ROOT}; else {@code http://localhost/}) unless a base URL was set.
     *
     * @throws IllegalStateException when more than one kind of body was given
     */
    public FakeHttpServletRequest toServletRequest(Flask app) {
        return toServletRequest(app, BaseUrl.fromConfig(app.config()));
    }

    FakeHttpServletRequest toServletRequest(Flask app, BaseUrl defaultBase) {
        return toServletRequest(app, defaultBase, null);
    }

    /** The servlet request, with a client's defaults applied first so that this request's settings win. */
    FakeHttpServletRequest toServletRequest(Flask app, BaseUrl defaultBase, RequestDefaults defaults) {
        BaseUrl base = base(defaultBase);
        int q = path.indexOf('?');
        String rawPath = q < 0 ? path : path.substring(0, q);
        FakeHttpServletRequest req = new FakeHttpServletRequest(method,
                base.contextPath() + PercentEncoding.encodeIriPath(rawPath));
        req.setContextPath(base.contextPath());
        req.setQueryString(queryString(q < 0 ? "" : path.substring(q + 1)));
        req.setServer(base.scheme(), base.serverName(), base.port());
        req.setServletContext(new FakeServletContext(base.contextPath()));
        if (defaults != null) {
            defaults.applyTo(req);
        }
        setBody(app, req);
        if (remoteAddr != null) {
            req.setRemoteAddr(remoteAddr);
        }
        if (authorization != null) {
            req.setHeader("Authorization", authorization);
        }
        applyHeaders(req);
        return req;
    }

    BaseUrl base(BaseUrl defaultBase) {
        BaseUrl base = baseUrl != null ? BaseUrl.parse(baseUrl) : defaultBase;
        return contextPath != null ? base.withContextPath(contextPath) : base;
    }

    private String queryString(String fromPath) {
        StringBuilder b = new StringBuilder(fromPath);
        for (Map.Entry<String, String> e : query) {
            if (b.length() > 0) {
                b.append('&');
            }
            b.append(UrlEncoded.quotePlus(e.getKey())).append('=').append(UrlEncoded.quotePlus(e.getValue()));
        }
        return b.toString();
    }

    private void setBody(Flask app, FakeHttpServletRequest req) {
        int kinds = (form.isEmpty() && files.isEmpty() ? 0 : 1) + (hasJson ? 1 : 0) + (data != null ? 1 : 0);
        if (kinds > 1) {
            throw new IllegalStateException("A test request has one body: form fields and files, json(...), or"
                    + " data(...); this one was given " + kinds + " of them.");
        }
        if (!files.isEmpty()) {
            String boundary = "----flaskjFormBoundary" + Long.toHexString(ThreadLocalRandom.current().nextLong());
            req.setBody(MultipartEncoder.encode(form, files, boundary), contentTypeOr(
                    "multipart/form-data; boundary=" + boundary));
        } else if (!form.isEmpty()) {
            StringBuilder b = new StringBuilder();
            for (Map.Entry<String, String> e : form) {
                b.append(b.length() == 0 ? "" : "&").append(UrlEncoded.quotePlus(e.getKey())).append('=')
                        .append(UrlEncoded.quotePlus(e.getValue()));
            }
            req.setBody(b.toString().getBytes(StandardCharsets.US_ASCII),
                    contentTypeOr("application/x-www-form-urlencoded"));
        } else if (hasJson) {
            req.setBody(app.json().dumps(json, false).getBytes(StandardCharsets.UTF_8),
                    contentTypeOr("application/json"));
        } else if (data != null) {
            req.setBody(data, contentType);
        } else if (contentType != null) {
            req.setHeader("Content-Type", contentType);
        }
    }

    private String contentTypeOr(String derived) {
        return contentType != null ? contentType : derived;
    }

    private void applyHeaders(FakeHttpServletRequest req) {
        List<String> replaced = new ArrayList<>();
        for (Map.Entry<String, String> h : headers) {
            String key = h.getKey().toLowerCase(Locale.ROOT);
            if (replaced.contains(key)) {
                req.addHeader(h.getKey(), h.getValue());
            } else {
                req.setHeader(h.getKey(), h.getValue());
                replaced.add(key);
            }
        }
    }

    // ------------------------------------------------------------------ for the client

    /**
     * The request a client sends after a redirect: this one's headers, the given method, target and base;
     * the body only when {@code keepBody} (307/308).
     */
    TestRequest redirected(String newMethod, String pathAndQuery, String newBaseUrl, boolean keepBody) {
        TestRequest r = new TestRequest(newMethod, pathAndQuery);
        r.headers.addAll(headers);
        r.baseUrl = newBaseUrl;
        r.followRedirects = followRedirects;
        // the same client follows the redirect: same address, same credentials (the client never follows a
        // redirect to another host, so credentials stay with the server they were meant for)
        r.remoteAddr = remoteAddr;
        r.authorization = authorization;
        if (keepBody) {
            r.form.addAll(form);
            r.files.addAll(files);
            r.json = json;
            r.hasJson = hasJson;
            r.data = data;
            r.contentType = contentType;
        }
        return r;
    }

    @Override
    public String toString() {
        return "<TestRequest " + method + " " + path + ">";
    }
}
