package dev.flaskj;

import java.util.Map;

/**
 * Adds variables to every template rendered while it applies (Flask: {@code context_processor}); see
 * {@link Scaffold#contextProcessor}.
 */
@FunctionalInterface
public interface ContextProcessorFunction {
    /** The variables to add; called on every render. Null adds nothing. */
    Map<String, ?> process() throws Exception;
}
