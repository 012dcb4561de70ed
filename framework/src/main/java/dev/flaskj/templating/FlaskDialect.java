package dev.flaskj.templating;

import dev.flaskj.Flask;
import java.util.Set;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * The Thymeleaf dialect that gives templates the {@code #flask} expression object: Flask's Jinja globals
 * {@code url_for}, {@code get_flashed_messages} and {@code config} (Spring's analogue is {@code #mvc}).
 *
 * <pre>{@code
 * <link th:href="${#flask.urlFor('static', 'filename', 'style.css')}" rel="stylesheet">
 * <li th:each="m : ${#flask.flashedMessages()}" th:text="${m}">message</li>
 * }</pre>
 * {@link TemplateRenderer} adds it to every engine; see {@link FlaskExpressions} for the methods.
 */
public final class FlaskDialect extends AbstractDialect implements IExpressionObjectDialect {
    /** The expression object's name: {@code #flask}. */
    public static final String OBJECT_NAME = "flask";

    private final Flask app;

    /** The dialect for {@code app}, whose config {@code #flask.config(...)} reads. */
    public FlaskDialect(Flask app) {
        super("flaskj");
        this.app = app;
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of(OBJECT_NAME);
            }

            @Override
            public Object buildObject(IExpressionContext context, String name) {
                return OBJECT_NAME.equals(name) ? new FlaskExpressions(app) : null;
            }

            @Override
            public boolean isCacheable(String name) {
                // One object per template execution: it holds nothing but the app.
                return true;
            }
        };
    }
}
