package dev.flaskj;

/**
 * The per-thread stacks of application and request contexts: the only {@code ThreadLocal} in flaskj.
 *
 * <p>Flask: {@code flask.globals} ({@code _cv_app}, {@code _cv_request}). Each stack is a linked list through the
 * contexts themselves ({@code previous}); the thread holds only its two tops, in an {@code Object[2]} that stays on
 * the thread and is emptied when the last context pops. A JDK array holding nulls keeps no class of the web
 * application reachable, so a pooled container thread carries nothing between requests and a redeployed
 * application leaves no class loader behind, without a {@code ThreadLocal.remove()} on every request.
 */
final class ContextStack {
    static final String OUTSIDE_REQUEST = "Working outside of request context.\n\n"
            + "This typically means that you attempted to use functionality that needed\n"
            + "an active HTTP request. Consult the documentation on testing for\n"
            + "information about how to avoid this problem.";
    static final String OUTSIDE_APP = "Working outside of application context.\n\n"
            + "This typically means that you attempted to use functionality that needed\n"
            + "the current application. To solve this, set up an application context\n"
            + "with app.appContext(). See the documentation for more information.";

    private static final int APP = 0;
    private static final int REQUEST = 1;

    private static final ThreadLocal<Object[]> TOPS = ThreadLocal.withInitial(() -> new Object[2]);

    private ContextStack() {}

    /** Pushes {@code ctx}; returns the context it covers (its {@code previous}), or null. */
    static AppContext push(AppContext ctx) {
        Object[] tops = TOPS.get();
        AppContext previous = (AppContext) tops[APP];
        tops[APP] = ctx;
        return previous;
    }

    /** Pushes {@code ctx}; returns the context it covers (its {@code previous}), or null. */
    static RequestContext push(RequestContext ctx) {
        Object[] tops = TOPS.get();
        RequestContext previous = (RequestContext) tops[REQUEST];
        tops[REQUEST] = ctx;
        return previous;
    }

    /** Pops {@code ctx}, which must be on top, making {@code previous} current again. */
    static void pop(AppContext ctx, AppContext previous) {
        Object[] tops = TOPS.get();
        if (tops[APP] != ctx) {
            throw new IllegalStateException("Popped wrong app context (" + ctx + " instead of " + tops[APP] + ")");
        }
        tops[APP] = previous;
    }

    /** Pops {@code ctx}, which must be on top, making {@code previous} current again. */
    static void pop(RequestContext ctx, RequestContext previous) {
        Object[] tops = TOPS.get();
        if (tops[REQUEST] != ctx) {
            throw new IllegalStateException("Popped wrong request context (" + ctx + " instead of "
                    + tops[REQUEST] + ")");
        }
        tops[REQUEST] = previous;
    }

    /**
     * The innermost request context.
     *
     * @throws IllegalStateException Flask's "Working outside of request context." message when there is none
     */
    static RequestContext request() {
        RequestContext ctx = (RequestContext) TOPS.get()[REQUEST];
        if (ctx == null) {
            throw new IllegalStateException(OUTSIDE_REQUEST);
        }
        return ctx;
    }

    /**
     * The innermost application context.
     *
     * @throws IllegalStateException Flask's "Working outside of application context." message when there is none
     */
    static AppContext app() {
        AppContext ctx = (AppContext) TOPS.get()[APP];
        if (ctx == null) {
            throw new IllegalStateException(OUTSIDE_APP);
        }
        return ctx;
    }

    /** The innermost request context, or null. */
    static RequestContext requestOrNull() {
        return (RequestContext) TOPS.get()[REQUEST];
    }

    /** The innermost application context, or null. */
    static AppContext appOrNull() {
        return (AppContext) TOPS.get()[APP];
    }

    /** Flask: {@code has_request_context()}. */
    static boolean hasRequestContext() {
        return requestOrNull() != null;
    }

    /** Flask: {@code has_app_context()}. */
    static boolean hasAppContext() {
        return appOrNull() != null;
    }

    /**
     * Sets this thread's stacks aside so that a request starts from empty ones: returns what was there (for
     * {@link #restore}), or null when both stacks were already empty (the normal case, which allocates nothing).
     */
    static Object[] setAside() {
        Object[] tops = TOPS.get();
        if (tops[APP] == null && tops[REQUEST] == null) {
            return null;
        }
        Object[] saved = {tops[APP], tops[REQUEST]};
        tops[APP] = null;
        tops[REQUEST] = null;
        return saved;
    }

    /**
     * Removes whatever was pushed above {@code ctx} and its app context and never popped, making them the tops again;
     * returns what was removed (the contexts that were on top), or null when nothing was.
     */
    static Object[] unwindTo(RequestContext ctx, AppContext appCtx) {
        Object[] tops = TOPS.get();
        if (tops[APP] == appCtx && tops[REQUEST] == ctx) {
            return null;
        }
        Object[] stray = {tops[APP] == appCtx ? null : tops[APP], tops[REQUEST] == ctx ? null : tops[REQUEST]};
        tops[APP] = appCtx;
        tops[REQUEST] = ctx;
        return stray;
    }

    /**
     * Puts back what {@link #setAside} returned (null: empty stacks); returns whether the stacks still held a
     * context at that point, which {@code restore} drops.
     */
    static boolean restore(Object[] saved) {
        Object[] tops = TOPS.get();
        boolean left = tops[APP] != null || tops[REQUEST] != null;
        tops[APP] = saved == null ? null : saved[APP];
        tops[REQUEST] = saved == null ? null : saved[REQUEST];
        return left;
    }

    /** Empties this thread's stacks; for test harnesses that must not leak a context into the next test. */
    static boolean clear() {
        Object[] tops = TOPS.get();
        boolean hadAny = tops[APP] != null || tops[REQUEST] != null;
        tops[APP] = null;
        tops[REQUEST] = null;
        return hadAny;
    }
}
