package dev.flaskj.exceptions;

/** 403: the client may not access the resource (Werkzeug: {@code Forbidden}). */
public class Forbidden extends HttpException {
    private static final long serialVersionUID = 1L;

    /** With Werkzeug's default description. */
    public Forbidden() {
        this(null);
    }

    /** With a custom description (null means the default). */
    public Forbidden(String description) {
        super(403, description);
    }
}
