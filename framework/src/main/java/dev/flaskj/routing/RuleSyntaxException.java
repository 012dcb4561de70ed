package dev.flaskj.routing;

/**
 * A rule string or its options cannot be compiled: missing leading slash, malformed placeholder, unknown converter,
 * bad converter argument or a variable used twice.
 *
 * <p>Werkzeug raises {@code ValueError}, {@code LookupError} or {@code SyntaxError} for these; flaskj raises this one
 * type, at registration time, with a message that names the rule and, where it helps, the column (1-based):
 * <pre>{@code
 * URL rule '/x/<foo:id>' (column 4): the converter 'foo' does not exist
 * }</pre>
 */
public class RuleSyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** An exception with the complete message. */
    public RuleSyntaxException(String message) {
        super(message);
    }

    /** An exception with the complete message and the error that caused it. */
    public RuleSyntaxException(String message, Throwable cause) {
        super(message, cause);
    }
}
