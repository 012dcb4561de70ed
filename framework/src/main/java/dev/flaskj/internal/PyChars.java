package dev.flaskj.internal;

/** Python's character classes where they differ from Java's. */
public final class PyChars {
    private PyChars() {}

    /**
     * Python's {@code str.isspace}, which is also what {@code \s} matches in a {@code str} regex: Java's
     * {@link Character#isWhitespace} plus the no-break spaces (U+00A0, U+2007, U+202F) and NEL (U+0085).
     */
    public static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00a0' || c == '\u2007' || c == '\u202f' || c == '\u0085';
    }
}
