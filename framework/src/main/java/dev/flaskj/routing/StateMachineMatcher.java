package dev.flaskj.routing;

import dev.flaskj.internal.PercentEncoding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;

/**
 * The trie of rule parts that {@link UrlMap} matches request paths against.
 *
 * <p>Werkzeug 3.x: {@code routing/matcher.py StateMachineMatcher}: a state machine over the path segments, static
 * parts before converters, the lowest weight wins.
 * Each state has literal edges (a hash lookup by segment text) and dynamic edges sorted by {@link Weight}; matching
 * is depth-first with backtracking. Unlike Werkzeug, no exception is used for control flow and every regex is
 * compiled when the rule is added. Built once, then read-only: safe for concurrent {@link #match}.
 */
final class StateMachineMatcher {
    /** One trie node: Werkzeug's {@code State}. */
    static final class State {
        final StaticEdges statics = new StaticEdges();
        final List<Edge> dynamic = new ArrayList<>(2);
        final List<Rule> rules = new ArrayList<>(1);
    }

    /** A dynamic transition. */
    record Edge(RulePart part, State target) {
    }

    /** A method no rule can have: used to collect every rule's methods for {@code allowed_methods}. */
    static final String NO_METHOD = "--";

    private final State root = new State();

    void add(Rule rule) {
        State state = root;
        for (RulePart part : rule.parts()) {
            state = part.isStatic() ? staticChild(state, part.text()) : dynamicChild(state, part);
        }
        state.rules.add(rule);
    }

    /** Sorts every state's dynamic edges by weight; stable, so registration order breaks ties. */
    void sort() {
        sort(root);
    }

    private static void sort(State state) {
        state.dynamic.sort(Comparator.comparing(edge -> edge.part().weight()));
        for (State next : state.statics.states()) {
            sort(next);
        }
        for (Edge edge : state.dynamic) {
            sort(edge.target());
        }
    }

    private static State staticChild(State state, String text) {
        State next = state.statics.get(text);
        if (next == null) {
            next = new State();
            state.statics.put(text, next);
        }
        return next;
    }

    private static State dynamicChild(State state, RulePart part) {
        for (Edge edge : state.dynamic) {
            if (edge.part().sameEdge(part)) {
                return edge.target();
            }
        }
        State next = new State();
        state.dynamic.add(new Edge(part, next));
        return next;
    }

    /**
     * Matches a decoded request path; never throws for any input.
     *
     * @param rulesByEndpoint the endpoint's rules in build order, for the canonical-URL (defaults) redirect
     */
    MatchResult match(String path, String method, Map<String, List<Rule>> rulesByEndpoint) {
        // Werkzeug: MapAdapter.match uses "/" + path_info.lstrip("/"), or "" for an empty path.
        Search first = new Search(normalize(path), method);
        Rule rule = first.find(root, 0);
        if (first.slashRequired) {
            return new MatchResult.Redirect(PercentEncoding.encodePath(first.path + "/"));
        }
        if (rule == null) {
            return mergedRetry(first);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        List<String> names = rule.arguments();
        List<Converter> converters = rule.converterList();
        for (int i = 0; i < names.size(); i++) {
            try {
                values.put(names.get(i), converters.get(i).toJava(first.values.get(i)));
            } catch (ValidationException e) {
                // Werkzeug: a ValidationError ends matching (404, or 405 when methods were seen); no fall-through.
                return first.failure();
            } catch (RuntimeException e) {
                // A custom converter that throws anything else must not turn bad input into a 500.
                return first.failure();
            }
        }
        values.putAll(rule.defaults());
        if (rule.alias()) {
            // Werkzeug: RequestAliasRedirect, raised by the matcher itself, before the defaults redirect.
            return aliasRedirect(rule, method, values, rulesByEndpoint);
        }
        MatchResult redirect = defaultsRedirect(rule, method, values, rulesByEndpoint);
        if (redirect != null) {
            return redirect;
        }
        return rule.redirects() ? new MatchResult.RuleRedirect(rule, values) : new MatchResult.Matched(rule, values);
    }

    /**
     * Werkzeug: {@code make_alias_redirect_url}: the URL the endpoint builds for the values and method, without
     * unknown values (aliases sort last for building, so another rule of the endpoint is the canonical one).
     */
    private static MatchResult aliasRedirect(Rule rule, String method, Map<String, Object> values,
                                             Map<String, List<Rule>> rulesByEndpoint) {
        for (Rule r : rulesByEndpoint.getOrDefault(rule.endpoint(), List.of())) {
            if (r.suitableFor(values, method)) {
                try {
                    return new MatchResult.Redirect(r.build(values, false));
                } catch (RuntimeException e) {
                    return new MatchResult.NoMatch(); // a converter refusing a matched value: nothing to build
                }
            }
        }
        return new MatchResult.NoMatch();
    }

    private MatchResult mergedRetry(Search first) {
        // Werkzeug 3.x: with merge_slashes, try again with "//" merged; a match redirects to the merged path
        // unless the rule has merge_slashes=False (then 404; 2.2 still redirected).
        if (!first.path.contains("//")) {
            return first.failure();
        }
        Search merged = new Search(first.path.replaceAll("/{2,}", "/"), first.method);
        merged.allowed = first.allowed;
        Rule rule = merged.find(root, 0);
        if (merged.slashRequired) {
            return new MatchResult.Redirect(PercentEncoding.encodePath(merged.path + "/"));
        }
        if (rule == null || !rule.mergeSlashes()) {
            return merged.failure();
        }
        return new MatchResult.Redirect(PercentEncoding.encodePath(merged.path));
    }

    /**
     * Werkzeug: {@code MapAdapter.get_default_redirect}. A rule of the same endpoint registered with defaults that
     * equal the matched values is the canonical URL: {@code /d/page/1} → {@code /d/}.
     */
    private static MatchResult defaultsRedirect(Rule rule, String method, Map<String, Object> values,
                                                Map<String, List<Rule>> rulesByEndpoint) {
        for (Rule r : rulesByEndpoint.getOrDefault(rule.endpoint(), List.of())) {
            if (r == rule) {
                break; // every rule after this one, including itself, has a lower priority for the defaults
            }
            if (r.providesDefaultsFor(rule) && r.suitableFor(values, method)) {
                Map<String, Object> merged = new LinkedHashMap<>(values);
                merged.putAll(r.defaults());
                return new MatchResult.Redirect(r.build(merged, true));
            }
        }
        return null;
    }

    private static String normalize(String path) {
        if (path.isEmpty()) {
            return path;
        }
        if (path.charAt(0) != '/') {
            return "/" + path;
        }
        int i = 1;
        while (i < path.length() && path.charAt(i) == '/') {
            i++;
        }
        return i == 1 ? path : path.substring(i - 1);
    }

    /**
     * The state of one depth-first search (Werkzeug's nested {@code _match} and its nonlocals). Segments are
     * regions of {@link #path}: a position {@code pos} in {@code [0, length]} starts a segment that ends at the
     * next slash; {@link #DONE} means no segments are left.
     */
    private static final class Search {
        static final int DONE = -1;

        final String path;
        final String method;
        final ArrayList<String> values = new ArrayList<>(4);
        Set<String> allowed;
        boolean slashRequired;

        Search(String path, String method) {
            this.path = path;
            this.method = method;
        }

        MatchResult failure() {
            return allowed == null ? new MatchResult.NoMatch() : new MatchResult.MethodMismatch(List.copyOf(allowed));
        }

        // Over 40 lines like Werkzeug's own _match: the three phases (end of path, literal edge, dynamic edges,
        // then the non-strict trailing-slash case) read best in one place.
        Rule find(State state, int pos) {
            if (pos == DONE) {
                return atEnd(state);
            }
            int end = path.indexOf('/', pos);
            if (end < 0) {
                end = path.length();
            }
            int next = end == path.length() ? DONE : end + 1;
            State literal = state.statics.get(path, pos, end);
            if (literal != null) {
                Rule rule = find(literal, next);
                if (rule != null || slashRequired) {
                    return rule;
                }
            }
            for (Edge edge : state.dynamic) {
                RulePart part = edge.part();
                // A final part (path converter) is matched against all remaining segments joined by "/".
                int targetEnd = part.isFinal() ? path.length() : end;
                Matcher m = part.pattern().matcher(path).region(pos, targetEnd);
                if (!m.matches()) {
                    continue;
                }
                int rest = part.isFinal() ? DONE : next;
                if (part.suffixed() && m.end(part.suffixGroup()) > m.start(part.suffixGroup())) {
                    rest = path.length(); // the optional trailing slash matched: one empty segment remains
                }
                int mark = values.size();
                for (int i = 0; i < part.converterCount(); i++) {
                    values.add(m.group(part.group(i)));
                }
                Rule rule = find(edge.target(), rest);
                if (rule != null || slashRequired) {
                    return rule;
                }
                values.subList(mark, values.size()).clear();
            }
            if (pos == path.length()) {
                // Only the trailing "" segment is left: rules here with strict_slashes=False match (§1.3 step 5).
                for (Rule rule : state.rules) {
                    if (!rule.strictSlashes() && accepts(rule)) {
                        return rule;
                    }
                }
            }
            return null;
        }

        private Rule atEnd(State state) {
            for (Rule rule : state.rules) {
                if (accepts(rule)) {
                    return rule;
                }
            }
            // The same path with a trailing slash has a rule for this method: redirect (strict) or serve it.
            State slash = state.statics.get("");
            if (slash != null) {
                for (Rule rule : slash.rules) {
                    if (rule.allows(method)) {
                        slashRequired = rule.strictSlashes();
                        return slashRequired ? null : rule;
                    }
                }
            }
            return null;
        }

        /** Whether the rule allows the method; if not, remember its methods for a 405. */
        private boolean accepts(Rule rule) {
            if (rule.allows(method)) {
                return true;
            }
            if (allowed == null) {
                allowed = new TreeSet<>();
            }
            allowed.addAll(rule.methods());
            return false;
        }
    }
}
