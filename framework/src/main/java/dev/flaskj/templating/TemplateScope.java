package dev.flaskj.templating;

import dev.flaskj.Request;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a render sees of the request it runs in: the request, its session (opened only if the template reads it),
 * the app context's {@code g}, and the servlet response for Thymeleaf's web context. The app builds one per render
 * from its current contexts and hands it to {@link TemplateRenderer}, which reads no thread-local state itself.
 *
 * @param request the current request, or null outside a request
 * @param session opens the request's session on first use; null outside a request
 * @param g the app context's {@code g} as a map (empty outside an app context)
 * @param servletResponse the response being written, or null (test request contexts, no request)
 */
public record TemplateScope(Request request, Supplier<? extends Map<String, Object>> session, Map<String, Object> g,
        HttpServletResponse servletResponse) {
    /** The scope of a render outside any request or app context. */
    public static final TemplateScope NONE = new TemplateScope(null, null, Map.of(), null);
}
