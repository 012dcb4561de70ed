package dev.flaskj.exceptions;

/** 404: nothing at this URL (Werkzeug: {@code NotFound}). Routing raises it for unknown paths. */
public class NotFound extends HttpException {
    private static final long serialVersionUID = 1L;

    /** With Werkzeug's default description. */
    public NotFound() {
        this(null);
    }

    /** With a custom description (null means the default). */
    public NotFound(String description) {
        super(404, description);
    }

    /** The stack-trace-free instance the router uses for unknown URLs. */
    public static NotFound fromRouting() {
        return new NotFound(false);
    }

    private NotFound(boolean withStackTrace) {
        super(404, "Not Found", defaultDescription(404), withStackTrace);
    }

}
