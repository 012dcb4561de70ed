package dev.flaskj;

/**
 * A template filter (Flask: a function registered with {@code app.template_filter}): transforms a value, with
 * optional arguments. Register it with {@link Flask#templateFilter} or {@link Blueprint#appTemplateFilter}, or
 * annotate a method with {@link AsTemplateFilter}; a Thymeleaf template calls it as
 * {@code ${#flask.filter('name', value, arg1, arg2)}} (Jinja: {@code value|name(arg1, arg2)}).
 *
 * <p>Filters run on request threads concurrently: keep them free of shared mutable state.
 */
@FunctionalInterface
public interface TemplateFilter {
    /**
     * The filtered value.
     *
     * @param value the value before the filter (may be null)
     * @param args the arguments after it, as the template passed them; empty when none
     * @throws Exception to fail the render: it becomes a {@code TemplateException} naming the template and line
     */
    Object apply(Object value, Object... args) throws Exception;
}
