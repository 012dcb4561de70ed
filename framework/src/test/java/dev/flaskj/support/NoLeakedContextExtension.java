package dev.flaskj.support;

import static org.junit.jupiter.api.Assertions.fail;

import dev.flaskj.testing.LeakedContexts;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test that leaves an app or request context pushed on its thread, then clears it so the next test
 * starts clean (Flask's test suite: the {@code leak_detector} fixture). Registered for every test through
 * JUnit's extension auto-detection ({@code junit-platform.properties} and {@code META-INF/services}).
 */
public final class NoLeakedContextExtension implements AfterEachCallback {
    @Override
    public void afterEach(ExtensionContext context) {
        if (LeakedContexts.clear()) {
            fail("Test " + context.getDisplayName() + " left an app or request context pushed on its thread;"
                    + " close every appContext()/testRequestContext(...) (try-with-resources).");
        }
    }
}
