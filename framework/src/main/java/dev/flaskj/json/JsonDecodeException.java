package dev.flaskj.json;

/**
 * Malformed JSON text, with Python's message and position.
 *
 * <p>Python: {@code json.JSONDecodeError}. {@link #getMessage()} reads exactly like Python's, for example
 * {@code Expecting property name enclosed in double quotes: line 1 column 2 (char 1)}, which is what Flask shows
 * in debug mode as {@code Failed to decode JSON object: <message>}. Positions count code points, as Python does.
 * Also thrown for well-formed JSON that cannot become the requested value (a bad tag in a session, a JSON-B
 * binding failure); {@link #position()} is then -1.
 *
 * <p>No stack trace is captured: this is an answer about untrusted input, thrown on the request path.
 */
public final class JsonDecodeException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String reason;
    private final int position;
    private final int line;
    private final int column;

    /** An error at {@code index} (a UTF-16 index into {@code text}), reported in Python's terms. */
    JsonDecodeException(String reason, String text, int index) {
        this(reason, codePointIndex(text, index), lineOf(text, index), columnOf(text, index));
    }

    /** An error about well-formed JSON that cannot be converted; it has no position. */
    JsonDecodeException(String message) {
        this(message, -1, -1, -1);
    }

    private JsonDecodeException(String reason, int position, int line, int column) {
        super(position < 0 ? reason : reason + ": line " + line + " column " + column + " (char " + position + ")",
                null, false, false);
        this.reason = reason;
        this.position = position;
        this.line = line;
        this.column = column;
    }

    /** The message without the position, e.g. {@code Expecting value} (Python: {@code msg}). */
    public String reason() {
        return reason;
    }

    /** The code point index of the error (Python: {@code pos}), or -1 when there is no position. */
    public int position() {
        return position;
    }

    /** The 1-based line (Python: {@code lineno}), or -1. */
    public int line() {
        return line;
    }

    /** The 1-based column in code points (Python: {@code colno}), or -1. */
    public int column() {
        return column;
    }

    private static int codePointIndex(String text, int index) {
        return text.codePointCount(0, Math.min(index, text.length()));
    }

    private static int lineOf(String text, int index) {
        int lines = 1;
        for (int i = 0; i < Math.min(index, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }

    // Python: colno = pos - doc.rindex('\n', 0, pos), or pos + 1 on the first line.
    private static int columnOf(String text, int index) {
        int end = Math.min(index, text.length());
        int lastNewline = text.lastIndexOf('\n', end - 1);
        return text.codePointCount(lastNewline + 1, end) + 1;
    }
}
