package dev.flaskj;

import dev.flaskj.sessions.Session;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The request context: the request, its session, and what must happen when it ends (Flask: {@code RequestContext}).
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
    private AppContext implicitAppContext;
    private boolean pushed;
    private RequestContext previous;

    RequestContext(Flask app, HttpServletRequest servletRequest, HttpServletResponse servletResponse) {
        this.app = Objects.requireNonNull(app, "app == null");
        this.request = new Request(app, servletRequest);
        this.servletResponse = servletResponse;
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
        app.matchRequest(request);
        return this;
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
            session = app.openSession(request);
        }
        return session;
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
            app.doTeardownRequest(request, exc);
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

    @Override
    public String toString() {
        return "<RequestContext '" + request.path() + "' [" + request.method() + "] of " + app.name() + ">";
    }
}
