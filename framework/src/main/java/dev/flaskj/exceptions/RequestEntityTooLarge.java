package dev.flaskj.exceptions;

/**
 * 413: the body, a form field, or the number of form parts passed a configured limit
 * ({@code MAX_CONTENT_LENGTH}, {@code MAX_FORM_MEMORY_SIZE}, {@code MAX_FORM_PARTS}).
 * Werkzeug: {@code RequestEntityTooLarge}.
 */
public class RequestEntityTooLarge extends HttpException {
    private static final long serialVersionUID = 1L;

    /** With Werkzeug's default description. */
    public RequestEntityTooLarge() {
        this(null);
    }

    /** With a custom description (null means the default). */
    public RequestEntityTooLarge(String description) {
        super(413, description);
    }
}
