package dev.flaskj;

import java.util.List;

/**
 * Runs teardown functions the way Flask's {@code _CollectErrors} does: every function runs, in reverse registration
 * order, and the first failure is thrown at the end with the later ones suppressed into it.
 */
final class Teardowns {
    private RuntimeException first;

    /** Runs {@code functions} last to first with the request's unhandled exception (or null), collecting failures. */
    void runReversed(List<TeardownFunction> functions, Throwable exc) {
        for (int i = functions.size() - 1; i >= 0; i--) {
            try {
                functions.get(i).run(exc);
            } catch (Exception e) {
                if (first == null) {
                    first = e instanceof RuntimeException re ? re : new IllegalStateException(e);
                } else {
                    first.addSuppressed(e);
                }
            }
        }
    }

    /** Throws the first collected failure, if any. */
    void throwFirst() {
        if (first != null) {
            throw first;
        }
    }
}
