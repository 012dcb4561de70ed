package dev.flaskj;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Registers the annotated method as the handler for an HTTP error code or an exception class
 * (Flask: {@code @app.errorhandler}).
 * <pre>{@code
 * @ErrorHandler(404)
 * Object pageNotFound(HttpException e) { return makeResponse(renderTemplate("404.html"), 404); }
 *
 * @ErrorHandler(exception = SQLException.class)
 * Object dbDown(SQLException e) { return makeResponse("database unavailable", 503); }
 * }</pre>
 * The method takes no parameter, or one of a type the handled exception is assignable to. Give the status code
 * yourself, as in Flask; a plain return value is sent with 200. Lookup order: code handlers (blueprint, then app),
 * then exception-class handlers, most specific class first.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ErrorHandler {
    /** The HTTP status code handled, e.g. 404; 0 when {@link #exception()} is used. */
    int value() default 0;

    /** The exception class handled; unset ({@link None}) when {@link #value()} is used. */
    Class<? extends Throwable> exception() default None.class;

    /** The marker for "no exception class given"; never thrown. */
    final class None extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private None() {}
    }
}
