package dev.flaskj.exceptions;

import java.util.List;

/**
 * 405: the URL exists but not for this method (Werkzeug: {@code MethodNotAllowed}).
 * When the valid methods are known they are sent in the {@code Allow} header.
 */
public class MethodNotAllowed extends HttpException {
    private static final long serialVersionUID = 1L;

    private final List<String> validMethods;

    /** Without an {@code Allow} header, as a plain {@code abort(405)}. */
    public MethodNotAllowed() {
        this(List.of(), null);
    }

    /** With {@code Allow: <validMethods joined by ", ">}. */
    public MethodNotAllowed(List<String> validMethods, String description) {
        super(405, description);
        this.validMethods = List.copyOf(validMethods);
        if (!this.validMethods.isEmpty()) {
            withHeader("Allow", String.join(", ", this.validMethods));
        }
    }

    /** The methods this URL accepts, in the order of the {@code Allow} header; empty if unknown. */
    public List<String> validMethods() {
        return validMethods;
    }
}
