package dev.flaskj.exceptions;

/**
 * 500: an unhandled exception, or an explicit {@code abort(500)} (Werkzeug: {@code InternalServerError}).
 * A 500 error handler always receives this type; {@link #originalException()} is the exception the view threw,
 * or null for an explicit abort.
 */
public class InternalServerError extends HttpException {
    private static final long serialVersionUID = 1L;

    private final transient Throwable originalException;

    /** With Werkzeug's default description and no original exception. */
    public InternalServerError() {
        this(null, null);
    }

    /** With a custom description (null means the default). */
    public InternalServerError(String description) {
        this(description, null);
    }

    /** Wrapping an unhandled exception. */
    public InternalServerError(String description, Throwable originalException) {
        // Passed to the constructor: Throwable.initCause would throw, as the superclass fixes the cause.
        super(500, description, originalException);
        this.originalException = originalException;
    }

    /** The exception that caused this 500, or null. */
    public Throwable originalException() {
        return originalException;
    }
}
