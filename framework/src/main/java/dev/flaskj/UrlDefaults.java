package dev.flaskj;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Registers the annotated method {@code (String endpoint, Map<String, Object> values)} as a URL defaults function
 * (Flask: {@code @app.url_defaults}); see {@link Scaffold#urlDefaults}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface UrlDefaults {}
