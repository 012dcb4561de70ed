package dev.flaskj.testing;

import dev.flaskj.Flask;

/**
 * A check for test harnesses: whether a test left an app or request context pushed on its thread
 * (Flask's test suite: the {@code leak_detector} fixture). For JUnit 5, {@link ContextLeakCheck} does this after
 * every test.
 *
 * <pre>{@code
 * @AfterEach
 * void noLeaks() {
 *     assertFalse(LeakedContexts.clear(), "a context was left pushed");
 * }
 * }</pre>
 */
public final class LeakedContexts {
    private LeakedContexts() {}

    /**
     * What is pushed on this thread, for a message: e.g. {@code "a request context (<Request 'http://localhost/x'
     * [GET]>) and an app context (of app com.example.App)"}, or {@code "no context"}.
     */
    public static String describe() {
        String request = Flask.hasRequestContext() ? "a request context (" + Flask.request() + ")" : null;
        String app = Flask.hasAppContext() ? "an app context (of app " + Flask.currentApp().name() + ")" : null;
        if (request == null && app == null) {
            return "no context";
        }
        return request == null ? app : app == null ? request : request + " and " + app;
    }

    /** Removes every context from this thread; returns whether there was any. */
    public static boolean clear() {
        return Flask.clearContextsForTesting();
    }
}
