package dev.flaskj.routing;

/**
 * Thrown by {@link Converter#toJava(String)} to say "this URL text does not match after all".
 *
 * <p>Werkzeug: {@code werkzeug.routing.ValidationError}. The matcher turns it into a 404 (or a 405 when other rules
 * matched the path with other methods); it does not fall through to other rules. It carries no stack trace, so
 * throwing it is cheap.
 */
public class ValidationException extends Exception {
    private static final long serialVersionUID = 1L;

    /** A validation failure without a message. */
    public ValidationException() {
        super(null, null, false, false);
    }

    /** A validation failure with a message (for logs; the client never sees it). */
    public ValidationException(String message) {
        super(message, null, false, false);
    }
}
