package dev.flaskj;

import java.util.Map;

/**
 * A function that fills in values before {@code urlFor} builds a URL (Flask: {@code url_defaults}), e.g. the
 * current language for every endpoint that expects one:
 * <pre>{@code
 * urlDefaults((endpoint, values) -> {
 *     if (!values.containsKey("lang_code") && currentApp().urlMap().isEndpointExpecting(endpoint, "lang_code")) {
 *         values.put("lang_code", g().get("lang_code"));
 *     }
 * });
 * }</pre>
 */
@FunctionalInterface
public interface UrlDefaultsFunction {
    /**
     * @param endpoint the endpoint being built, with a leading {@code .} already resolved to the blueprint
     * @param values the values {@code urlFor} was given, mutable, without {@code _external}, {@code _anchor},
     *     {@code _method} and {@code _scheme}; the URL is built from this map afterwards
     */
    void apply(String endpoint, Map<String, Object> values) throws Exception;
}
