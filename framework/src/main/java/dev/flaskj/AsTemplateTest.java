package dev.flaskj;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes the annotated method a template test (Flask: {@code @app.template_test("name")}); on a
 * {@link Blueprint}, an app-wide one registered when the blueprint is (Flask: {@code app_template_test}). The first
 * parameter receives the value, the others the template's arguments in order (a varargs last parameter takes the
 * rest); it returns {@code boolean}.
 * <pre>{@code
 * @AsTemplateTest("prime")
 * boolean prime(int n) { return BigInteger.valueOf(n).isProbablePrime(20); }
 * // <span th:if="${#flask.test('prime', n)}">prime</span>
 * }</pre>
 * A template passing the wrong number of arguments, or a value of another type, fails its render with a message
 * naming the test.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AsTemplateTest {
    /** The test's name; empty: the method's name (Flask's default). */
    String value() default "";
}
