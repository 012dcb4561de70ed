package dev.flaskj.support;

import dev.flaskj.testing.ContextLeakCheck;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The users' {@link ContextLeakCheck}, registered for every framework test through JUnit's extension
 * auto-detection ({@code junit-platform.properties} and {@code META-INF/services}).
 */
public final class NoLeakedContextExtension implements AfterEachCallback {
    private final ContextLeakCheck check = new ContextLeakCheck();

    @Override
    public void afterEach(ExtensionContext context) {
        check.afterEach(context);
    }
}
