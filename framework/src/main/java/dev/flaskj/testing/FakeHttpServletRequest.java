package dev.flaskj.testing;

import dev.flaskj.http.Headers;
import dev.flaskj.http.MultiDict;
import dev.flaskj.http.UrlEncoded;
import dev.flaskj.internal.HttpDates;
import dev.flaskj.internal.PercentEncoding;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletConnection;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.Part;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An in-memory {@link HttpServletRequest}, as a container would build it for a filter mapped to {@code /*}
 * (Werkzeug's counterpart: the WSGI environ built by {@code EnvironBuilder}).
 *
 * <pre>{@code
 * FakeHttpServletRequest req = new FakeHttpServletRequest("POST", "/myapplication/login");
 * req.setContextPath("/myapplication");
 * req.setBody("a=1".getBytes(UTF_8), "application/x-www-form-urlencoded");
 * }</pre>
 * The request URI is kept raw (percent-encoded, as sent); the servlet path is {@code ""} and the path info is the
 * decoded rest after the context path. Defaults: {@code http://localhost:80}, remote address {@code 127.0.0.1},
 * headers {@code Host: localhost} and {@code User-Agent: flaskj-test-client/<version>}. Usually built for you by
 * {@link TestRequest#toServletRequest}. Container sessions are {@link FakeHttpSession}s found by the
 * {@code JSESSIONID} cookie. Async, upgrade, parts and authentication throw {@link UnsupportedOperationException}. Not thread-safe.
 */
public final class FakeHttpServletRequest implements HttpServletRequest {
    /** The default {@code User-Agent}, like Werkzeug's {@code Werkzeug/<version>}. */
    public static final String USER_AGENT = "flaskj-test-client/" + version();

    private static final AtomicLong IDS = new AtomicLong();

    private final String method;
    private final String requestUri;
    private final Headers headers = new Headers();
    private final Map<String, Object> attributes = new LinkedHashMap<>();
    private final String requestId = Long.toString(IDS.incrementAndGet());
    private String contextPath = "";
    private String queryString;
    private String scheme = "http";
    private String serverName = "localhost";
    private int serverPort = 80;
    private String remoteAddr = "127.0.0.1";
    private String characterEncoding;
    private byte[] body = new byte[0];
    private ServletContext servletContext;
    private boolean streamUsed;
    private boolean readerUsed;
    private FakeSessions sessions;
    private java.util.function.Consumer<String> onNewSessionId;
    private FakeHttpSession session;
    private boolean sessionLookedUp;

    /**
     * A request for {@code method} and the raw, percent-encoded {@code requestUri} (context path included, no
     * query string).
     */
    public FakeHttpServletRequest(String method, String requestUri) {
        this.method = Objects.requireNonNull(method, "method == null").toUpperCase(Locale.ROOT);
        this.requestUri = Objects.requireNonNull(requestUri, "requestUri == null");
        headers.add("Host", "localhost");
        headers.add("User-Agent", USER_AGENT);
    }

    private static String version() {
        String v = FakeHttpServletRequest.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    // ------------------------------------------------------------------ setters for tests

    /** Sets the context path ({@code ""} or e.g. {@code /myapplication}); the request URI must start with it. */
    public void setContextPath(String contextPath) {
        this.contextPath = Objects.requireNonNull(contextPath, "contextPath == null");
    }

    /** Sets the raw query string without {@code ?}; null or empty means none. */
    public void setQueryString(String queryString) {
        this.queryString = queryString == null || queryString.isEmpty() ? null : queryString;
    }

    /** Sets scheme, server name and port, and the {@code Host} header to match (port left out when default). */
    public void setServer(String scheme, String serverName, int serverPort) {
        this.scheme = Objects.requireNonNull(scheme, "scheme == null");
        this.serverName = Objects.requireNonNull(serverName, "serverName == null");
        this.serverPort = serverPort;
        boolean defaultPort = serverPort == ("https".equals(scheme) ? 443 : 80);
        setHeader("Host", serverName + (defaultPort ? "" : ":" + serverPort));
    }

    /** Sets the client address. */
    public void setRemoteAddr(String remoteAddr) {
        this.remoteAddr = Objects.requireNonNull(remoteAddr, "remoteAddr == null");
    }

    /** Adds a header value (headers are case-insensitive and may repeat). */
    public void addHeader(String name, String value) {
        headers.add(name, value);
    }

    /** Replaces every value of a header. */
    public void setHeader(String name, String value) {
        headers.set(name, value);
    }

    /** Removes a header, e.g. the default {@code User-Agent}. */
    public void removeHeader(String name) {
        headers.remove(name);
    }

    /** Sets the body and its {@code Content-Type} (null: none); {@code Content-Length} follows the body. */
    public void setBody(byte[] body, String contentType) {
        this.body = Objects.requireNonNull(body, "body == null").clone();
        headers.remove("Content-Type");
        if (contentType != null) {
            headers.set("Content-Type", contentType);
        }
        headers.set("Content-Length", Integer.toString(body.length));
    }

    /** Sets the servlet context {@link #getServletContext()} returns. */
    public void setServletContext(ServletContext servletContext) {
        this.servletContext = servletContext;
    }

    // ------------------------------------------------------------------ HttpServletRequest: URL parts

    @Override
    public String getMethod() {
        return method;
    }

    @Override
    public String getRequestURI() {
        return requestUri;
    }

    @Override
    public StringBuffer getRequestURL() {
        return new StringBuffer(scheme).append("://").append(headers.get("Host", serverName)).append(requestUri);
    }

    @Override
    public String getContextPath() {
        return contextPath;
    }

    /** Always {@code ""}: the filter is mapped to {@code /*}. */
    @Override
    public String getServletPath() {
        return "";
    }

    /** The decoded path after the context path, as a {@code /*} mapping gives it. */
    @Override
    public String getPathInfo() {
        String rest = requestUri.startsWith(contextPath) ? requestUri.substring(contextPath.length()) : requestUri;
        String decoded = PercentEncoding.decode(rest, false);
        return decoded.isEmpty() ? null : decoded;
    }

    @Override
    public String getPathTranslated() {
        String info = getPathInfo();
        return info == null || servletContext == null ? null : servletContext.getRealPath(info);
    }

    @Override
    public String getQueryString() {
        return queryString;
    }

    @Override
    public String getScheme() {
        return scheme;
    }

    @Override
    public String getServerName() {
        return serverName;
    }

    @Override
    public int getServerPort() {
        return serverPort;
    }

    @Override
    public boolean isSecure() {
        return "https".equals(scheme);
    }

    @Override
    public String getProtocol() {
        return "HTTP/1.1";
    }

    @Override
    public String getRemoteAddr() {
        return remoteAddr;
    }

    @Override
    public String getRemoteHost() {
        return remoteAddr;
    }

    @Override
    public int getRemotePort() {
        return 50000;
    }

    @Override
    public String getLocalName() {
        return serverName;
    }

    @Override
    public String getLocalAddr() {
        return "127.0.0.1";
    }

    @Override
    public int getLocalPort() {
        return serverPort;
    }

    // ------------------------------------------------------------------ headers and cookies

    @Override
    public String getHeader(String name) {
        return headers.get(name, null);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return Collections.enumeration(headers.getList(name));
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (Map.Entry<String, String> h : headers) {
            names.putIfAbsent(h.getKey().toLowerCase(Locale.ROOT), h.getKey());
        }
        return Collections.enumeration(names.values());
    }

    @Override
    public int getIntHeader(String name) {
        String v = getHeader(name);
        return v == null ? -1 : Integer.parseInt(v.trim());
    }

    @Override
    public long getDateHeader(String name) {
        String v = getHeader(name);
        if (v == null) {
            return -1;
        }
        return HttpDates.parse(v).orElseThrow(() -> new IllegalArgumentException("not an HTTP date: " + v))
                .toEpochMilli();
    }

    /** The {@code Cookie} header as servlet cookies, or null when there is none (as the servlet API says). */
    @Override
    public Cookie[] getCookies() {
        List<Cookie> out = new ArrayList<>();
        for (String header : headers.getList("Cookie")) {
            for (String piece : header.split(";")) {
                int eq = piece.indexOf('=');
                String name = (eq < 0 ? piece : piece.substring(0, eq)).trim();
                if (!name.isEmpty()) {
                    out.add(new Cookie(name, eq < 0 ? "" : piece.substring(eq + 1).trim()));
                }
            }
        }
        return out.isEmpty() ? null : out.toArray(new Cookie[0]);
    }

    // ------------------------------------------------------------------ body

    @Override
    public String getContentType() {
        return getHeader("Content-Type");
    }

    @Override
    public int getContentLength() {
        long n = getContentLengthLong();
        return n > Integer.MAX_VALUE ? -1 : (int) n;
    }

    @Override
    public long getContentLengthLong() {
        String v = getHeader("Content-Length");
        return v == null ? -1 : Long.parseLong(v.trim());
    }

    /** The encoding set explicitly, else the {@code charset} of the content type, else null. */
    @Override
    public String getCharacterEncoding() {
        if (characterEncoding != null) {
            return characterEncoding;
        }
        String ct = getContentType();
        if (ct == null) {
            return null;
        }
        for (String param : ct.split(";")) {
            String p = param.trim();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                return p.substring(8).replace("\"", "");
            }
        }
        return null;
    }

    @Override
    public void setCharacterEncoding(String env) {
        if (!readerUsed) {
            Charset.forName(env); // fails early for an unknown name, as containers do
            this.characterEncoding = env;
        }
    }

    @Override
    public ServletInputStream getInputStream() {
        if (readerUsed) {
            throw new IllegalStateException("getReader() has already been called for this request");
        }
        streamUsed = true;
        return new BodyInputStream(body);
    }

    @Override
    public BufferedReader getReader() {
        if (streamUsed) {
            throw new IllegalStateException("getInputStream() has already been called for this request");
        }
        readerUsed = true;
        String enc = getCharacterEncoding();
        Charset cs = enc == null ? StandardCharsets.ISO_8859_1 : Charset.forName(enc);
        return new BufferedReader(new InputStreamReader(new BodyInputStream(body), cs));
    }

    // ------------------------------------------------------------------ parameters

    /**
     * The query string, plus a urlencoded body; unlike a container this does not consume the body, so flaskj's own
     * form parsing still sees it.
     */
    @Override
    public Map<String, String[]> getParameterMap() {
        Map<String, List<String>> values = new LinkedHashMap<>();
        collect(values, UrlEncoded.parse(queryString == null ? "" : queryString));
        String ct = getContentType();
        if (ct != null && ct.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            collect(values, UrlEncoded.parse(new String(body, StandardCharsets.UTF_8)));
        }
        Map<String, String[]> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v.toArray(new String[0])));
        return Collections.unmodifiableMap(out);
    }

    private static void collect(Map<String, List<String>> into, MultiDict<String> from) {
        for (Map.Entry<String, String> e : from) {
            into.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
        }
    }

    @Override
    public String getParameter(String name) {
        String[] v = getParameterMap().get(name);
        return v == null ? null : v[0];
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(getParameterMap().keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
        return getParameterMap().get(name);
    }

    // ------------------------------------------------------------------ attributes, locale, context

    @Override
    public Object getAttribute(String name) {
        return attributes.get(name);
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        return Collections.enumeration(new ArrayList<>(attributes.keySet()));
    }

    @Override
    public void setAttribute(String name, Object o) {
        if (o == null) {
            attributes.remove(name);
        } else {
            attributes.put(name, o);
        }
    }

    @Override
    public void removeAttribute(String name) {
        attributes.remove(name);
    }

    /** The first language of {@code Accept-Language}, else the JVM's default locale. */
    @Override
    public Locale getLocale() {
        return Collections.list(getLocales()).get(0);
    }

    @Override
    public Enumeration<Locale> getLocales() {
        String header = getHeader("Accept-Language");
        Set<Locale> locales = new LinkedHashSet<>();
        if (header != null) {
            for (Locale.LanguageRange r : Locale.LanguageRange.parse(header)) {
                if (!r.getRange().equals("*")) {
                    locales.add(Locale.forLanguageTag(r.getRange()));
                }
            }
        }
        if (locales.isEmpty()) {
            locales.add(Locale.getDefault());
        }
        return Collections.enumeration(locales);
    }

    /** The servlet context set with {@link #setServletContext}, else a fresh {@link FakeServletContext}. */
    @Override
    public ServletContext getServletContext() {
        if (servletContext == null) {
            servletContext = new FakeServletContext(contextPath);
        }
        return servletContext;
    }

    @Override
    public DispatcherType getDispatcherType() {
        return DispatcherType.REQUEST;
    }

    @Override
    public RequestDispatcher getRequestDispatcher(String path) {
        return null;
    }

    @Override
    public String getRequestId() {
        return requestId;
    }

    @Override
    public String getProtocolRequestId() {
        return "";
    }

    @Override
    public ServletConnection getServletConnection() {
        throw Unsupported.feature("getServletConnection()");
    }

    // ------------------------------------------------------------------ security (not modelled) and sessions

    @Override
    public String getAuthType() {
        return null;
    }

    @Override
    public String getRemoteUser() {
        return null;
    }

    @Override
    public boolean isUserInRole(String role) {
        return false;
    }

    @Override
    public Principal getUserPrincipal() {
        return null;
    }

    @Override
    public boolean authenticate(HttpServletResponse response) {
        throw Unsupported.feature("container authentication");
    }

    @Override
    public void login(String username, String password) {
        throw Unsupported.feature("container authentication");
    }

    @Override
    public void logout() {
        throw Unsupported.feature("container authentication");
    }

    /**
     * Container sessions for this request: the store its {@code JSESSIONID} cookie is looked up in, and what to do
     * with the id of a session this request creates or rotates (the test client sends the cookie).
     */
    void setSessions(FakeSessions sessions, java.util.function.Consumer<String> onNewSessionId) {
        this.sessions = sessions;
        this.onNewSessionId = onNewSessionId;
    }

    private FakeSessions sessions() {
        if (sessions == null) {
            sessions = new FakeSessions(); // a request built by hand: its own store
        }
        return sessions;
    }

    /** The id of the {@code JSESSIONID} cookie the request sent, or null. */
    @Override
    public String getRequestedSessionId() {
        Cookie[] cookies = getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (c.getName().equals(FakeSessions.COOKIE) && !c.getValue().isEmpty()) {
                    return c.getValue();
                }
            }
        }
        return null;
    }

    /**
     * The request's {@link FakeHttpSession}: the live one its {@code JSESSIONID} cookie names, else with
     * {@code create} a new one (the test client then sends {@code Set-Cookie: JSESSIONID=...}), else null.
     */
    @Override
    public HttpSession getSession(boolean create) {
        if (session != null && session.isValid()) {
            return session;
        }
        session = null;
        if (!sessionLookedUp) {
            sessionLookedUp = true;
            FakeHttpSession found = sessions().find(getRequestedSessionId());
            if (found != null) {
                found.access();
                session = found;
                return session;
            }
        }
        if (!create) {
            return null;
        }
        session = sessions().create(servletContext);
        sessionIdChanged(session.getId());
        return session;
    }

    @Override
    public HttpSession getSession() {
        return getSession(true);
    }

    /**
     * Gives the request's session a new id, keeping its attributes (session fixation protection); the old id no
     * longer finds it.
     *
     * @throws IllegalStateException when the request has no session
     */
    @Override
    public String changeSessionId() {
        HttpSession current = getSession(false);
        if (current == null) {
            throw new IllegalStateException("changeSessionId: the request has no session");
        }
        String id = sessions().rotate((FakeHttpSession) current);
        sessionIdChanged(id);
        return id;
    }

    private void sessionIdChanged(String id) {
        if (onNewSessionId != null) {
            onNewSessionId.accept(id);
        }
    }

    @Override
    public boolean isRequestedSessionIdValid() {
        return sessions().find(getRequestedSessionId()) != null;
    }

    @Override
    public boolean isRequestedSessionIdFromCookie() {
        return getRequestedSessionId() != null;
    }

    @Override
    public boolean isRequestedSessionIdFromURL() {
        return false;
    }

    // ------------------------------------------------------------------ async, upgrade, parts: not modelled

    @Override
    public Collection<Part> getParts() {
        throw Unsupported.feature("getParts() (flaskj parses multipart bodies itself)");
    }

    @Override
    public Part getPart(String name) {
        throw Unsupported.feature("getPart() (flaskj parses multipart bodies itself)");
    }

    @Override
    public <T extends HttpUpgradeHandler> T upgrade(Class<T> handlerClass) {
        throw Unsupported.feature("protocol upgrade");
    }

    @Override
    public AsyncContext startAsync() {
        throw Unsupported.feature("async requests");
    }

    @Override
    public AsyncContext startAsync(ServletRequest servletRequest, ServletResponse servletResponse) {
        throw Unsupported.feature("async requests");
    }

    @Override
    public boolean isAsyncStarted() {
        return false;
    }

    @Override
    public boolean isAsyncSupported() {
        return false;
    }

    @Override
    public AsyncContext getAsyncContext() {
        throw Unsupported.feature("async requests");
    }

    @Override
    public String toString() {
        return method + " " + getRequestURL() + (queryString == null ? "" : "?" + queryString);
    }
}
