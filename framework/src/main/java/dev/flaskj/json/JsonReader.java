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
 * {@value #MAX_DEPTH} levels is a {@link JsonDecodeException} (Python raises RecursionError at about 1000).
 */
final class JsonReader {
    static final int MAX_DEPTH = 512;
    // Python 3.11+: int('1' * 4301) raises ValueError (sys.int_info.default_max_str_digits); it also keeps
    // BigInteger parsing, which is quadratic, cheap.
    private static final int MAX_INTEGER_DIGITS = 4300;

    private final String text;
    private int pos;
    private int depth;

    private JsonReader(String text) {
        this.text = text;
    }

    /** Python: {@code json.loads(text)}. */
    static Object parse(String text) throws JsonDecodeException {
        if (text.startsWith("\ufeff")) {
            throw new JsonDecodeException("Unexpected UTF-8 BOM (decode using utf-8-sig)", text, 0);
        }
        JsonReader reader = new JsonReader(text);
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
        if (i + 1 < text.length() && text.charAt(i) == '.' && isDigit(text.charAt(i + 1))) {
            i = digits(i + 2);
        }
        if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < text.length() && (text.charAt(j) == '+' || text.charAt(j) == '-')) {
                j++;
            }
            int end = digits(j);
            if (end > j) {
                i = end;
            }
        }
        pos = i;
        return i == integerEnd ? integer(start, i) : Double.parseDouble(text.substring(start, i));
    }

    private Object integer(int start, int end) throws JsonDecodeException {
        int length = end - start;
        if (length <= 9) {
            return Integer.parseInt(text, start, end, 10);
        }
        if (length > MAX_INTEGER_DIGITS) {
            throw new JsonDecodeException("Exceeds the limit (" + MAX_INTEGER_DIGITS
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
