package dev.flaskj.signing;

/**
 * A token that must not be trusted: tampered with, signed with another key, truncated, malformed, or expired.
 *
 * <p>itsdangerous: {@code BadSignature} (and, for a signed but unreadable payload, {@code BadPayload}: both mean
 * "ignore this cookie" to the session layer, so they are one type here). Flask swallows it and starts an empty
 * session; it never reaches users. No stack trace is captured: it is an answer about untrusted input.
 */
public class BadSignatureException extends Exception {
    private static final long serialVersionUID = 1L;

    /** An exception with itsdangerous's message, e.g. {@code Signature does not match}. */
    public BadSignatureException(String message) {
        super(message, null, false, false);
    }
}
