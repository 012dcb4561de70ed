package dev.flaskj.templating;

/**
 * A template could not be rendered: a syntax error, or an expression that failed while rendering
 * (Jinja: {@code TemplateSyntaxError}, {@code UndefinedError}; Thymeleaf: {@code TemplateProcessingException}).
 *
 * <pre>{@code
 * try { renderTemplate("page.html"); }
 * catch (TemplateException e) { log(e.templateName() + ":" + e.line()); }
 * }</pre>
 * Unchecked: it reaches the dispatcher like any bug and becomes a 500 (logged; in debug mode a page naming the
 * template and the line).
 */
public class TemplateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String templateName;
    private final int line;

    /**
     * @param templateName the template's name as given to the renderer, or null if unknown
     * @param line the 1-based line of the error, or 0 if unknown
     */
    public TemplateException(String message, String templateName, int line, Throwable cause) {
        super(message, cause);
        this.templateName = templateName;
        this.line = line;
    }

    /** The template's name, or null if unknown (a string template is named {@code <string>}). */
    public String templateName() {
        return templateName;
    }

    /** The 1-based line of the error, or 0 if unknown. */
    public int line() {
        return line;
    }
}
