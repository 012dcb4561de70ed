package dev.flaskj;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the annotated no-argument method before every request (Flask: {@code @app.before_request}); on a
 * {@link Blueprint}, before the requests that blueprint handles. It runs even when routing failed (404, 405,
 * redirects). A non-null return value is used as the response and the view is skipped.
 * <pre>{@code
 * @BeforeRequest
 * Object loadUser() { g().put("user", session().get("user_id")); return null; }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BeforeRequest {}
