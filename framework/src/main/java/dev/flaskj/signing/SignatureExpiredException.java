package dev.flaskj.signing;

/**
 * A correctly signed token whose timestamp is older than the maximum age, or in the future.
 *
 * <p>itsdangerous: {@code SignatureExpired}, raised by {@code TimestampSigner.unsign} when
 * {@code age > max_age} or {@code age < 0}.
 */
public final class SignatureExpiredException extends BadSignatureException {
    private static final long serialVersionUID = 1L;

    private final long timestamp;

    /** An expiry of a token signed at {@code timestamp} (epoch seconds). */
    public SignatureExpiredException(String message, long timestamp) {
        super(message);
        this.timestamp = timestamp;
    }

    /** When the token was signed, in epoch seconds. */
    public long timestamp() {
        return timestamp;
    }
}
