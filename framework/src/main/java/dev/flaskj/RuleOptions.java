package dev.flaskj;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Options for {@link Flask#addUrlRule(String, String, View, RuleOptions)}: methods, defaults, strict slashes.
 *
 * <pre>{@code
 * app.addUrlRule("/users/", "users", view, RuleOptions.methods("GET", "POST").defaults(Map.of("page", 1)));
 * }</pre>
 * Immutable: each method returns a new instance.
 */
public final class RuleOptions {
    private final List<String> methods;
    private final Map<String, Object> defaults;
    private final boolean strictSlashes;
    private final boolean provideAutomaticOptions;

    private RuleOptions(List<String> methods, Map<String, Object> defaults, boolean strictSlashes,
                        boolean provideAutomaticOptions) {
        this.methods = methods;
        this.defaults = defaults;
        this.strictSlashes = strictSlashes;
        this.provideAutomaticOptions = provideAutomaticOptions;
    }

    /** GET only, no defaults, strict slashes, automatic OPTIONS. */
    public static RuleOptions defaultOptions() {
        return new RuleOptions(List.of("GET"), Map.of(), true, true);
    }

    /** Options allowing these methods. */
    public static RuleOptions methods(String... methods) {
        return defaultOptions().withMethods(methods);
    }

    /** A copy allowing these methods. */
    public RuleOptions withMethods(String... methods) {
        return new RuleOptions(List.of(methods), defaults, strictSlashes, provideAutomaticOptions);
    }

    /** A copy with default values for variables the rule lacks. */
    public RuleOptions defaults(Map<String, ?> defaults) {
        return new RuleOptions(methods, Map.copyOf(Objects.requireNonNull(defaults, "defaults == null")),
                strictSlashes, provideAutomaticOptions);
    }

    /** A copy with strict slashes on or off. */
    public RuleOptions strictSlashes(boolean strict) {
        return new RuleOptions(methods, defaults, strict, provideAutomaticOptions);
    }

    /** A copy that does (or does not) answer OPTIONS automatically. */
    public RuleOptions provideAutomaticOptions(boolean provide) {
        return new RuleOptions(methods, defaults, strictSlashes, provide);
    }

    List<String> methodList() {
        return methods;
    }

    Map<String, Object> defaultValues() {
        return defaults;
    }

    boolean isStrictSlashes() {
        return strictSlashes;
    }

    boolean isProvideAutomaticOptions() {
        return provideAutomaticOptions;
    }
}
