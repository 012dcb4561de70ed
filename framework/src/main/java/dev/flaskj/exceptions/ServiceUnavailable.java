package dev.flaskj.exceptions;

/** 503: temporarily unavailable (Werkzeug: {@code ServiceUnavailable}). */
public class ServiceUnavailable extends HttpException {
    private static final long serialVersionUID = 1L;

    /** With Werkzeug's default description. */
    public ServiceUnavailable() {
        this(null);
    }

    /** With a custom description (null means the default). */
    public ServiceUnavailable(String description) {
        super(503, description);
    }
}
