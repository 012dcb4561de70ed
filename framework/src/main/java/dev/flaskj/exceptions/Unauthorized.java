package dev.flaskj.exceptions;

/** 401: authentication is required (Werkzeug: {@code Unauthorized}). */
public class Unauthorized extends HttpException {
    private static final long serialVersionUID = 1L;

    /** With Werkzeug's default description. */
    public Unauthorized() {
        this(null);
    }

    /** With a custom description (null means the default). */
    public Unauthorized(String description) {
        super(401, description);
    }
}
