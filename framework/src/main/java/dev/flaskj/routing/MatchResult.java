package dev.flaskj.routing;

import java.util.List;
import java.util.Map;

/** Stand-in until the routing package lands. */
public sealed interface MatchResult
        permits MatchResult.Matched, MatchResult.Redirect, MatchResult.MethodMismatch, MatchResult.NoMatch {
    record Matched(Rule rule, Map<String, Object> arguments) implements MatchResult {}

    record Redirect(String path) implements MatchResult {}

    record MethodMismatch(List<String> allowed) implements MatchResult {}

    record NoMatch() implements MatchResult {}
}
