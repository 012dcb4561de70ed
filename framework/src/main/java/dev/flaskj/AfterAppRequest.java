package dev.flaskj;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@link Blueprint}, runs the annotated method ({@code Response} in, {@code Response} out) on the response of
 * every request of the app (Flask: {@code @bp.after_app_request}); see {@link Blueprint#afterAppRequest}. On a
 * {@link Flask} app it is a startup error: use {@link AfterRequest} there.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AfterAppRequest {}
