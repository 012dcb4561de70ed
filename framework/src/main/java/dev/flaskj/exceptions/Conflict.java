package dev.flaskj.exceptions;

/** 409: the request conflicts with the resource's state (Werkzeug: {@code Conflict}). */
public class Conflict extends HttpException {
    private static final long serialVersionUID = 1L;

    /** With Werkzeug's default description. */
    public Conflict() {
        this(null);
    }

    /** With a custom description (null means the default). */
    public Conflict(String description) {
        super(409, description);
    }
}
