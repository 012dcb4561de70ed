package dev.flaskj.exceptions;

/** 415: the request body's media type is not supported (Werkzeug: {@code UnsupportedMediaType}). */
public class UnsupportedMediaType extends HttpException {
    private static final long serialVersionUID = 1L;

    /** With Werkzeug's default description. */
    public UnsupportedMediaType() {
        this(null);
    }

    /** With a custom description (null means the default). */
    public UnsupportedMediaType(String description) {
        super(415, description);
    }
}
