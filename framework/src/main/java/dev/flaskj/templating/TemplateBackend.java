package dev.flaskj.templating;

import java.util.Map;

/**
 * A template engine other than Thymeleaf behind {@link TemplateRenderer} (today: Jinja through Jinjava). It is
 * created by name through reflection, once, so that its engine's classes are loaded only when it is chosen.
 */
interface TemplateBackend {
    /** Renders the template {@code name} from the template folders. */
    String render(String name, Map<String, ?> variables, TemplateScope scope);

    /** Renders {@code source} itself (an HTML template, autoescaped). */
    String renderString(String source, Map<String, ?> variables, TemplateScope scope);

    /** Whether a folder has {@code name}. */
    boolean exists(String name);
}
