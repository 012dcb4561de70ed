package dev.flaskj.routing;

import dev.flaskj.internal.PercentEncoding;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Builds URLs for endpoints: Flask's {@code url_for} after the endpoint has been resolved.
 *
 * <p>Flask: {@code Flask.url_for}; Werkzeug: {@code MapAdapter.build}. Behaviour, as Werkzeug 3.x
 * builds:
 * <ul>
 *   <li>the special keys {@code _external} (Boolean), {@code _anchor}, {@code _method} and {@code _scheme} are
 *       taken out of the values; null values are dropped;</li>
 *   <li>the endpoint's rules are tried in Werkzeug's build order (more arguments, then more defaults first;
 *       rules allowing GET first unless {@code _method} is given); a rule fits when every variable has a value
 *       or default and given values equal its defaults;</li>
 *   <li>values the rule doesn't use become the query string in the given order (a collection or array repeats
 *       the key);</li>
 *   <li>path text keeps {@code A-Za-z0-9_.-~!$&'()*+,/:;=@}; query text turns space into {@code +} and keeps
 *       {@code A-Za-z0-9_.-~!$'()*,/:;?@}; the anchor keeps {@code A-Za-z0-9_.-~%!#$&'()*+,/:;=?@} (Werkzeug
 *       3.x).</li>
 * </ul>
 * <pre>{@code
 * UrlBuilder urls = new UrlBuilder(map);
 * urls.urlFor("profile", Map.of("username", "John Doe"), new UrlContext("http", "localhost", "/app"), false);
 * // "/app/user/John%20Doe"
 * }</pre>
 */
public final class UrlBuilder {
    private final UrlMap map;

    /** A builder for the rules of {@code map}. */
    public UrlBuilder(UrlMap map) {
        this.map = Objects.requireNonNull(map, "map == null");
    }

    /**
     * Builds the URL for {@code endpoint}.
     *
     * @param values          the view values plus the special keys; may be empty
     * @param ctx             scheme, host and script root to build against
     * @param externalDefault whether the URL is absolute when {@code _external} is not given: Flask uses true
     *                        outside a request and false inside one (where {@code _scheme} alone implies
     *                        {@code _external})
     * @return {@code scriptRoot + path [+ ?query] [+ #anchor]}, prefixed with {@code scheme://host} when external
     * @throws UrlBuildException        if no rule fits (Werkzeug's {@code BuildError})
     * @throws IllegalArgumentException for {@code _scheme} with {@code _external=False} (Flask's
     *                                  {@code ValueError}), or a value a converter rejects
     */
    public String urlFor(String endpoint, Map<String, ?> values, UrlContext ctx, boolean externalDefault) {
        Objects.requireNonNull(endpoint, "endpoint == null");
        Objects.requireNonNull(ctx, "ctx == null");
        Map<String, Object> rest = new LinkedHashMap<>();
        Object external = null;
        Object anchor = null;
        Object method = null;
        Object scheme = null;
        if (values != null) {
            for (Map.Entry<String, ?> e : values.entrySet()) {
                switch (e.getKey()) {
                    case "_external" -> external = e.getValue();
                    case "_anchor" -> anchor = e.getValue();
                    case "_method" -> method = e.getValue();
                    case "_scheme" -> scheme = e.getValue();
                    default -> rest.put(e.getKey(), e.getValue());
                }
            }
        }
        // Flask 3.x url_for: inside a request, _scheme alone makes the URL external; outside it is external anyway.
        boolean isExternal = external != null ? PyArgs.truthy(external) : externalDefault || scheme != null;
        if (scheme != null && !isExternal) {
            throw new IllegalArgumentException("When specifying '_scheme', '_external' must be True.");
        }
        String path = map.build(endpoint, rest, method == null ? null : PyText.str(method), true);
        String url = isExternal ? absolute(path, ctx, scheme) : root(ctx) + "/" + stripLeadingSlashes(path);
        return anchor == null ? url : url + "#" + PercentEncoding.encodeFragment(PyText.str(anchor));
    }

    private static String absolute(String path, UrlContext ctx, Object schemeOverride) {
        String scheme = schemeOverride != null ? PyText.str(schemeOverride) : ctx.scheme();
        // Werkzeug MapAdapter.build: any scheme other than https/wss becomes http; no scheme → "//host/...".
        String prefix = scheme.isEmpty() ? "" : (scheme.equals("https") || scheme.equals("wss") ? "https:" : "http:");
        return prefix + "//" + ctx.host() + root(ctx) + "/" + stripLeadingSlashes(path);
    }

    private static String root(UrlContext ctx) {
        String root = ctx.scriptRoot();
        int end = root.length();
        while (end > 0 && root.charAt(end - 1) == '/') {
            end--;
        }
        return root.substring(0, end);
    }

    private static String stripLeadingSlashes(String path) {
        int i = 0;
        while (i < path.length() && path.charAt(i) == '/') {
            i++;
        }
        return path.substring(i);
    }
}
