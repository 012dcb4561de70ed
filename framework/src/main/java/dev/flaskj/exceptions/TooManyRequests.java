package dev.flaskj.exceptions;

/** 429: rate limited (Werkzeug: {@code TooManyRequests}). */
public class TooManyRequests extends HttpException {
    private static final long serialVersionUID = 1L;

    /** With Werkzeug's default description. */
    public TooManyRequests() {
        this(null);
    }

    /** With a custom description (null means the default). */
    public TooManyRequests(String description) {
        super(429, description);
    }
}
