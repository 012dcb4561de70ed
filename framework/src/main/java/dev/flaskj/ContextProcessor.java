package dev.flaskj;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes the annotated no-argument method, which returns a {@code Map<String, ?>}, a context processor (Flask:
 * {@code @app.context_processor}): its entries are variables of every template the app renders, or, on a
 * {@link Blueprint}, of the templates rendered for requests that blueprint handles.
 * <pre>{@code
 * @ContextProcessor
 * Map<String, Object> site() { return Map.of("siteName", "Flaskr"); }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ContextProcessor {}
