package dev.flaskj;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Options for {@link Flask#addUrlRule(String, String, View, RuleOptions)}: methods, defaults, strict slashes,
 * automatic OPTIONS and view decorators.
 *
 * <pre>{@code
 * app.addUrlRule("/users/", "users", view, RuleOptions.methods("GET", "POST").defaults(Map.of("page", 1)));
 * app.addUrlRule("/admin", "admin", view, RuleOptions.defaultOptions().decorators(loginRequired, adminOnly));
 * }</pre>
 * Immutable: each method returns a new instance.
 */
public final class RuleOptions {
    private static final List<String> GET = List.of("GET");

    /** Null: not given (GET for a view, the declared handlers for a {@link MethodView}). */
    private final List<String> methods;
    private final Map<String, Object> defaults;
    private final boolean strictSlashes;
    /** Null: not given (config {@code PROVIDE_AUTOMATIC_OPTIONS} decides, as in Flask). */
    private final Boolean provideAutomaticOptions;
    private final List<ViewDecorator> decorators;

    private RuleOptions(List<String> methods, Map<String, Object> defaults, boolean strictSlashes,
                        Boolean provideAutomaticOptions, List<ViewDecorator> decorators) {
        this.methods = methods;
        this.defaults = defaults;
        this.strictSlashes = strictSlashes;
        this.provideAutomaticOptions = provideAutomaticOptions;
        this.decorators = decorators;
    }

    /**
     * GET only (for a {@link MethodView}: the methods of its handlers), no defaults, strict slashes, automatic
     * OPTIONS unless config {@code PROVIDE_AUTOMATIC_OPTIONS} is false, no decorators.
     */
    public static RuleOptions defaultOptions() {
        return new RuleOptions(null, Map.of(), true, null, List.of());
    }

    /** Options allowing these methods. */
    public static RuleOptions methods(String... methods) {
        return defaultOptions().withMethods(methods);
    }

    /**
     * A copy allowing these methods. For a {@link MethodView} they replace the methods of its handlers (Flask:
     * the class's {@code methods}); each needs a handler, else registration fails.
     */
    public RuleOptions withMethods(String... methods) {
        return new RuleOptions(List.of(methods), defaults, strictSlashes, provideAutomaticOptions, decorators);
    }

    /** A copy with default values for variables the rule lacks. */
    public RuleOptions defaults(Map<String, ?> defaults) {
        return new RuleOptions(methods, Map.copyOf(Objects.requireNonNull(defaults, "defaults == null")),
                strictSlashes, provideAutomaticOptions, decorators);
    }

    /** A copy with strict slashes on or off. */
    public RuleOptions strictSlashes(boolean strict) {
        return new RuleOptions(methods, defaults, strict, provideAutomaticOptions, decorators);
    }

    /**
     * A copy that does (or does not) answer OPTIONS automatically, whatever config
     * {@code PROVIDE_AUTOMATIC_OPTIONS} says (Flask: {@code provide_automatic_options}). A rule that lists OPTIONS
     * among its methods answers it with its view.
     */
    public RuleOptions provideAutomaticOptions(boolean provide) {
        return new RuleOptions(methods, defaults, strictSlashes, provide, decorators);
    }

    /**
     * A copy whose view is wrapped in {@code decorators}, the first outermost (Flask: {@code view_func=a(b(f))});
     * they replace any given before. {@link ViewDecorator#decorate} is called once per registration; for a
     * {@link MethodView} these wrap the class's own {@code @Decorate}s.
     */
    public RuleOptions decorators(ViewDecorator... decorators) {
        for (ViewDecorator d : decorators) {
            Objects.requireNonNull(d, "a decorator is null");
        }
        return new RuleOptions(methods, defaults, strictSlashes, provideAutomaticOptions, List.of(decorators));
    }

    List<String> methodList() {
        return methods == null ? GET : methods;
    }

    /** Whether methods were given explicitly. */
    boolean hasMethods() {
        return methods != null;
    }

    Map<String, Object> defaultValues() {
        return defaults;
    }

    boolean isStrictSlashes() {
        return strictSlashes;
    }

    /** The explicit choice, or null to follow config {@code PROVIDE_AUTOMATIC_OPTIONS}. */
    Boolean provideAutomaticOptionsOrNull() {
        return provideAutomaticOptions;
    }

    List<ViewDecorator> decoratorList() {
        return decorators;
    }
}
