package dev.flaskj;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Options for {@link Flask#addUrlRule(String, String, View, RuleOptions)}: methods, defaults, slash handling,
 * automatic OPTIONS, view decorators, and Werkzeug's {@code redirect_to}, {@code alias} and {@code build_only}.
 *
 * <pre>{@code
 * app.addUrlRule("/users/", "users", view, RuleOptions.methods("GET", "POST").defaults(Map.of("page", 1)));
 * app.addUrlRule("/admin", "admin", view, RuleOptions.defaultOptions().decorators(loginRequired, adminOnly));
 * app.addUrlRule("/old/<int:id>", "old", RuleOptions.defaultOptions().redirectTo("/new/<id>"));
 * }</pre>
 * Immutable: each method returns a new instance.
 */
public final class RuleOptions {
    private static final List<String> GET = List.of("GET");
    private static final RuleOptions DEFAULT = new RuleOptions(null, Map.of(), true, true, null, List.of(), null,
            null, false, false);

    /** Null: not given (GET for a view, the declared handlers for a {@link MethodView}). */
    private final List<String> methods;
    private final Map<String, Object> defaults;
    private final boolean strictSlashes;
    private final boolean mergeSlashes;
    /** Null: not given (config {@code PROVIDE_AUTOMATIC_OPTIONS} decides, as in Flask). */
    private final Boolean provideAutomaticOptions;
    private final List<ViewDecorator> decorators;
    private final String redirectTo;
    private final Function<Map<String, Object>, String> redirectFunction;
    private final boolean alias;
    private final boolean buildOnly;

    private RuleOptions(List<String> methods, Map<String, Object> defaults, boolean strictSlashes,
                        boolean mergeSlashes, Boolean provideAutomaticOptions, List<ViewDecorator> decorators,
                        String redirectTo, Function<Map<String, Object>, String> redirectFunction, boolean alias,
                        boolean buildOnly) {
        this.methods = methods;
        this.defaults = defaults;
        this.strictSlashes = strictSlashes;
        this.mergeSlashes = mergeSlashes;
        this.provideAutomaticOptions = provideAutomaticOptions;
        this.decorators = decorators;
        this.redirectTo = redirectTo;
        this.redirectFunction = redirectFunction;
        this.alias = alias;
        this.buildOnly = buildOnly;
    }

    /**
     * GET only (for a {@link MethodView}: the methods of its handlers), no defaults, strict and merged slashes,
     * automatic OPTIONS unless config {@code PROVIDE_AUTOMATIC_OPTIONS} is false, no decorators, no redirect, not
     * an alias, not build-only.
     */
    public static RuleOptions defaultOptions() {
        return DEFAULT;
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
        return new RuleOptions(List.of(methods), defaults, strictSlashes, mergeSlashes, provideAutomaticOptions,
                decorators, redirectTo, redirectFunction, alias, buildOnly);
    }

    /** A copy with default values for variables the rule lacks. */
    public RuleOptions defaults(Map<String, ?> defaults) {
        return new RuleOptions(methods, Map.copyOf(Objects.requireNonNull(defaults, "defaults == null")),
                strictSlashes, mergeSlashes, provideAutomaticOptions, decorators, redirectTo, redirectFunction,
                alias, buildOnly);
    }

    /** A copy with strict slashes on or off. */
    public RuleOptions strictSlashes(boolean strict) {
        return new RuleOptions(methods, defaults, strict, mergeSlashes, provideAutomaticOptions, decorators,
                redirectTo, redirectFunction, alias, buildOnly);
    }

    /**
     * A copy with merged slashes on (the default) or off (Werkzeug: {@code merge_slashes} of one rule). On:
     * {@code //} in the rule counts as {@code /}, and a request such as {@code /a//b} that matches only once its
     * slashes are merged is redirected (308) to {@code /a/b}. Off: the rule is matched as written, so a rule
     * {@code /a//b} matches exactly {@code /a//b} and builds that URL, and {@code /a//b} is a 404 for a rule
     * {@code /a/b}.
     */
    public RuleOptions mergeSlashes(boolean merge) {
        return new RuleOptions(methods, defaults, strictSlashes, merge, provideAutomaticOptions, decorators,
                redirectTo, redirectFunction, alias, buildOnly);
    }

    /**
     * A copy that does (or does not) answer OPTIONS automatically, whatever config
     * {@code PROVIDE_AUTOMATIC_OPTIONS} says (Flask: {@code provide_automatic_options}). A rule that lists OPTIONS
     * among its methods answers it with its view.
     */
    public RuleOptions provideAutomaticOptions(boolean provide) {
        return new RuleOptions(methods, defaults, strictSlashes, mergeSlashes, provide, decorators, redirectTo,
                redirectFunction, alias, buildOnly);
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
        return new RuleOptions(methods, defaults, strictSlashes, mergeSlashes, provideAutomaticOptions,
                List.of(decorators), redirectTo, redirectFunction, alias, buildOnly);
    }

    /**
     * A copy whose rule redirects (Werkzeug: {@code redirect_to} as a string): a request it matches gets
     * {@code 308 Permanent Redirect} to {@code target}, each {@code <name>} in it replaced by the rule's variable
     * of that name, as its converter writes it in a URL; the request's query string is not carried over, and the
     * view, hooks and error handlers do not run (routing answers, as for a missing trailing slash). The target is
     * joined against the app's root URL the way a link in a page is: {@code "new/<id>"} stays under the context
     * path, {@code "/new/<id>"} is the server's root (outside the context path, as in Werkzeug),
     * {@code "https://example.com/<id>"} is used as it is.
     * <pre>{@code
     * app.addUrlRule("/old/<int:id>", "old", RuleOptions.defaultOptions().redirectTo("new/<id>"));
     * // GET /app/old/5  ->  308, Location: http://host/app/new/5
     * }</pre>
     *
     * @param target write variables as {@code <name>}, without their converter; each must be a variable of the rule,
     *     else registration fails
     */
    public RuleOptions redirectTo(String target) {
        return new RuleOptions(methods, defaults, strictSlashes, mergeSlashes, provideAutomaticOptions, decorators,
                Objects.requireNonNull(target, "target == null"), null, alias, buildOnly);
    }

    /**
     * A copy whose rule redirects to what {@code target} returns for the matched values (Werkzeug:
     * {@code redirect_to} as a callable): the map holds the rule's variables, converted ({@code <int:id>} is an
     * {@code Integer}), and its defaults; the result is joined as for {@link #redirectTo(String)}. An exception it
     * throws is the request's error (a 500, or an error handler's answer).
     * <pre>{@code
     * RuleOptions.defaultOptions().redirectTo(values -> "/posts/" + slugs.get((Integer) values.get("id")))
     * }</pre>
     */
    public RuleOptions redirectTo(Function<Map<String, Object>, String> target) {
        return new RuleOptions(methods, defaults, strictSlashes, mergeSlashes, provideAutomaticOptions, decorators,
                null, Objects.requireNonNull(target, "target == null"), alias, buildOnly);
    }

    /**
     * A copy whose rule is (or is not) an alias (Werkzeug: {@code alias}): a request it matches gets {@code 308} to
     * the URL its endpoint builds for the same values, its canonical URL, with the query string kept; when
     * building ({@code urlFor}) an alias rule is tried after the endpoint's other rules. The endpoint needs a rule
     * that is not an alias, else startup fails.
     * <pre>{@code
     * @Route("/posts/<int:id>") String post(int id) { ... }
     * // in the constructor: the old URL answers 308 to /posts/<id>
     * addUrlRule("/p/<int:id>", "post", RuleOptions.defaultOptions().alias(true));
     * }</pre>
     */
    public RuleOptions alias(boolean alias) {
        return new RuleOptions(methods, defaults, strictSlashes, mergeSlashes, provideAutomaticOptions, decorators,
                redirectTo, redirectFunction, alias, buildOnly);
    }

    /**
     * A copy whose rule never matches a request and only builds URLs (Werkzeug: {@code build_only}): for
     * resources another server or the container serves, so that {@code urlFor} still writes their URLs.
     * <pre>{@code
     * app.addUrlRule("/media/<path:filename>", "media", RuleOptions.defaultOptions().buildOnly(true));
     * urlFor("media", "filename", "a.png")   // /media/a.png; a request to it is not the app's (404)
     * }</pre>
     */
    public RuleOptions buildOnly(boolean buildOnly) {
        return new RuleOptions(methods, defaults, strictSlashes, mergeSlashes, provideAutomaticOptions, decorators,
                redirectTo, redirectFunction, alias, buildOnly);
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

    boolean isMergeSlashes() {
        return mergeSlashes;
    }

    /** The explicit choice, or null to follow config {@code PROVIDE_AUTOMATIC_OPTIONS}. */
    Boolean provideAutomaticOptionsOrNull() {
        return provideAutomaticOptions;
    }

    List<ViewDecorator> decoratorList() {
        return decorators;
    }

    String redirectTarget() {
        return redirectTo;
    }

    Function<Map<String, Object>, String> redirectFunction() {
        return redirectFunction;
    }

    boolean redirects() {
        return redirectTo != null || redirectFunction != null;
    }

    boolean isAlias() {
        return alias;
    }

    boolean isBuildOnly() {
        return buildOnly;
    }
}
