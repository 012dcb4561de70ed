package dev.flaskj;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes the annotated method a template filter (Flask: {@code @app.template_filter("name")}); on a
 * {@link Blueprint}, an app-wide one registered when the blueprint is (Flask: {@code app_template_filter}). The first
 * parameter receives the value, the others the template's arguments in order (a varargs last parameter takes the
 * rest); the return value is the filtered value.
 * <pre>{@code
 * @AsTemplateFilter("reverse")
 * String reverse(String s) { return new StringBuilder(s).reverse().toString(); }
 * // <span th:text="${#flask.filter('reverse', name)}"></span>
 * }</pre>
 * A template passing the wrong number of arguments, or a value of another type, fails its render with a message
 * naming the filter.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AsTemplateFilter {
    /** The filter's name; empty: the method's name (Flask's default). */
    String value() default "";
}
