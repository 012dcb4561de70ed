package dev.flaskj.testing;

import dev.flaskj.Flask;
import dev.flaskj.RequestContext;
import dev.flaskj.Response;
import dev.flaskj.internal.Throwables;
import dev.flaskj.sessions.Session;
import dev.flaskj.sessions.SessionInterface;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Sends requests to an app in-process, through its whole request pipeline, and keeps cookies between them
 * (Flask: {@code app.test_client()}, Werkzeug: {@code werkzeug.test.Client}).
 *
 * <pre>{@code
 * TestClient client = app.testClient();
 * assertEquals("Hello, World!", client.get("/").text());
 * TestResponse r = client.post("/login", Map.of("username", "bob", "password", "x"));
 * client.post("/api/items", req -> req.json(Map.of("name", "pen")).header("X-Token", "t"));
 * client.open(TestRequest.get("/old").followRedirects(true));
 * }</pre>
 * No server and no socket: a {@link FakeHttpServletRequest} goes through {@code app.handleRequest}. With config
 * {@code TESTING=true} an exception a view does not handle propagates out of the call unchanged, as in Flask;
 * the request's contexts are popped first. Requests go to the app's default base URL
 * ({@code PREFERRED_URL_SCHEME://SERVER_NAME/APPLICATION_ROOT}, else {@code http://localhost/}) unless
 * {@link #setBaseUrl} or the request says otherwise. With config {@code SESSION_INTERFACE = "container"} the
 * client keeps the container sessions itself ({@link FakeHttpSession}, found by the {@code JSESSIONID} cookie in its
 * jar). {@link #keepContext()} keeps the last request's contexts pushed, as Flask's {@code with client:} does.
 * Not thread-safe: one client per test.
 */
public final class TestClient {
    private static final int MAX_REDIRECTS = 20;

    private final Flask app;
    private final CookieJar jar;
    private final RequestDefaults defaults = new RequestDefaults();
    private final FakeSessions containerSessions = new FakeSessions();
    private String baseUrl;
    private String contextPath;
    private boolean keepingContext;
    private AutoCloseable keptContext;

    /** A client with a cookie jar. */
    public TestClient(Flask app) {
        this(app, true);
    }

    /** A client; {@code useCookies=false} means no jar: nothing is stored or sent. */
    public TestClient(Flask app, boolean useCookies) {
        this.app = Objects.requireNonNull(app, "app == null");
        this.jar = useCookies ? new CookieJar(Clock.systemUTC()) : null;
    }

    /** Sends every request to this base URL, e.g. {@code https://example.com:8443/myapplication}. */
    public void setBaseUrl(String baseUrl) {
        BaseUrl.parse(baseUrl);
        this.baseUrl = baseUrl;
    }

    /** Sends every request under this context path (Flask's {@code SCRIPT_NAME}), e.g. {@code /myapplication}. */
    public void setContextPath(String contextPath) {
        this.contextPath = Objects.requireNonNull(contextPath, "contextPath == null");
    }

    /**
     * What every request of this client carries unless it sets it itself: remote address, headers, credentials
     * (Flask: {@code client.environ_base}); see {@link RequestDefaults}.
     * <pre>{@code
     * client.defaults().remoteAddr("203.0.113.9").basicAuth("ann", "pw");
     * }</pre>
     */
    public RequestDefaults defaults() {
        return defaults;
    }

    private BaseUrl defaultBase() {
        BaseUrl base = baseUrl != null ? BaseUrl.parse(baseUrl) : BaseUrl.fromConfig(app.config());
        return contextPath != null ? base.withContextPath(contextPath) : base;
    }

    // ------------------------------------------------------------------ requests

    /** GET {@code path} (may include {@code ?query}). */
    public TestResponse get(String path) {
        return open(TestRequest.get(path));
    }

    /** GET, with the request adjusted by {@code request}, e.g. {@code r -> r.query("q", "x")}. */
    public TestResponse get(String path, Consumer<TestRequest> request) {
        return open("GET", path, request);
    }

    /** POST without a body. */
    public TestResponse post(String path) {
        return open(TestRequest.post(path));
    }

    /** POST a urlencoded form; an {@code Iterable} value gives repeated keys. */
    public TestResponse post(String path, Map<String, ?> form) {
        return open(TestRequest.post(path).form(form));
    }

    /** POST, with the request adjusted by {@code request}, e.g. {@code r -> r.json(Map.of("a", 1))}. */
    public TestResponse post(String path, Consumer<TestRequest> request) {
        return open("POST", path, request);
    }

    /** PUT without a body. */
    public TestResponse put(String path) {
        return open(TestRequest.put(path));
    }

    /** PUT, with the request adjusted by {@code request}. */
    public TestResponse put(String path, Consumer<TestRequest> request) {
        return open("PUT", path, request);
    }

    /** PATCH without a body. */
    public TestResponse patch(String path) {
        return open(TestRequest.patch(path));
    }

    /** PATCH, with the request adjusted by {@code request}. */
    public TestResponse patch(String path, Consumer<TestRequest> request) {
        return open("PATCH", path, request);
    }

    /** DELETE. */
    public TestResponse delete(String path) {
        return open(TestRequest.delete(path));
    }

    /** DELETE, with the request adjusted by {@code request}. */
    public TestResponse delete(String path, Consumer<TestRequest> request) {
        return open("DELETE", path, request);
    }

    /** HEAD: the view runs as for GET; the body is empty, {@code Content-Length} is the GET's. */
    public TestResponse head(String path) {
        return open(TestRequest.head(path));
    }

    /** OPTIONS. */
    public TestResponse options(String path) {
        return open(TestRequest.options(path));
    }

    private TestResponse open(String method, String path, Consumer<TestRequest> customizer) {
        TestRequest r = TestRequest.of(method, path);
        customizer.accept(r);
        return open(r);
    }

    /**
     * Sends {@code request}, following redirects when it asks to (at most 20, then
     * {@link IllegalStateException}); a redirect to another host is returned, not followed.
     */
    public TestResponse open(TestRequest request) {
        TestRequest current = Objects.requireNonNull(request, "request == null");
        List<TestResponse> history = new ArrayList<>();
        TestResponse response = perform(current, history);
        while (current.isFollowRedirects() && Redirects.CODES.contains(response.status())
                && response.location() != null) {
            TestRequest next = Redirects.next(current, response, current.base(defaultBase()));
            if (next == null) {
                return response;
            }
            history.add(response);
            if (history.size() > MAX_REDIRECTS) {
                throw new IllegalStateException("Too many redirects (more than " + MAX_REDIRECTS + "), last to "
                        + response.location() + "; is there a redirect loop?");
            }
            current = next;
            response = perform(current, history);
        }
        return response;
    }

    private TestResponse perform(TestRequest request, List<TestResponse> history) {
        BaseUrl base = request.base(defaultBase());
        FakeHttpServletRequest req = request.toServletRequest(app, defaultBase(), defaults);
        String requestPath = req.getRequestURI();
        if (jar != null) {
            String cookies = jar.headerFor(base.serverName(), requestPath);
            if (cookies != null) {
                String given = req.getHeader("Cookie");
                req.setHeader("Cookie", given == null ? cookies : given + "; " + cookies);
            }
        }
        FakeHttpServletResponse res = new FakeHttpServletResponse();
        // A container adds its session cookie to the response when the request creates or rotates the session.
        String cookiePath = req.getContextPath();
        req.setSessions(containerSessions, id -> res.addHeader("Set-Cookie",
                FakeSessions.setCookie(id, cookiePath)));
        // Flask pops the contexts kept from the previous request (or redirect hop) before the next one starts.
        popKeptContext();
        try {
            if (keepingContext) {
                keptContext = app.handleRequestKeepingContext(req, res);
            } else {
                app.handleRequest(req, res, null);
            }
        } catch (IOException | ServletException e) {
            // Flask's test client re-raises what the app raised; keep the exception as it is.
            throw Throwables.sneaky(e);
        }
        if (jar != null) {
            for (String setCookie : res.getHeaders("Set-Cookie")) {
                jar.apply(setCookie, base.serverName(), requestPath);
            }
        }
        String url = req.getRequestURL() + (req.getQueryString() == null ? "" : "?" + req.getQueryString());
        return new TestResponse(res, request, url, history, app.json());
    }

    // ------------------------------------------------------------------ keeping the context

    /**
     * Keeps each request's contexts pushed after the call returns, until the next request or {@code close()}
     * (Flask: {@code with client:}), so that a test can read {@code request()}, {@code session()} and {@code g()}
     * of the last request.
     * <pre>{@code
     * try (var kept = client.keepContext()) {
     *     client.get("/login?user=bob");
     *     assertEquals("bob", request().args().get("user"));
     *     assertEquals("bob", session().get("user"));
     * }
     * // here the contexts are popped
     * }</pre>
     * As in Flask: the next request (each followed redirect too) first pops the kept contexts; a request that
     * throws (with {@code TESTING}, a view's exception propagates) keeps nothing; the teardown functions run when
     * each request ends and again when its kept contexts are popped. Closing is idempotent.
     *
     * @throws IllegalStateException {@code Cannot nest client invocations} while another {@code keepContext()} of
     *     this client is open
     */
    public KeptContext keepContext() {
        if (keepingContext) {
            throw new IllegalStateException("Cannot nest client invocations");
        }
        keepingContext = true;
        return () -> {
            keepingContext = false;
            popKeptContext();
        };
    }

    /** The handle {@link #keepContext()} returns: closing it pops the kept contexts. */
    @FunctionalInterface
    public interface KeptContext extends AutoCloseable {
        /** Stops keeping contexts and pops the ones kept from the last request. */
        @Override
        void close();
    }

    private void popKeptContext() {
        AutoCloseable kept = keptContext;
        if (kept == null) {
            return;
        }
        keptContext = null;
        try {
            kept.close();
        } catch (Exception e) {
            throw Throwables.sneaky(e);
        }
    }

    // ------------------------------------------------------------------ cookies

    /**
     * Puts a cookie in the jar for the default host and path {@code /} (Werkzeug: {@code client.set_cookie}).
     *
     * @throws IllegalStateException when the client has no cookie jar
     */
    public void setCookie(String name, String value) {
        setCookie(new ClientCookie(name, value, defaultBase().serverName(), "/", null, true));
    }

    /** Puts a cookie with explicit domain, path and expiry in the jar. */
    public void setCookie(ClientCookie cookie) {
        requireJar().set(cookie);
    }

    /** The live cookie with this name (the first set, if several paths or domains have one), or null. */
    public ClientCookie getCookie(String name) {
        return requireJar().get(name);
    }

    /** Removes every cookie with this name from the jar (Werkzeug: {@code client.delete_cookie}). */
    public void deleteCookie(String name) {
        requireJar().remove(name);
    }

    /** Every live cookie in the jar, in the order they were set. */
    public List<ClientCookie> cookies() {
        return requireJar().all();
    }

    private CookieJar requireJar() {
        if (jar == null) {
            throw new IllegalStateException("Cookies are disabled. Create the client with app.testClient(true).");
        }
        return jar;
    }

    // ------------------------------------------------------------------ sessions

    /**
     * Opens the session from the jar's cookies, lets {@code body} read and change it, and saves it back into the
     * jar (Flask: {@code with client.session_transaction() as sess:}).
     *
     * <pre>{@code
     * client.sessionTransaction(session -> session.put("user_id", 42));
     * client.get("/profile");   // sent with the session cookie
     * }</pre>
     *
     * @throws IllegalStateException when the client has no cookie jar, or the app cannot open a session
     *     (no {@code SECRET_KEY})
     */
    public void sessionTransaction(Consumer<Session> body) {
        Objects.requireNonNull(body, "body == null");
        CookieJar jar = requireJar();
        BaseUrl base = defaultBase();
        FakeHttpServletRequest req = TestRequest.get("/").toServletRequest(app, base);
        String cookies = jar.headerFor(base.serverName(), req.getRequestURI());
        if (cookies != null) {
            req.setHeader("Cookie", cookies);
        }
        List<String> containerCookies = new ArrayList<>();
        String cookiePath = req.getContextPath();
        req.setSessions(containerSessions, id -> containerCookies.add(FakeSessions.setCookie(id, cookiePath)));
        // As Flask: the transaction's request context is pushed only to open and to save the session, so the body
        // runs in whatever context is current (a kept request's, for instance).
        SessionInterface si = app.sessionInterface();
        Session session;
        try (RequestContext ctx = app.requestContext(req)) {
            session = si.openSession(app, ctx.request());
        }
        if (session == null) {
            throw new IllegalStateException("Session backend did not open a session. Check the configuration"
                    + " (is SECRET_KEY set?)");
        }
        body.accept(session);
        try (RequestContext ctx = app.requestContext(req)) {
            Response response = new Response();
            si.saveSession(app, session, ctx.request(), response);
            containerCookies.addAll(response.headers().getList("Set-Cookie"));
        }
        for (String setCookie : containerCookies) {
            jar.apply(setCookie, base.serverName(), req.getRequestURI());
        }
    }

    @Override
    public String toString() {
        return "<TestClient for " + app.name() + " at " + defaultBase() + ">";
    }
}
