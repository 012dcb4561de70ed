package dev.flaskj.testing;

import dev.flaskj.Flask;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension that fails a test which leaves an app or request context pushed on its thread, then removes
 * it so the next test starts clean (Flask's own test suite: the {@code leak_detector} fixture). A context leaks
 * when a {@code testRequestContext(...)}, {@code appContext()} or {@code client.keepContext()} is not closed.
 * <pre>{@code
 * @ExtendWith(ContextLeakCheck.class)
 * class ViewsTest {
 *     @Test
 *     void hello() {
 *         try (RequestContext ctx = app.testRequestContext("/hello")) {   // closed: passes
 *             assertEquals("/hello", request().path());
 *         }
 *     }
 * }
 * }</pre>
 * To check every test of a project, list {@code dev.flaskj.testing.ContextLeakCheck} in
 * {@code src/test/resources/META-INF/services/org.junit.jupiter.api.extension.Extension} and set
 * {@code junit.jupiter.extensions.autodetection.enabled=true} in {@code src/test/resources/junit-platform.properties}.
 * Needs {@code org.junit.jupiter:junit-jupiter-api} on the test class path (flaskj declares it optional).
 */
public final class ContextLeakCheck implements AfterEachCallback {
    /** The extension, as JUnit creates it. */
    public ContextLeakCheck() {}

    /**
     * Fails the test when a context is still pushed, naming what leaked, after removing every context.
     *
     * @throws AssertionError when a context leaked
     */
    @Override
    public void afterEach(ExtensionContext context) {
        String leaked = LeakedContexts.describe();
        if (LeakedContexts.clear()) {
            throw new AssertionError("Test " + context.getDisplayName() + " left " + leaked + " pushed on its"
                    + " thread; close every appContext(), testRequestContext(...) and keepContext()"
                    + " (try-with-resources).");
        }
    }
}
