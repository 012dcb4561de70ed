package dev.flaskj;

/**
 * A template test (Flask: a function registered with {@code app.template_test}): a yes/no question about a value.
 * Register it with {@link Flask#templateTest} or {@link Blueprint#appTemplateTest}, or annotate a method with
 * {@link AsTemplateTest}; a Thymeleaf template calls it as {@code ${#flask.test('name', value, args...)}}, e.g.
 * {@code th:if="${#flask.test('prime', n)}"} (Jinja: {@code n is prime}).
 */
@FunctionalInterface
public interface TemplateTest {
    /**
     * Whether {@code value} passes the test.
     *
     * @param args the arguments the template passed after the value; empty when none
     * @throws Exception to fail the render: it becomes a {@code TemplateException} naming the template and line
     */
    boolean test(Object value, Object... args) throws Exception;
}
