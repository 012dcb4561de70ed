package dev.flaskj;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Registers the annotated method {@code (String endpoint, Map<String, Object> values)} as a URL value preprocessor
 * (Flask: {@code @app.url_value_preprocessor}); see {@link Scaffold#urlValuePreprocessor}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface UrlValuePreprocessor {}
