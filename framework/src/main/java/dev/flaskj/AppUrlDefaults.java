package dev.flaskj;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@link Blueprint}, registers the annotated method {@code (String endpoint, Map<String, Object> values)} as a
 * URL defaults function for every {@code urlFor} of the app (Flask: {@code @bp.app_url_defaults}). On a
 * {@link Flask} app it is a startup error: use {@link UrlDefaults} there.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AppUrlDefaults {}
