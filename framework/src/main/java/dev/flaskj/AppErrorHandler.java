package dev.flaskj;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@link Blueprint}, registers the annotated method as an app-wide handler for an HTTP error code or an
 * exception class: it answers errors of every request, not only the blueprint's (Flask: {@code @bp.app_errorhandler}).
 * Same attributes and method shapes as {@link ErrorHandler}; see {@link Blueprint#appErrorHandler(int,
 * ErrorHandlerFunction)}. On a {@link Flask} app it is a startup error: use {@link ErrorHandler} there.
 * <pre>{@code
 * @AppErrorHandler(404)
 * Object notFound(HttpException e) { return makeResponse(renderTemplate("404.html"), 404); }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AppErrorHandler {
    /** The HTTP status code handled, e.g. 404; 0 when {@link #exception()} is used. */
    int value() default 0;

    /** The exception class handled; unset ({@link ErrorHandler.None}) when {@link #value()} is used. */
    Class<? extends Throwable> exception() default ErrorHandler.None.class;
}
