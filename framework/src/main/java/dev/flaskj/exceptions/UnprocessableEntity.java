package dev.flaskj.exceptions;

/** 422: the request was well-formed but semantically wrong (Werkzeug: {@code UnprocessableEntity}). */
public class UnprocessableEntity extends HttpException {
    private static final long serialVersionUID = 1L;

    /** With Werkzeug's default description. */
    public UnprocessableEntity() {
        this(null);
    }

    /** With a custom description (null means the default). */
    public UnprocessableEntity(String description) {
        super(422, description);
    }
}
