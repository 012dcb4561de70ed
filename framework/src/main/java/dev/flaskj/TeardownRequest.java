package dev.flaskj;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the annotated method when the request context is popped, always, even after an exception
 * (Flask: {@code @app.teardown_request}). The method takes one {@code Throwable} parameter: the unhandled
 * exception, or null. Its return value is ignored.
 * <pre>{@code
 * @TeardownRequest
 * void closeDb(Throwable exc) { Connection db = g().pop("db"); if (db != null) db.close(); }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface TeardownRequest {}
