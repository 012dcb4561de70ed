package dev.flaskj.exceptions;

/** 400: the request could not be understood (Werkzeug: {@code BadRequest}). */
public class BadRequest extends HttpException {
    private static final long serialVersionUID = 1L;

    /** With Werkzeug's default description. */
    public BadRequest() {
        this(null);
    }

    /** With a custom description (null means the default). */
    public BadRequest(String description) {
        super(400, description);
    }
}
