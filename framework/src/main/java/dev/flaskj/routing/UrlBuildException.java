package dev.flaskj.routing;

/**
 * No rule of the endpoint can be built with the given values and method.
 *
 * <p>Werkzeug: {@code werkzeug.routing.BuildError}. The message is Werkzeug's, including its hint from the closest
 * rule, for example
 * {@code Could not build url for endpoint 'user'. Did you forget to specify values ['username']?}. It is a
 * programmer error: inside a view it becomes a 500.
 */
public class UrlBuildException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String endpoint;

    /** An exception for {@code endpoint} with the complete message. */
    public UrlBuildException(String endpoint, String message) {
        super(message);
        this.endpoint = endpoint;
    }

    /** The endpoint that could not be built. */
    public String endpoint() {
        return endpoint;
    }
}
