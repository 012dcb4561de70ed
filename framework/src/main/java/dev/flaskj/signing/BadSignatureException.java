package dev.flaskj.signing;

/** Stand-in until the signing package lands. */
public class BadSignatureException extends Exception {
    private static final long serialVersionUID = 1L;

    public BadSignatureException(String message) {
        super(message, null, false, false);
    }
}
