package dev.flaskj;

import java.util.ArrayDeque;

/**
 * The per-thread stacks of application and request contexts: the only {@code ThreadLocal} in flaskj.
 *
 * <p>Flask: {@code flask.globals} ({@code _cv_app}, {@code _cv_request}). Both stacks are removed from the thread
 * as soon as they are empty, so a pooled container thread keeps nothing between requests and a redeployed web
 * application leaves no class loader behind.
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

    private static final ThreadLocal<Stacks> STACKS = new ThreadLocal<>();

    private static final class Stacks {
        final ArrayDeque<AppContext> apps = new ArrayDeque<>(2);
        final ArrayDeque<RequestContext> requests = new ArrayDeque<>(2);
    }

    private ContextStack() {}

    private static Stacks stacks() {
        Stacks s = STACKS.get();
        if (s == null) {
            s = new Stacks();
            STACKS.set(s);
        }
        return s;
    }

    static void push(AppContext ctx) {
        stacks().apps.push(ctx);
    }

    static void push(RequestContext ctx) {
        stacks().requests.push(ctx);
    }

    static void pop(AppContext ctx) {
        Stacks s = STACKS.get();
        if (s == null || s.apps.peek() != ctx) {
            throw new IllegalStateException("Popped wrong app context (" + ctx + " instead of "
                    + (s == null ? null : s.apps.peek()) + ")");
        }
        s.apps.pop();
        clearIfEmpty(s);
    }

    static void pop(RequestContext ctx) {
        Stacks s = STACKS.get();
        if (s == null || s.requests.peek() != ctx) {
            throw new IllegalStateException("Popped wrong request context (" + ctx + " instead of "
                    + (s == null ? null : s.requests.peek()) + ")");
        }
        s.requests.pop();
        clearIfEmpty(s);
    }

    private static void clearIfEmpty(Stacks s) {
        if (s.apps.isEmpty() && s.requests.isEmpty()) {
            STACKS.remove();
        }
    }

    /**
     * The innermost request context.
     *
     * @throws IllegalStateException Flask's "Working outside of request context." message when there is none
     */
    static RequestContext request() {
        Stacks s = STACKS.get();
        RequestContext ctx = s == null ? null : s.requests.peek();
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
        Stacks s = STACKS.get();
        AppContext ctx = s == null ? null : s.apps.peek();
        if (ctx == null) {
            throw new IllegalStateException(OUTSIDE_APP);
        }
        return ctx;
    }

    /** The innermost request context, or null. */
    static RequestContext requestOrNull() {
        Stacks s = STACKS.get();
        return s == null ? null : s.requests.peek();
    }

    /** The innermost application context, or null. */
    static AppContext appOrNull() {
        Stacks s = STACKS.get();
        return s == null ? null : s.apps.peek();
    }

    /** Flask: {@code has_request_context()}. */
    static boolean hasRequestContext() {
        return requestOrNull() != null;
    }

    /** Flask: {@code has_app_context()}. */
    static boolean hasAppContext() {
        return appOrNull() != null;
    }

    /** Empties this thread's stacks; for test harnesses that must not leak a context into the next test. */
    static boolean clear() {
        boolean hadAny = STACKS.get() != null;
        STACKS.remove();
        return hadAny;
    }
}
