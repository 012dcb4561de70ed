package dev.flaskj;

import dev.flaskj.exceptions.HttpException;
import java.util.Objects;

/**
 * What an app and a blueprint have in common: registering views, hooks and error handlers
 * (Flask: {@code flask.sansio.scaffold.Scaffold}).
 *
 * <p>Subclasses of {@link Flask} and {@link Blueprint} usually register with annotations ({@link Route},
 * {@link BeforeRequest}, ...); these methods are the programmatic twins, for lambdas and application factories.
 */
public abstract class Scaffold {
    Scaffold() {}

    /**
     * Registers {@code view} for {@code rule} under {@code endpoint}, allowing {@code methods} (GET when none)
     * (Flask: {@code add_url_rule}).
     *
     * @throws IllegalArgumentException for a malformed rule, or another view already registered for the endpoint
     * @throws IllegalStateException after the app handled its first request
     */
    public void addUrlRule(String rule, String endpoint, View view, String... methods) {
        addUrlRule(rule, endpoint, view, RuleOptions.defaultOptions().withMethods(
                methods.length == 0 ? new String[] {"GET"} : methods));
    }

    /** Registers {@code view} for {@code rule} with methods, defaults and slash handling from {@code options}. */
    public void addUrlRule(String rule, String endpoint, View view, RuleOptions options) {
        onRule(Objects.requireNonNull(rule, "rule == null"), Objects.requireNonNull(endpoint, "endpoint == null"),
                Objects.requireNonNull(view, "view == null"), Objects.requireNonNull(options, "options == null"));
    }

    /** Runs {@code f} before each request; a non-null result short-circuits (Flask: {@code before_request}). */
    public void beforeRequest(BeforeRequestFunction f) {
        scopeHooks().before.add(checkSetup(f));
    }

    /** Runs {@code f} on each response, in reverse registration order (Flask: {@code after_request}). */
    public void afterRequest(AfterRequestFunction f) {
        scopeHooks().after.add(checkSetup(f));
    }

    /** Runs {@code f} when each request context is popped (Flask: {@code teardown_request}). */
    public void teardownRequest(TeardownFunction f) {
        scopeHooks().teardown.add(checkSetup(f));
    }

    /**
     * Handles HTTP errors with {@code code} (Flask: {@code errorhandler(404)}).
     *
     * @throws IllegalArgumentException if no HTTP error has that code
     */
    @SuppressWarnings("unchecked")
    public void errorHandler(int code, ErrorHandlerFunction<? super HttpException> f) {
        scopeHooks().addErrorHandler(code, (ErrorHandlerFunction<Throwable>) (ErrorHandlerFunction<?>) checkSetup(f));
    }

    /** Handles exceptions of {@code type} and its subclasses (Flask: {@code errorhandler(SomeError)}). */
    @SuppressWarnings("unchecked")
    public <E extends Throwable> void errorHandler(Class<E> type, ErrorHandlerFunction<? super E> f) {
        scopeHooks().addErrorHandler(Objects.requireNonNull(type, "type == null"),
                (ErrorHandlerFunction<Throwable>) (ErrorHandlerFunction<?>) checkSetup(f));
    }

    abstract void onRule(String rule, String endpoint, View view, RuleOptions options);

    abstract ScopeHooks scopeHooks();

    <T> T checkSetup(T f) {
        return Objects.requireNonNull(f, "function == null");
    }
}
