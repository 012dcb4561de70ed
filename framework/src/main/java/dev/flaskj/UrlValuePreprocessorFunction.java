package dev.flaskj;

import java.util.Map;

/**
 * A function that sees, and may change, a request's view arguments before the view binds them (Flask:
 * {@code url_value_preprocessor}). The classic use moves a shared prefix variable into {@code g}:
 * <pre>{@code
 * urlValuePreprocessor((endpoint, values) -> g().put("lang_code", values.remove("lang_code")));
 * }</pre>
 */
@FunctionalInterface
public interface UrlValuePreprocessorFunction {
    /**
     * @param endpoint the matched endpoint, or null when routing failed (404, 405, redirect)
     * @param values the request's view arguments, mutable; what is left when every preprocessor has run is what
     *     {@code request().viewArgs()} returns and what the view binds. Empty (and discarded) when routing failed.
     */
    void process(String endpoint, Map<String, Object> values) throws Exception;
}
