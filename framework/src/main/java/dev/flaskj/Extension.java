package dev.flaskj;

/**
 * A reusable piece of app setup, in Flask's extension pattern.
 *
 * <pre>{@code
 * public final class Database implements Extension {
 *     public void initApp(Flask app) {
 *         app.extensions().put("database", this);
 *         app.teardownAppcontext(exc -> close());
 *     }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface Extension {
    /** Registers the extension's hooks, config defaults and state on {@code app}. */
    void initApp(Flask app);
}
