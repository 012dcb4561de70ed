package dev.flaskj;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@link Blueprint}, runs the annotated no-argument method before every request of the app, not only the
 * blueprint's (Flask: {@code @bp.before_app_request}); {@link Blueprint#beforeAppRequest} is its programmatic twin.
 * On a {@link Flask} app it is a startup error: use {@link BeforeRequest} there.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BeforeAppRequest {}
