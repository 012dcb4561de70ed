package dev.flaskj.routing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Werkzeug's {@code BuildError} message, including the hint from the closest rule.
 *
 * <p>Werkzeug 3.x: {@code routing/exceptions.py BuildError.closest_rule} and {@code __str__}; the message
 * suggests the closest rule and the values it lacks. The closest rule maximises
 * {@code 0.98 * similarity(endpoints) + 0.01 * (values ⊆ arguments) + 0.01 * (method allowed)}, where similarity
 * is {@code difflib.SequenceMatcher.ratio()}; the first rule with the highest score wins.
 */
final class BuildErrors {
    private BuildErrors() {}

    static UrlBuildException create(String endpoint, Map<String, Object> values, String method,
                                    Map<String, List<Rule>> rulesByEndpoint) {
        StringBuilder msg = new StringBuilder("Could not build url for endpoint ").append(PyText.repr(endpoint));
        if (method != null && !method.isEmpty()) {
            msg.append(" (").append(PyText.repr(method)).append(')');
        }
        if (!values.isEmpty()) {
            msg.append(" with values ").append(PyText.reprList(new TreeSet<>(values.keySet())));
        }
        msg.append('.');
        Rule suggested = closest(endpoint, values.keySet(), method, rulesByEndpoint);
        if (suggested != null) {
            if (suggested.endpoint().equals(endpoint)) {
                if (method != null && !method.isEmpty() && !suggested.methods().contains(method)) {
                    msg.append(" Did you mean to use methods ").append(PyText.reprList(suggested.methods()))
                            .append('?');
                }
                Set<String> missing = new TreeSet<>(suggested.buildArguments());
                missing.removeAll(values.keySet());
                if (!missing.isEmpty()) {
                    msg.append(" Did you forget to specify values ").append(PyText.reprList(missing)).append('?');
                }
            } else {
                msg.append(" Did you mean ").append(PyText.repr(suggested.endpoint())).append(" instead?");
            }
        }
        return new UrlBuildException(endpoint, msg.toString());
    }

    private static Rule closest(String endpoint, Set<String> keys, String method,
                                Map<String, List<Rule>> rulesByEndpoint) {
        Rule best = null;
        double bestScore = 0;
        Map<String, Double> ratios = new HashMap<>();
        // Werkzeug iterates Map._rules: grouped by endpoint in first-registration order, each group in build order.
        for (List<Rule> group : rulesByEndpoint.values()) {
            for (Rule rule : group) {
                double ratio = ratios.computeIfAbsent(rule.endpoint(), e -> ratio(e, endpoint));
                // Same operations, in the same order, as Python's sum([...]) so that ties break identically.
                double score = 0.0 + 0.98 * ratio;
                score += rule.buildArguments().containsAll(keys) ? 0.01 : 0.0;
                score += method != null && rule.methods().contains(method) ? 0.01 : 0.0;
                if (best == null || score > bestScore) {
                    best = rule;
                    bestScore = score;
                }
            }
        }
        return best;
    }

    /**
     * {@code difflib.SequenceMatcher(None, a, b).ratio()}: {@code 2 * matches / (len(a) + len(b))}, where matches
     * come from recursively taking the longest common block. (difflib's "autojunk" only applies to sequences of
     * 200 or more characters, which endpoint names are not.)
     */
    static double ratio(String a, String b) {
        int total = a.length() + b.length();
        return total == 0 ? 1.0 : 2.0 * matches(a, 0, a.length(), b, new int[] {0, b.length()}) / total;
    }

    private static int matches(String a, int alo, int ahi, String b, int[] bRange) {
        int blo = bRange[0];
        int bhi = bRange[1];
        if (alo >= ahi || blo >= bhi) {
            return 0;
        }
        // difflib.find_longest_match: the first longest block by end position in a, then in b.
        int bestI = alo;
        int bestJ = blo;
        int bestSize = 0;
        int[] prev = new int[bhi - blo + 1];
        for (int i = alo; i < ahi; i++) {
            int[] cur = new int[bhi - blo + 1];
            for (int j = blo; j < bhi; j++) {
                if (a.charAt(i) == b.charAt(j)) {
                    int k = prev[j - blo] + 1;
                    cur[j - blo + 1] = k;
                    if (k > bestSize) {
                        bestI = i - k + 1;
                        bestJ = j - k + 1;
                        bestSize = k;
                    }
                }
            }
            prev = cur; // prev[j - blo] is then the run ending at (i - 1, j - 1)
        }
        if (bestSize == 0) {
            return 0;
        }
        return bestSize + matches(a, alo, bestI, b, new int[] {blo, bestJ})
                + matches(a, bestI + bestSize, ahi, b, new int[] {bestJ + bestSize, bhi});
    }
}
