package dev.flaskj;

import dev.flaskj.exceptions.BadRequest;
import dev.flaskj.exceptions.MethodNotAllowed;
import dev.flaskj.exceptions.NotFound;
import dev.flaskj.exceptions.RequestRedirect;
import dev.flaskj.routing.MatchResult;
import dev.flaskj.sessions.NullSession;
import dev.flaskj.sessions.Session;
import dev.flaskj.sessions.SessionInterface;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The request context: the request, its session, and what must happen when it ends (Flask: {@code RequestContext}).
 * It owns one request from push to pop: it matches the URL, knows the request's hook scopes (the app and the
 * blueprint chain), opens and saves the session, and runs the teardown functions.
 *
 * <p>{@link FlaskFilter} and the test client push one per request. Push your own to call request-bound code from a
 * test: {@code try (RequestContext ctx = app.requestContext(servletRequest)) { ... }}. Pushing it also pushes a new
 * {@link AppContext} when the current one is not for this app, and runs URL matching, so {@code request().endpoint()}
 * is known; no view and no hooks run. Closing it runs the teardown-request functions and pops both contexts.
 */
public final class RequestContext implements AutoCloseable {
    private final Flask app;
    private final Request request;
    private final HttpServletResponse servletResponse;
    private List<AfterRequestFunction> afterThisRequest;
    private Session session;
    private List<FlashMessage> flashes;
    private List<ScopeHooks> scopes;
    private AppContext implicitAppContext;
    private boolean pushed;
    private RequestContext previous;

    RequestContext(Flask app, HttpServletRequest servletRequest, HttpServletResponse servletResponse) {
        this.app = Objects.requireNonNull(app, "app == null");
        this.request = new Request(app, servletRequest);
        this.servletResponse = servletResponse;
        this.scopes = app.scopesFor(null); // until matching names a blueprint
    }

    /** Makes this the current request context (and matches the URL); returns this. */
    public RequestContext push() {
        if (pushed) {
            throw new IllegalStateException("request context already pushed");
        }
        AppContext current = ContextStack.appOrNull();
        if (current == null || current.app() != app) {
            implicitAppContext = new AppContext(app).push();
        }
        previous = ContextStack.push(this);
        pushed = true;
        match();
        return this;
    }

    /**
     * Matches the request's path and method, storing the rule or the routing error on the request, and looks up
     * the hook scopes of the matched blueprint: every later step of the request reads them from here.
     */
    private void match() {
        app.freezeOnFirstRequest();
        try {
            request.host(); // Flask 3.1 checks TRUSTED_HOSTS as it binds the URL adapter, before matching
        } catch (BadRequest untrusted) {
            request.setRoutingException(untrusted);
            return;
        }
        if (hasDotSegmentInRequestPath(request.path())) {
            // The container maps filters and security constraints on the path with these segments resolved
            // (/admin/../x is /x to it): routing the unresolved path could run a view no guard was asked about.
            request.setRoutingException(NotFound.fromRouting());
            return;
        }
        MatchResult result = app.urlMap().match(request.path(), request.method());
        if (result instanceof MatchResult.Matched m) {
            request.setMatch(m.rule(), m.arguments());
        } else if (result instanceof MatchResult.Redirect r && !hasDotSegment(r.path())) {
            String query = request.queryString();
            request.setRoutingException(new RequestRedirect(request.scheme() + "://" + request.host()
                    + request.scriptRoot() + r.path() + (query.isEmpty() ? "" : "?" + query)));
        } else if (result instanceof MatchResult.RuleRedirect rr) {
            // Werkzeug: redirect_to joins the target against scheme://host + script_name + "/"; no query.
            try {
                request.setRoutingException(new RequestRedirect(rr.location(request.scheme() + "://"
                        + request.host() + request.scriptRoot() + "/")));
            } catch (RuntimeException e) {
                request.setRoutingException(e); // a redirect function failed: the request's error, answered later
            }
        } else if (result instanceof MatchResult.MethodMismatch mm) {
            request.setRoutingException(new MethodNotAllowed(mm.allowed(), null));
        } else {
            request.setRoutingException(NotFound.fromRouting());
        }
        scopes = app.scopesFor(request.blueprint());
    }

    /**
     * Whether a path has {@code .} or {@code ..} segments. Browsers never send them, so a slash-merging redirect
     * to one (e.g. from {@code /static//../templates/x}) is only ever a probe: answer 404 instead of redirecting.
     */
    private static boolean hasDotSegment(String path) {
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..") || segment.equalsIgnoreCase("%2e")
                    || segment.equalsIgnoreCase("%2e%2e") || segment.equalsIgnoreCase(".%2e")
                    || segment.equalsIgnoreCase("%2e.")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a decoded request path has a segment that a container resolves as {@code .} or {@code ..}: segments
     * split at {@code /} and at {@code \\} (which some containers and proxies treat as a separator), each with
     * its {@code ;} path parameters removed ({@code ..;x} is {@code ..} to Tomcat and Jetty). Linear in the length.
     */
    static boolean hasDotSegmentInRequestPath(String path) {
        int n = path.length();
        int start = 0;
        int semi = -1;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? path.charAt(i) : '/';
            if (c == ';' && semi < 0) {
                semi = i;
            } else if (c == '/' || c == '\\') {
                int len = (semi >= 0 ? semi : i) - start;
                if ((len == 1 && path.charAt(start) == '.')
                        || (len == 2 && path.charAt(start) == '.' && path.charAt(start + 1) == '.')) {
                    return true;
                }
                start = i + 1;
                semi = -1;
            }
        }
        return false;
    }

    /**
     * The request's hook scopes, innermost blueprint first and the app last (Flask: {@code request.blueprints}
     * plus the app); known from push on.
     */
    List<ScopeHooks> scopes() {
        return scopes;
    }

    /** Whether this context is pushed (and not yet popped). */
    boolean isPushed() {
        return pushed;
    }

    /** The app context this push created, or null when it found one for this app already current. */
    AppContext implicitAppContext() {
        return implicitAppContext;
    }

    /** The app. */
    public Flask app() {
        return app;
    }

    /** The request. */
    public Request request() {
        return request;
    }

    /** The servlet response the framework writes to, or null in a test request context. */
    HttpServletResponse servletResponse() {
        return servletResponse;
    }

    /** The after-this-request functions in registration order; empty for most requests. */
    List<AfterRequestFunction> afterThisRequest() {
        return afterThisRequest == null ? List.of() : afterThisRequest;
    }

    void addAfterThisRequest(AfterRequestFunction f) {
        if (afterThisRequest == null) {
            afterThisRequest = new ArrayList<>(2);
        }
        afterThisRequest.add(f);
    }

    /**
     * The session, opened through the app's session interface on first use (Flask opens it at push; opening lazily
     * keeps requests that never touch it free of cookie verification). A NullSession without a secret key.
     */
    public Session session() {
        if (session == null) {
            session = openSession();
        }
        return session;
    }

    private Session openSession() {
        SessionInterface si = app.sessionInterface();
        Session s = si.openSession(app, request);
        return s != null ? s : si.makeNullSession(app);
    }

    /**
     * Saves the session into {@code response}, after the after-request hooks. A request that never touched the
     * session is still saved when the session interface asks for it (a permanent cookie refreshed on every
     * request, as Flask, which always opens the session, does).
     */
    void saveSession(Response response) {
        Session s = session;
        SessionInterface si = app.sessionInterface();
        if (s == null) {
            if (!si.shouldRefreshWithoutOpening(app, request)) {
                return;
            }
            s = openSession();
        }
        if (!(s instanceof NullSession)) {
            si.saveSession(app, s, request, response);
        }
    }

    Session sessionOrNull() {
        return session;
    }

    /** The flashes taken from the session by the first {@code getFlashedMessages} of this request, or null. */
    List<FlashMessage> flashes() {
        return flashes;
    }

    void setFlashes(List<FlashMessage> flashes) {
        this.flashes = flashes;
    }

    /**
     * Pops this context: runs the teardown-request functions (blueprint, then app; reverse order) with the
     * unhandled exception or null, deletes upload temp files, then pops the app context this push created.
     * Every function runs; the first error is thrown afterwards with the others suppressed into it.
     */
    public void pop(Throwable exc) {
        if (!pushed) {
            return;
        }
        try {
            Teardowns errors = new Teardowns();
            for (ScopeHooks scope : scopes) {
                errors.runReversed(scope.teardown, exc);
            }
            errors.throwFirst();
            if (Signals.REQUEST_TEARING_DOWN.hasReceivers(app)) {
                Signals.REQUEST_TEARING_DOWN.send(app, new Signals.RequestTearingDown(app, exc));
            }
        } finally {
            pushed = false;
            try {
                request.close();
            } finally {
                ContextStack.pop(this, previous);
                previous = null;
                if (implicitAppContext != null) {
                    AppContext appCtx = implicitAppContext;
                    implicitAppContext = null;
                    appCtx.pop(exc);
                }
            }
        }
    }

    /** {@code pop(null)}. */
    @Override
    public void close() {
        pop(null);
    }

    /**
     * Takes this pushed context and the app context its push created off the current thread's stacks without
     * ending them (no teardown, the request stays open): an asynchronous request moves to the thread that completes
     * it. Both must be on top.
     */
    void detach() {
        ContextStack.pop(this, previous);
        previous = null;
        if (implicitAppContext != null) {
            implicitAppContext.detach();
        }
    }

    /** Puts this still-pushed context (and its app context) on the current thread's stacks again. */
    void attach() {
        if (implicitAppContext != null) {
            implicitAppContext.attach();
        }
        previous = ContextStack.push(this);
    }

    @Override
    public String toString() {
        return "<RequestContext '" + request.path() + "' [" + request.method() + "] of " + app.name() + ">";
    }
}
