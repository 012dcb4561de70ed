package dev.flaskj.routing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the user asked for when registering a route: the rule string and its options, before compilation.
 *
 * <p>Werkzeug/Flask: the arguments of {@code Rule(...)} as Flask's {@code add_url_rule} passes them.
 * <pre>{@code
 * RuleSpec.of("/user/<username>", "show_user", "GET", "POST")
 * new RuleSpec("/d/", "dpage", List.of(), Map.of("page", 1), true, true, true)
 * }</pre>
 *
 * @param rule                    the rule string, e.g. {@code /post/<int:id>}; must start with {@code /}
 * @param endpoint                the endpoint name
 * @param methods                 the HTTP methods; null or empty means {@code GET}. Upper-cased, duplicates removed
 * @param defaults                values for the view that the URL does not carry; null means none. Copied, order
 *                                kept, null values allowed
 * @param strictSlashes           Werkzeug's {@code strict_slashes}: redirect {@code /x} to a {@code /x/} rule and 404
 *                                {@code /x/} for a {@code /x} rule; false matches both
 * @param mergeSlashes            Werkzeug's {@code merge_slashes}: {@code //} in the rule is merged, and a request with
 *                                {@code //} that matches only after merging is redirected; false makes it a 404
 * @param provideAutomaticOptions Flask's {@code provide_automatic_options}: add {@code OPTIONS} (answered by the
 *                                app) unless the user listed it
 * @param redirectTo              Werkzeug's {@code redirect_to} as a string, or null: a match answers 308 to this
 *                                target with the rule's {@code <name>} variables put in (each through its
 *                                converter's {@code toUrl}), joined against the script root as a relative URL is
 *                                ({@code "new/<id>"} stays under the script root, {@code "/new/<id>"} is the
 *                                server's root, {@code "https://..."} is absolute); the query string is dropped
 * @param redirectFunction        Werkzeug's {@code redirect_to} as a callable, or null: called with the matched
 *                                values (converted, defaults included) and returns the target, joined as above
 * @param alias                   Werkzeug's {@code alias}: a match answers 308 to the URL the endpoint builds for
 *                                the matched values (an alias rule is tried last when building), query kept
 * @param buildOnly               Werkzeug's {@code build_only}: the rule never matches a request, it only builds
 *                                URLs (resources served elsewhere, e.g. a CDN)
 */
public record RuleSpec(String rule, String endpoint, List<String> methods, Map<String, Object> defaults,
                       boolean strictSlashes, boolean mergeSlashes, boolean provideAutomaticOptions,
                       String redirectTo, Function<Map<String, Object>, String> redirectFunction, boolean alias,
                       boolean buildOnly) {

    /** Validates, upper-cases the methods and copies the collections. */
    public RuleSpec {
        Objects.requireNonNull(rule, "rule == null");
        Objects.requireNonNull(endpoint, "endpoint == null");
        methods = normalizeMethods(methods);
        defaults = defaults == null || defaults.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(defaults));
        if (redirectTo != null && redirectFunction != null) {
            throw new IllegalArgumentException("rule " + PyText.repr(rule) + ": give redirectTo a string or a"
                    + " function, not both");
        }
    }

    /** A rule that neither redirects nor is an alias or build-only (the common case). */
    public RuleSpec(String rule, String endpoint, List<String> methods, Map<String, Object> defaults,
                    boolean strictSlashes, boolean mergeSlashes, boolean provideAutomaticOptions) {
        this(rule, endpoint, methods, defaults, strictSlashes, mergeSlashes, provideAutomaticOptions, null, null,
                false, false);
    }

    /** Whether a match redirects ({@link #redirectTo} or {@link #redirectFunction} given). */
    public boolean redirects() {
        return redirectTo != null || redirectFunction != null;
    }

    /** A rule with Flask's defaults: strict and merged slashes, automatic OPTIONS, no defaults. */
    public static RuleSpec of(String rule, String endpoint, String... methods) {
        return new RuleSpec(rule, endpoint, List.of(methods), Map.of(), true, true, true);
    }

    private static List<String> normalizeMethods(List<String> methods) {
        if (methods == null || methods.isEmpty()) {
            return List.of("GET"); // Flask: methods default to ("GET",)
        }
        List<String> upper = new ArrayList<>(methods.size());
        for (String method : methods) {
            String m = Objects.requireNonNull(method, "method == null").toUpperCase(Locale.ROOT);
            if (!upper.contains(m)) {
                upper.add(m);
            }
        }
        return List.copyOf(upper);
    }
}
