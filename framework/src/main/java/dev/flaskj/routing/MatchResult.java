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
public sealed interface MatchResult permits MatchResult.Matched, MatchResult.Redirect, MatchResult.RuleRedirect,
        MatchResult.MethodMismatch, MatchResult.NoMatch {

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
     * The request matched a rule with {@code redirectTo} (Werkzeug: {@code redirect_to}): answer 308 to
     * {@link #location(String)}, without the request's query string.
     *
     * @param rule      the matched rule ({@link Rule#redirects()})
     * @param arguments the converted values, then the rule's defaults (unmodifiable)
     */
    record RuleRedirect(Rule rule, Map<String, Object> arguments) implements MatchResult {
        /** Copies the arguments. */
        public RuleRedirect {
            Objects.requireNonNull(rule, "rule == null");
            arguments = Collections.unmodifiableMap(new LinkedHashMap<>(arguments));
        }

        /**
         * The absolute {@code Location}: the rule's target joined against {@code base} as Werkzeug's
         * {@code urljoin(scheme://host + script_name + "/", target)} does: a relative target stays under the script
         * root, one starting with {@code /} is the server's root, an absolute URL is kept.
         *
         * @param base {@code scheme://host} plus the script root (without a trailing slash) plus {@code /}
         * @throws RuntimeException whatever a redirect function throws
         */
        public String location(String base) {
            return join(base, rule.redirectTarget(arguments));
        }

        /** Python's {@code urljoin} for the targets a rule redirects to. */
        static String join(String base, String target) {
            if (target.isEmpty()) {
                return base;
            }
            if (hasScheme(target)) {
                return target;
            }
            try {
                return java.net.URI.create(base).resolve(target).toString();
            } catch (IllegalArgumentException notAUri) {
                // Characters a java.net.URI refuses (a space, non-ASCII): join as urljoin does, without normalising.
                int schemeEnd = base.indexOf("://");
                int pathStart = base.indexOf('/', schemeEnd + 3);
                if (target.startsWith("//")) {
                    return base.substring(0, schemeEnd + 1) + target;
                }
                if (target.startsWith("/")) {
                    return base.substring(0, pathStart) + target;
                }
                return base + target;
            }
        }

        private static boolean hasScheme(String target) {
            int colon = target.indexOf(':');
            if (colon <= 0 || !Character.isLetter(target.charAt(0)) || target.charAt(0) > 0x7f) {
                return false;
            }
            for (int i = 1; i < colon; i++) {
                char c = target.charAt(i);
                if (!(c < 0x80 && (Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.'))) {
                    return false;
                }
            }
            return true;
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
