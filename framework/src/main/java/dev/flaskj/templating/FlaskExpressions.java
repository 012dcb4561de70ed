package dev.flaskj.templating;

import dev.flaskj.FlashMessage;
import dev.flaskj.Flask;
import dev.flaskj.Markup;
import dev.flaskj.TemplateFilter;
import dev.flaskj.TemplateTest;
import dev.flaskj.internal.Throwables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code #flask} object in templates: {@code url_for}, {@code get_flashed_messages}, {@code config},
 * MarkupSafe's {@code escape} (Flask: the Jinja globals the app adds to every template), and the app's registered
 * template filters and tests ({@code filter('name', value, args...)}, {@code test('name', value, args...)}).
 *
 * <pre>{@code
 * <a th:href="${#flask.urlFor('profile', 'username', user.name)}">profile</a>
 * <p th:each="f : ${#flask.flashedMessagesWithCategories()}" th:class="${f.category}" th:text="${f.message}"></p>
 * <span th:if="${#flask.config('DEBUG')}">debug</span>
 * }</pre>
 * {@code urlFor} takes key/value pairs (up to three) or a map ({@code #{'page': 2}}), as {@code Flask.urlFor}.
 * Methods that need a request throw Flask's "Working outside of request context" outside one.
 */
public final class FlaskExpressions {
    private final Flask app;

    FlaskExpressions(Flask app) {
        this.app = app;
    }

    /** Flask: {@code url_for(endpoint)}. */
    public String urlFor(String endpoint) {
        return Flask.urlFor(endpoint);
    }

    /** Flask: {@code url_for(endpoint, k=v)}. */
    public String urlFor(String endpoint, String k, Object v) {
        return Flask.urlFor(endpoint, k, v);
    }

    /** Flask: {@code url_for(endpoint, k1=v1, k2=v2)}. */
    public String urlFor(String endpoint, String k1, Object v1, String k2, Object v2) {
        return Flask.urlFor(endpoint, k1, v1, k2, v2);
    }

    /** Flask: {@code url_for(endpoint, k1=v1, k2=v2, k3=v3)}. */
    public String urlFor(String endpoint, String k1, Object v1, String k2, Object v2, String k3, Object v3) {
        return Flask.urlFor(endpoint, k1, v1, k2, v2, k3, v3);
    }

    /** Flask: {@code url_for(endpoint, **values)}; the map's order is the query order. */
    public String urlFor(String endpoint, Map<String, ?> values) {
        return Flask.urlFor(endpoint, new LinkedHashMap<>(values));
    }

    /** Flask: {@code get_flashed_messages()}. */
    public List<String> flashedMessages() {
        return Flask.getFlashedMessages();
    }

    /** Flask: {@code get_flashed_messages(category_filter=[category])}. */
    public List<String> flashedMessages(String category) {
        return Flask.getFlashedMessages(category);
    }

    /** Flask: {@code get_flashed_messages(category_filter=categories)}, e.g. {@code {'error', 'warning'}}. */
    public List<String> flashedMessages(List<String> categories) {
        return Flask.getFlashedMessages(categories.toArray(new String[0]));
    }

    /** Flask: {@code get_flashed_messages(with_categories=true)}; each has {@code category} and {@code message}. */
    public List<FlashMessage> flashedMessagesWithCategories() {
        return Flask.getFlashedMessagesWithCategories();
    }

    /** Flask: {@code get_flashed_messages(with_categories=true, category_filter=[category])}. */
    public List<FlashMessage> flashedMessagesWithCategories(String category) {
        return Flask.getFlashedMessagesWithCategories(category);
    }

    /** Flask: {@code get_flashed_messages(with_categories=true, category_filter=categories)}. */
    public List<FlashMessage> flashedMessagesWithCategories(List<String> categories) {
        return Flask.getFlashedMessagesWithCategories(categories.toArray(new String[0]));
    }

    /** Flask: {@code config[key]}; null when absent. */
    public Object config(String key) {
        return app.config().get(key);
    }

    /**
     * Applies the app's template filter {@code name} to {@code value} (Jinja: {@code value|name}); see
     * {@link Flask#templateFilter}. Overloads take up to four arguments after the value.
     *
     * @throws IllegalArgumentException {@code No filter named 'name'.} when none is registered
     */
    public Object filter(String name, Object value) {
        return applyFilter(name, value);
    }

    /** Jinja: {@code value|name(a1)}. */
    public Object filter(String name, Object value, Object a1) {
        return applyFilter(name, value, a1);
    }

    /** Jinja: {@code value|name(a1, a2)}. */
    public Object filter(String name, Object value, Object a1, Object a2) {
        return applyFilter(name, value, a1, a2);
    }

    /** Jinja: {@code value|name(a1, a2, a3)}. */
    public Object filter(String name, Object value, Object a1, Object a2, Object a3) {
        return applyFilter(name, value, a1, a2, a3);
    }

    /** Jinja: {@code value|name(a1, a2, a3, a4)}. */
    public Object filter(String name, Object value, Object a1, Object a2, Object a3, Object a4) {
        return applyFilter(name, value, a1, a2, a3, a4);
    }

    /**
     * Whether {@code value} passes the app's template test {@code name} (Jinja: {@code value is name}); see
     * {@link Flask#templateTest}. Overloads take up to four arguments after the value.
     *
     * @throws IllegalArgumentException {@code No test named 'name'.} when none is registered
     */
    public boolean test(String name, Object value) {
        return applyTest(name, value);
    }

    /** Jinja: {@code value is name(a1)}. */
    public boolean test(String name, Object value, Object a1) {
        return applyTest(name, value, a1);
    }

    /** Jinja: {@code value is name(a1, a2)}. */
    public boolean test(String name, Object value, Object a1, Object a2) {
        return applyTest(name, value, a1, a2);
    }

    /** Jinja: {@code value is name(a1, a2, a3)}. */
    public boolean test(String name, Object value, Object a1, Object a2, Object a3) {
        return applyTest(name, value, a1, a2, a3);
    }

    /** Jinja: {@code value is name(a1, a2, a3, a4)}. */
    public boolean test(String name, Object value, Object a1, Object a2, Object a3, Object a4) {
        return applyTest(name, value, a1, a2, a3, a4);
    }

    private Object applyFilter(String name, Object value, Object... args) {
        TemplateFilter f = app.templateFilters().get(name);
        if (f == null) {
            throw new IllegalArgumentException("No filter named '" + name + "'.");
        }
        try {
            return f.apply(value, args);
        } catch (Exception e) {
            // Unchanged, checked or not: the renderer names the template and line around it.
            throw Throwables.sneaky(e);
        }
    }

    private boolean applyTest(String name, Object value, Object... args) {
        TemplateTest t = app.templateTests().get(name);
        if (t == null) {
            throw new IllegalArgumentException("No test named '" + name + "'.");
        }
        try {
            return t.test(value, args);
        } catch (Exception e) {
            throw Throwables.sneaky(e);
        }
    }

    /** MarkupSafe: {@code escape(value)}; emit the result with {@code th:utext}. */
    public Markup escape(Object value) {
        return Markup.escape(value);
    }

    /** Jinja: {@code |striptags}. */
    public String striptags(Object value) {
        return (value instanceof Markup m ? m : new Markup(String.valueOf(value))).striptags();
    }
}
