package dev.flaskj.testing;

import dev.flaskj.Flask;

/**
 * A check for test harnesses: whether a test left an app or request context pushed on its thread
 * (Flask's test suite: the {@code leak_detector} fixture).
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

    /** Removes every context from this thread; returns whether there was any. */
    public static boolean clear() {
        return Flask.clearContextsForTesting();
    }
}
