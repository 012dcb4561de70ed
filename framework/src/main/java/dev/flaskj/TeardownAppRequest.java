package dev.flaskj;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@link Blueprint}, runs the annotated method (no parameter, or one {@code Throwable}) when every request of
 * the app ends (Flask: {@code @bp.teardown_app_request}); see {@link Blueprint#teardownAppRequest}. On a
 * {@link Flask} app it is a startup error: use {@link TeardownRequest} there.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface TeardownAppRequest {}
