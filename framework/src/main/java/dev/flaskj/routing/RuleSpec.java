package dev.flaskj.routing;

import java.util.List;
import java.util.Map;

/** Stand-in until the routing package lands. */
public record RuleSpec(String rule, String endpoint, List<String> methods, Map<String, Object> defaults,
                       boolean strictSlashes, boolean mergeSlashes, boolean provideAutomaticOptions) {
    public RuleSpec {
        methods = methods == null || methods.isEmpty() ? List.of("GET") : List.copyOf(methods);
        defaults = defaults == null ? Map.of() : Map.copyOf(defaults);
    }

    public static RuleSpec of(String rule, String endpoint, String... methods) {
        return new RuleSpec(rule, endpoint, List.of(methods), Map.of(), true, true, true);
    }
}
