package dev.flaskj.templating;

import dev.flaskj.FlashMessage;
import dev.flaskj.Flask;
import dev.flaskj.Markup;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code #flask} object in templates: {@code url_for}, {@code get_flashed_messages}, {@code config} and
 * MarkupSafe's {@code escape} (Flask: the Jinja globals the app adds to every template).
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

    /** MarkupSafe: {@code escape(value)}; emit the result with {@code th:utext}. */
    public Markup escape(Object value) {
        return Markup.escape(value);
    }

    /** Jinja: {@code |striptags}. */
    public String striptags(Object value) {
        return (value instanceof Markup m ? m : new Markup(String.valueOf(value))).striptags();
    }
}
