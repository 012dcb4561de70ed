package dev.flaskj.routing;

/** Stand-in until the routing package lands. */
public class UrlBuildException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UrlBuildException(String message) {
        super(message);
    }
}
