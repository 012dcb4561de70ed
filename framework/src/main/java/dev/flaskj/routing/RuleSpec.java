package dev.flaskj.routing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

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
 */
public record RuleSpec(String rule, String endpoint, List<String> methods, Map<String, Object> defaults,
                       boolean strictSlashes, boolean mergeSlashes, boolean provideAutomaticOptions) {

    /** Validates, upper-cases the methods and copies the collections. */
    public RuleSpec {
        Objects.requireNonNull(rule, "rule == null");
        Objects.requireNonNull(endpoint, "endpoint == null");
        methods = normalizeMethods(methods);
        defaults = defaults == null || defaults.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(defaults));
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
