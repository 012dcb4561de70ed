package dev.flaskj.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Stand-in until the routing package lands: a linear scan. */
public final class UrlMap {
    private final List<Rule> rules = new ArrayList<>();
    private volatile boolean frozen;

    public Rule add(RuleSpec spec) {
        if (frozen) {
            throw new IllegalStateException("rule added after the first request: " + spec.rule());
        }
        if (!spec.rule().startsWith("/")) {
            throw new IllegalArgumentException("URL rule '" + spec.rule() + "' must start with a slash.");
        }
        Rule rule = new Rule(spec);
        rules.add(rule);
        return rule;
    }

    public List<Rule> rules() {
        return List.copyOf(rules);
    }

    public void freeze() {
        frozen = true;
    }

    public MatchResult match(String path, String method) {
        Set<String> allowed = new TreeSet<>();
        for (Rule rule : rules) {
            Map<String, Object> values = rule.match(path);
            if (values != null) {
                if (rule.methods().contains(method)) {
                    return new MatchResult.Matched(rule, values);
                }
                allowed.addAll(rule.methods());
            }
        }
        return allowed.isEmpty() ? new MatchResult.NoMatch() : new MatchResult.MethodMismatch(List.copyOf(allowed));
    }

    public Set<String> allowedMethods(String path) {
        Set<String> allowed = new TreeSet<>();
        for (Rule rule : rules) {
            if (rule.match(path) != null) {
                allowed.addAll(rule.methods());
            }
        }
        return allowed;
    }
}
