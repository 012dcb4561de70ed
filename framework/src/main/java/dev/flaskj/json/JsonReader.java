package dev.flaskj.json;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses JSON text as Python's {@code json.loads} does (its C scanner), with the same acceptance and the same
 * error messages and positions; one instance per call.
 *
 * <p>Like Python it accepts {@code NaN}, {@code Infinity} and {@code -Infinity}, keeps the last of duplicate keys
 * (at the first one's position), and rejects raw control characters in strings. Unlike Python, nesting deeper than
 * {@value #MAX_DEPTH} levels is a {@link JsonDecodeException} (Python raises RecursionError at about 1000, which
 * Flask answers with a 500); the reader recurses once per level, so the limit also bounds its stack.
 *
 * <p>Cost is linear in the text. Integers longer than {@value #MAX_NUMBER_DIGITS} digits are refused, as Python
 * 3.11+ refuses them; other numbers become a {@code double} (out of range: infinity or zero, as Python's
 * {@code float}). For binding to Java types ({@link #parseForBinding}) the same limit also applies to the digits
 * and the exponent of non-integers, since JSON-B turns them into {@code BigDecimal}/{@code BigInteger}, whose
 * conversions cost far more than linear time in the number of digits or the size of the exponent.
 */
final class JsonReader {
    static final int MAX_DEPTH = 512;
    // Python 3.11+: int('1' * 4301) raises ValueError (sys.int_info.default_max_str_digits); it also keeps
    // BigInteger parsing, which is quadratic, cheap.
    static final int MAX_NUMBER_DIGITS = 4300;

    private final String text;
    private final boolean forBinding;
    private int pos;
    private int depth;

    private JsonReader(String text, boolean forBinding) {
        this.text = text;
        this.forBinding = forBinding;
    }

    /** Python: {@code json.loads(text)}. */
    static Object parse(String text) throws JsonDecodeException {
        return parse(text, false);
    }

    /**
     * {@link #parse}, and also refuses a non-integer whose digits or exponent exceed {@value #MAX_NUMBER_DIGITS}:
     * the check before the text goes to JSON-B, where such a number could cost seconds or minutes
     * ({@code new BigDecimal} of a million digits, {@code toBigInteger()} of {@code 1e999999999}).
     */
    static Object parseForBinding(String text) throws JsonDecodeException {
        return parse(text, true);
    }

    private static Object parse(String text, boolean forBinding) throws JsonDecodeException {
        if (text.startsWith("\ufeff")) {
            throw new JsonDecodeException("Unexpected UTF-8 BOM (decode using utf-8-sig)", text, 0);
        }
        JsonReader reader = new JsonReader(text, forBinding);
        reader.skipWhitespace();
        Object value = reader.value();
        reader.skipWhitespace();
        if (reader.pos != text.length()) {
            throw new JsonDecodeException("Extra data", text, reader.pos);
        }
        return value;
    }

    // Python: scanner.scan_once; anything it cannot start is "Expecting value" at the start.
    private Object value() throws JsonDecodeException {
        if (pos >= text.length()) {
            throw error("Expecting value", pos);
        }
        char c = text.charAt(pos);
        switch (c) {
            case '"':
                return string();
            case '{':
                return object();
            case '[':
                return array();
            case 'n':
                return literal("null", null);
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'N':
                return literal("NaN", Double.NaN);
            case 'I':
                return literal("Infinity", Double.POSITIVE_INFINITY);
            case '-':
                if (text.startsWith("-Infinity", pos)) {
                    pos += 9;
                    return Double.NEGATIVE_INFINITY;
                }
                return number();
            default:
                return number();
        }
    }

    private Object literal(String word, Object value) throws JsonDecodeException {
        if (!text.startsWith(word, pos)) {
            throw error("Expecting value", pos);
        }
        pos += word.length();
        return value;
    }

    // Python: _match_number_unicode. "1." and "1e" stop before the '.' or 'e' (then "Extra data").
    private Object number() throws JsonDecodeException {
        int start = pos;
        int i = pos;
        if (i < text.length() && text.charAt(i) == '-') {
            i++;
        }
        if (i < text.length() && text.charAt(i) >= '1' && text.charAt(i) <= '9') {
            i = digits(i + 1);
        } else if (i < text.length() && text.charAt(i) == '0') {
            i++;
        } else {
            throw error("Expecting value", start);
        }
        int integerEnd = i;
        int fractionDigits = 0;
        if (i + 1 < text.length() && text.charAt(i) == '.' && isDigit(text.charAt(i + 1))) {
            int fractionStart = i + 1;
            i = digits(i + 2);
            fractionDigits = i - fractionStart;
        }
        int exponentStart = -1;
        if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < text.length() && (text.charAt(j) == '+' || text.charAt(j) == '-')) {
                j++;
            }
            int end = digits(j);
            if (end > j) {
                exponentStart = j;
                i = end;
            }
        }
        pos = i;
        if (i == integerEnd) {
            return integer(start, i);
        }
        if (forBinding) {
            checkBindable(start, integerEnd, fractionDigits, exponentStart, i);
        }
        // Linear in the text: the JDK's parser reads every digit once and keeps at most about 1100 of them, and an
        // exponent of any length saturates to infinity or zero (Python's float does the same).
        return Double.parseDouble(text.substring(start, i));
    }

    private void checkBindable(int start, int integerEnd, int fractionDigits, int exponentStart, int end)
            throws JsonDecodeException {
        int digitCount = integerEnd - start - (text.charAt(start) == '-' ? 1 : 0) + fractionDigits;
        if (digitCount > MAX_NUMBER_DIGITS) {
            throw new JsonDecodeException("Exceeds the limit (" + MAX_NUMBER_DIGITS
                    + " digits) for number conversion: value has " + digitCount + " digits");
        }
        if (exponentStart >= 0) {
            // Leading zeros do not make an exponent larger; stop counting once it is over the limit.
            int k = exponentStart;
            while (k < end - 1 && text.charAt(k) == '0') {
                k++;
            }
            long exponent = 0;
            for (; k < end && exponent <= MAX_NUMBER_DIGITS; k++) {
                exponent = exponent * 10 + (text.charAt(k) - '0');
            }
            if (exponent > MAX_NUMBER_DIGITS) {
                throw new JsonDecodeException("Exceeds the limit (" + MAX_NUMBER_DIGITS
                        + ") for the exponent of a number: " + text.substring(exponentStart - 1,
                                Math.min(end, exponentStart + 20)) + (end > exponentStart + 20 ? "..." : ""));
            }
        }
    }

    private Object integer(int start, int end) throws JsonDecodeException {
        int length = end - start;
        if (length <= 9) {
            return Integer.parseInt(text, start, end, 10);
        }
        // Python counts digits, not the sign: -1111...1 with 4300 ones is still accepted.
        length -= text.charAt(start) == '-' ? 1 : 0;
        if (length > MAX_NUMBER_DIGITS) {
            throw new JsonDecodeException("Exceeds the limit (" + MAX_NUMBER_DIGITS
                    + " digits) for integer string conversion: value has " + length + " digits");
        }
        BigInteger big = new BigInteger(text.substring(start, end));
        if (big.bitLength() < 32) {
            return big.intValue();
        }
        return big.bitLength() < 64 ? (Object) big.longValue() : big;
    }

    private int digits(int from) {
        int i = from;
        while (i < text.length() && isDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    // Python: JSONObject. The positions of each error follow the C scanner exactly.
    private Map<String, Object> object() throws JsonDecodeException {
        enter();
        pos++;
        Map<String, Object> map = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            depth--;
            return map;
        }
        while (true) {
            if (peek() != '"') {
                throw error("Expecting property name enclosed in double quotes", pos);
            }
            String key = string();
            skipWhitespace();
            if (peek() != ':') {
                throw error("Expecting ':' delimiter", pos);
            }
            pos++;
            skipWhitespace();
            map.put(key, value());
            skipWhitespace();
            char next = peek();
            pos++;
            if (next == '}') {
                depth--;
                return map;
            }
            if (next != ',') {
                throw error("Expecting ',' delimiter", pos - 1);
            }
            skipWhitespace();
        }
    }

    // Python: JSONArray; "[1,]" is "Expecting value" at the ']'.
    private List<Object> array() throws JsonDecodeException {
        enter();
        pos++;
        List<Object> list = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            depth--;
            return list;
        }
        while (true) {
            list.add(value());
            skipWhitespace();
            char next = peek();
            pos++;
            if (next == ']') {
                depth--;
                return list;
            }
            if (next != ',') {
                throw error("Expecting ',' delimiter", pos - 1);
            }
            skipWhitespace();
        }
    }

    // Python: scanstring (strict). pos is at the opening quote.
    private String string() throws JsonDecodeException {
        int begin = pos;
        int i = pos + 1;
        StringBuilder sb = null;
        int chunk = i;
        while (true) {
            if (i >= text.length()) {
                throw error("Unterminated string starting at", begin);
            }
            char c = text.charAt(i);
            if (c == '"') {
                pos = i + 1;
                return sb == null ? text.substring(chunk, i) : sb.append(text, chunk, i).toString();
            }
            if (c < ' ') {
                throw error("Invalid control character at", i);
            }
            if (c != '\\') {
                i++;
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder();
            }
            sb.append(text, chunk, i);
            i = escape(i, sb, begin);
            chunk = i;
        }
    }

    // Appends the escape at i (the backslash) and returns the index after it.
    private int escape(int i, StringBuilder sb, int begin) throws JsonDecodeException {
        if (i + 1 >= text.length()) {
            throw error("Unterminated string starting at", begin);
        }
        char c = text.charAt(i + 1);
        switch (c) {
            case '"', '\\', '/' -> sb.append(c);
            case 'b' -> sb.append('\b');
            case 'f' -> sb.append('\f');
            case 'n' -> sb.append('\n');
            case 'r' -> sb.append('\r');
            case 't' -> sb.append('\t');
            case 'u' -> {
                // A surrogate pair written as two escapes becomes one code point, which in Java is the same two
                // chars; a lone surrogate is kept, as Python keeps it.
                sb.append((char) hex4(i + 1));
                return i + 6;
            }
            default -> throw error("Invalid \\escape", i);
        }
        return i + 2;
    }

    private int hex4(int uIndex) throws JsonDecodeException {
        if (uIndex + 5 > text.length()) {
            throw error("Invalid \\uXXXX escape", uIndex);
        }
        int value = 0;
        for (int k = uIndex + 1; k <= uIndex + 4; k++) {
            int digit = Character.digit(text.charAt(k), 16);
            if (digit < 0 || text.charAt(k) > 'f') {
                throw error("Invalid \\uXXXX escape", uIndex);
            }
            value = value << 4 | digit;
        }
        return value;
    }

    private void enter() throws JsonDecodeException {
        if (++depth > MAX_DEPTH) {
            throw error("Maximum nesting depth (" + MAX_DEPTH + ") exceeded", pos);
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    // Python's WHITESPACE: [ \t\n\r]*
    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private JsonDecodeException error(String reason, int index) {
        return new JsonDecodeException(reason, text, index);
    }
}
