package dev.flaskj.json;

/** Stand-in until the json package lands. */
public class JsonDecodeException extends Exception {
    private static final long serialVersionUID = 1L;

    public JsonDecodeException(String message) {
        super(message);
    }
}
