package dev.flaskj;

import java.util.Objects;

/**
 * The application context: which app is current, and its {@code g} namespace.
 *
 * <p>Flask: {@code flask.ctx.AppContext}. The framework pushes a fresh one for every request, so {@code g()} lasts
 * exactly one request. Outside requests (scripts, CLI commands, tests) open one yourself:
 * <pre>{@code
 * try (AppContext ctx = app.appContext()) {
 *     g().put("db", openDb());
 * }
 * }</pre>
 * Closing it runs the app's teardown-appcontext functions.
 */
public final class AppContext implements AutoCloseable {
    private final Flask app;
    private AppGlobals g; // made on first use: most requests never touch g
    private boolean pushed;
    private AppContext previous;

    /** A context for {@code app}, not yet pushed. */
    public AppContext(Flask app) {
        this.app = Objects.requireNonNull(app, "app == null");
    }

    /** Makes this the current app context on this thread; returns this. */
    public AppContext push() {
        if (pushed) {
            throw new IllegalStateException("app context already pushed");
        }
        previous = ContextStack.push(this);
        pushed = true;
        if (Signals.APPCONTEXT_PUSHED.hasReceivers(app)) {
            try {
                Signals.APPCONTEXT_PUSHED.send(app, new Signals.AppcontextPushed(app));
            } catch (RuntimeException | Error e) {
                // The caller gets no context to pop: undo the push so that nothing stays on the thread.
                pushed = false;
                ContextStack.pop(this, previous);
                previous = null;
                throw e;
            }
        }
        return this;
    }

    /** The app. */
    public Flask app() {
        return app;
    }

    /** Flask's {@code g}: storage for the duration of this context. */
    public AppGlobals g() {
        if (g == null) {
            g = new AppGlobals();
        }
        return g;
    }

    /**
     * Pops this context, running the teardown-appcontext functions with the unhandled exception (or null);
     * errors from them are collected and the first one is thrown after all have run.
     */
    public void pop(Throwable exc) {
        if (!pushed) {
            return;
        }
        try {
            app.doTeardownAppContext(exc);
        } finally {
            pushed = false;
            ContextStack.pop(this, previous);
            previous = null;
        }
        if (Signals.APPCONTEXT_POPPED.hasReceivers(app)) {
            Signals.APPCONTEXT_POPPED.send(app, new Signals.AppcontextPopped(app));
        }
    }

    /** {@code pop(null)}. */
    @Override
    public void close() {
        pop(null);
    }

    /**
     * Takes this pushed context off the current thread's stack without ending it (no teardown): an asynchronous
     * request moves to the thread that completes it. It must be on top.
     */
    void detach() {
        ContextStack.pop(this, previous);
        previous = null;
    }

    /** Puts this still-pushed context on the current thread's stack again, after {@link #detach}. */
    void attach() {
        previous = ContextStack.push(this);
    }

    @Override
    public String toString() {
        return "<AppContext " + app.name() + ">";
    }
}
