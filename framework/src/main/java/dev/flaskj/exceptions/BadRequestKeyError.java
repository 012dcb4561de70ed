package dev.flaskj.exceptions;

/**
 * 400 raised by {@code get(key)} on {@code request().form()}, {@code args()}, {@code files()}, ... when the key is
 * missing: the Java form of {@code request.form['x']} raising {@code BadRequestKeyError}.
 *
 * <p>The page shows Werkzeug's generic 400 text; {@link #withKeyInDescription()} adds the key, which the
 * framework does only in debug mode, as Flask does.
 */
public class BadRequestKeyError extends BadRequest {
    private static final long serialVersionUID = 1L;

    private final String key;

    /** For the missing {@code key}. */
    public BadRequestKeyError(String key) {
        this(key, null);
    }

    private BadRequestKeyError(String key, String description) {
        super(description);
        this.key = key;
    }

    /** The key that was asked for. */
    public String key() {
        return key;
    }

    /** A copy whose description names the key, as Flask's debug mode shows it. */
    public BadRequestKeyError withKeyInDescription() {
        return new BadRequestKeyError(key, defaultDescription(400) + "\nKeyError: '" + key + "'");
    }
}
