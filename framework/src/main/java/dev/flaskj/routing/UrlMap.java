package dev.flaskj.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The URL map of an application: its rules and converters, the matcher for requests and URL building.
 *
 * <p>Werkzeug: {@code werkzeug.routing.Map} together with the request-independent parts of {@code MapAdapter}.
 * Rules are added at startup; {@link #freeze()} (called by the app before its first request, or implicitly by
 * the first {@link #match}) builds the matcher, after which the map is read-only and safe to share between
 * threads.
 * <pre>{@code
 * UrlMap map = new UrlMap();
 * map.add(RuleSpec.of("/post/<int:id>", "show_post"));
 * map.freeze();
 * map.match("/post/42", "GET");   // Matched(rule=/post/<int:id>, arguments={id=42})
 * map.match("/post/x", "GET");    // NoMatch
 * }</pre>
 * Matching costs the depth of the path, not the number of rules: literal segments are hash lookups and only the
 * dynamic edges of the states on the way are tried.
 */
public final class UrlMap {
    private static final Comparator<Rule> BUILD_ORDER =
            Comparator.comparing(Rule::buildCompareKey, Arrays::compare);

    private final Converters converters = new Converters();
    private final List<Rule> rules = new ArrayList<>();
    private final Map<String, List<Rule>> byEndpoint = new LinkedHashMap<>();
    private volatile Frozen frozen;

    /** The frozen state: the matcher and the endpoint → rules index in build order. */
    private record Frozen(StateMachineMatcher matcher, Map<String, List<Rule>> byEndpoint) {
    }

    /** An empty map with Werkzeug's default converters. */
    public UrlMap() {
    }

    /** This map's converter registry; register custom converters before adding rules that use them. */
    public Converters converters() {
        return converters;
    }

    /**
     * Compiles and adds a rule.
     *
     * @throws RuleSyntaxException   if the rule is malformed (missing leading slash, bad placeholder, unknown
     *                               converter, unparsable converter argument, a variable used twice)
     * @throws IllegalStateException after {@link #freeze()}
     */
    public synchronized Rule add(RuleSpec spec) {
        Objects.requireNonNull(spec, "spec == null");
        if (frozen != null) {
            throw new IllegalStateException("setup method called after the first request: rule "
                    + PyText.repr(spec.rule()) + " cannot be added because the URL map is frozen. Make sure all"
                    + " routes are registered before the application handles requests.");
        }
        Rule rule = new Rule(spec, converters);
        rules.add(rule);
        byEndpoint.computeIfAbsent(rule.endpoint(), e -> new ArrayList<>()).add(rule);
        return rule;
    }

    /**
     * Removes every rule of {@code endpoint}; for moving a rule during setup (the app's static route when its URL
     * path or folder is set).
     *
     * @throws IllegalStateException after {@link #freeze()}
     */
    public synchronized void removeEndpoint(String endpoint) {
        if (frozen != null) {
            throw new IllegalStateException("the URL map is frozen: rules of " + PyText.repr(endpoint)
                    + " cannot be removed after the first request");
        }
        List<Rule> removed = byEndpoint.remove(endpoint);
        if (removed != null) {
            rules.removeAll(removed);
        }
    }

    /** All rules in registration order (for route listings). */
    public synchronized List<Rule> rules() {
        return List.copyOf(rules);
    }

    /** The rules of {@code endpoint} in registration order; empty if none. */
    public synchronized List<Rule> rules(String endpoint) {
        return List.copyOf(byEndpoint.getOrDefault(endpoint, List.of()));
    }

    /**
     * Whether a rule of {@code endpoint} has all of {@code arguments} among its variables or defaults (Werkzeug:
     * {@code Map.is_endpoint_expecting}); what a URL defaults function asks before adding a value.
     */
    public synchronized boolean isEndpointExpecting(String endpoint, String... arguments) {
        for (Rule r : byEndpoint.getOrDefault(endpoint, List.of())) {
            boolean all = true;
            for (String a : arguments) {
                all &= r.arguments().contains(a) || r.defaults().containsKey(a);
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    /**
     * Checks what only the whole map can tell: every alias rule's endpoint has a rule that is not an alias, the
     * canonical URL an alias redirects to (else each request to the alias would redirect to itself, which
     * Werkzeug asserts against only when the request comes). The app calls it at startup; {@link #freeze()} too.
     *
     * @throws IllegalArgumentException naming the alias rule
     */
    public synchronized void check() {
        for (Rule rule : rules) {
            if (rule.alias() && byEndpoint.get(rule.endpoint()).stream().allMatch(Rule::alias)) {
                throw new IllegalArgumentException("URL rule " + PyText.repr(rule.rule()) + " is an alias of"
                        + " endpoint " + PyText.repr(rule.endpoint()) + ", which has no other rule: an alias"
                        + " redirects to the endpoint's canonical (non-alias) rule, so add that rule, or drop"
                        + " alias(true)");
            }
        }
    }

    /** Whether {@link #freeze()} has run. */
    public boolean isFrozen() {
        return frozen != null;
    }

    /** Builds the matcher; later {@link #add} calls fail. Calling it again does nothing. */
    public synchronized void freeze() {
        if (frozen != null) {
            return;
        }
        StateMachineMatcher matcher = new StateMachineMatcher();
        check();
        for (Rule rule : rules) {
            if (!rule.buildOnly()) { // Werkzeug: Map.add leaves build-only rules out of the matcher
                matcher.add(rule);
            }
        }
        matcher.sort();
        converters.freeze();
        frozen = new Frozen(matcher, sortedByEndpoint());
    }

    /**
     * Matches a request path and method.
     *
     * @param path   the percent-decoded request path without the script root; may be empty or lack the leading
     *               slash (leading slashes are collapsed, as Werkzeug does)
     * @param method the request method, upper case
     * @return never null; this method never throws for any path, however malformed or long
     */
    public MatchResult match(String path, String method) {
        Frozen f = frozenState();
        try {
            return f.matcher().match(Objects.requireNonNullElse(path, ""), Objects.requireNonNullElse(method, ""),
                    f.byEndpoint());
        } catch (StackOverflowError e) {
            // Only a pathological custom converter regex on a huge path can recurse this deep: treat as no match.
            return new MatchResult.NoMatch();
        }
    }

    /**
     * The union of the methods of all rules that match {@code path}, sorted; empty if none (Werkzeug:
     * {@code MapAdapter.allowed_methods}, used for the automatic OPTIONS response's {@code Allow}).
     */
    public Set<String> allowedMethods(String path) {
        MatchResult r = match(path, StateMachineMatcher.NO_METHOD);
        if (r instanceof MatchResult.MethodMismatch mm) {
            return Collections.unmodifiableSet(new LinkedHashSet<>(mm.allowed()));
        }
        return Set.of();
    }

    /**
     * Builds the path (and query) for {@code endpoint}: Werkzeug's {@code MapAdapter.build} without host and
     * script root.
     *
     * @param values        the values; null values are dropped first
     * @param method        only rules allowing this method qualify; null tries rules allowing GET first, then any
     * @param appendUnknown put values the rule does not use into the query string
     * @return the percent-encoded path starting with {@code /}, plus {@code ?query}
     * @throws UrlBuildException        if no rule of the endpoint fits (Werkzeug's {@code BuildError} message)
     * @throws IllegalArgumentException if a converter rejects a value (e.g. {@code any})
     */
    public String build(String endpoint, Map<String, ?> values, String method, boolean appendUnknown) {
        Objects.requireNonNull(endpoint, "endpoint == null");
        Map<String, Object> present = new LinkedHashMap<>();
        if (values != null) {
            values.forEach((k, v) -> {
                if (v != null) {
                    present.put(k, v);
                }
            });
        }
        Map<String, List<Rule>> index = buildIndex();
        List<Rule> candidates = index.getOrDefault(endpoint, List.of());
        // Werkzeug: _partial_build tries the default method (GET) first when no method is given.
        Rule rule = method == null ? firstSuitable(candidates, present, "GET") : null;
        if (rule == null) {
            rule = firstSuitable(candidates, present, method);
        }
        if (rule == null) {
            throw BuildErrors.create(endpoint, present, method, index);
        }
        return rule.build(present, appendUnknown);
    }

    private static Rule firstSuitable(List<Rule> candidates, Map<String, Object> values, String method) {
        for (Rule rule : candidates) {
            if (rule.suitableFor(values, method)) {
                return rule;
            }
        }
        return null;
    }

    private Frozen frozenState() {
        Frozen f = frozen;
        if (f == null) {
            freeze();
            f = frozen;
        }
        return f;
    }

    private Map<String, List<Rule>> buildIndex() {
        Frozen f = frozen;
        if (f != null) {
            return f.byEndpoint();
        }
        synchronized (this) {
            return sortedByEndpoint(); // not frozen yet (url_for in a test context during setup): sort a copy
        }
    }

    /** Werkzeug: Map.update sorts each endpoint's rules by build_compare_key (stable). */
    private Map<String, List<Rule>> sortedByEndpoint() {
        Map<String, List<Rule>> sorted = new LinkedHashMap<>();
        byEndpoint.forEach((endpoint, list) -> {
            List<Rule> copy = new ArrayList<>(list);
            copy.sort(BUILD_ORDER);
            sorted.put(endpoint, List.copyOf(copy));
        });
        return Collections.unmodifiableMap(sorted);
    }
}
