package dev.flaskj.templating;

import dev.flaskj.Flask;
import java.util.Map;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.context.IWebContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;

/**
 * Thymeleaf's link builder, made to work without a servlet web context too: context-relative links
 * ({@code @{/path}}) then get the request's script root (Flask's {@code SCRIPT_NAME}), or {@code APPLICATION_ROOT}
 * outside a request. In a web context Thymeleaf's own behaviour (context path, {@code encodeURL}) is kept.
 */
final class FlaskLinkBuilder extends StandardLinkBuilder {
    private final Flask app;

    FlaskLinkBuilder(Flask app) {
        this.app = app;
    }

    @Override
    protected String computeContextPath(IExpressionContext context, String base, Map<String, Object> parameters) {
        if (context instanceof IWebContext) {
            return super.computeContextPath(context, base, parameters);
        }
        if (Flask.hasRequestContext()) {
            return Flask.request().scriptRoot();
        }
        String root = app.config().getString("APPLICATION_ROOT", "/");
        return root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    }
}
