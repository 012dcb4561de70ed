package dev.flaskj.templating;

import java.util.List;

/**
 * No template folder has a template of this name (Jinja: {@code TemplateNotFound}).
 *
 * <pre>{@code
 * renderTemplate("nope.html");
 * // TemplateNotFoundException: Template 'nope.html' not found; looked in: webapp /templates/nope.html, ...
 * }</pre>
 * A name with a {@code ..} segment, a backslash or a NUL is refused with this exception too, without looking.
 */
public class TemplateNotFoundException extends TemplateException {
    private static final long serialVersionUID = 1L;

    private final List<String> searched;

    /** {@code searched} lists the places tried, e.g. {@code classpath templates/nope.html}. */
    public TemplateNotFoundException(String templateName, List<String> searched) {
        super("Template '" + templateName + "' not found; looked in: "
                + (searched.isEmpty() ? "(nowhere: the name is not allowed)" : String.join(", ", searched)),
                templateName, 0, null);
        this.searched = List.copyOf(searched);
    }

    private TemplateNotFoundException(String message, List<String> names, List<String> searched) {
        super(message, String.join(", ", names), 0, null);
        this.searched = List.copyOf(searched);
    }

    /** None of {@code names} exists (Jinja: {@code TemplatesNotFound}); {@link #searched()} lists the names. */
    static TemplateNotFoundException noneOf(List<String> names, String message) {
        return new TemplateNotFoundException(message, names, names);
    }

    /** The places tried, in order; empty when the name itself was refused; the names, when none of a list exists. */
    public List<String> searched() {
        return searched;
    }
}
