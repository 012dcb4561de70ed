package dev.flaskj.routing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of {@link UrlMap#match(String, String)}: a rule with its values, a redirect, a 405 or a 404.
 *
 * <p>Werkzeug: {@code MapAdapter.match} returns {@code (rule, values)} or raises {@code RequestRedirect},
 * {@code MethodNotAllowed} or {@code NotFound}; flaskj returns a value instead of throwing. Java 17 has no pattern
 * {@code switch}, so dispatch with {@code instanceof}:
 * <pre>{@code
 * MatchResult r = map.match(path, method);
 * if (r instanceof MatchResult.Matched m) { ... m.rule().endpoint(), m.arguments() ... }
 * else if (r instanceof MatchResult.Redirect redirect) { ... 308 to root + redirect.path() + query ... }
 * }</pre>
 */
public sealed interface MatchResult
        permits MatchResult.Matched, MatchResult.Redirect, MatchResult.MethodMismatch, MatchResult.NoMatch {

    /**
     * The request matched {@code rule}.
     *
     * @param rule      the matched rule
     * @param arguments the converted values in rule order, then the rule's defaults (unmodifiable; a default
     *                  value may be null)
     */
    record Matched(Rule rule, Map<String, Object> arguments) implements MatchResult {
        /** Copies the arguments. */
        public Matched {
            Objects.requireNonNull(rule, "rule == null");
            arguments = arguments.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
        }
    }

    /**
     * The canonical URL is elsewhere: answer 308 Permanent Redirect (strict slashes, merged slashes, defaults).
     *
     * @param path the new path, percent-encoded (Werkzeug 3.x path set), starting with {@code /}, without the
     *             script root and without a query: the app makes it absolute and appends the request's raw query
     */
    record Redirect(String path) implements MatchResult {
        /** Checks the path. */
        public Redirect {
            Objects.requireNonNull(path, "path == null");
        }
    }

    /**
     * The path matched, but no rule there allows the method: answer 405 with {@code Allow}.
     *
     * @param allowed the union of the methods of the rules that matched the path, sorted
     */
    record MethodMismatch(List<String> allowed) implements MatchResult {
        /** Copies the list. */
        public MethodMismatch {
            allowed = List.copyOf(allowed);
        }
    }

    /** Nothing matched: answer 404. */
    record NoMatch() implements MatchResult {
    }
}
