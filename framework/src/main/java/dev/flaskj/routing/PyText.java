package dev.flaskj.routing;

import dev.flaskj.internal.PyFloat;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Iterator;
import java.util.Objects;

/**
 * Python's {@code str()}, {@code repr()} and {@code ==} for the values routing deals with, so that URLs and error
 * messages read as Werkzeug's.
 *
 * <p>{@code str(True)} is {@code True}, {@code str(1.0)} is {@code 1.0}, {@code str(1e16)} is {@code 1e+16};
 * {@code repr('x')} is {@code 'x'}; {@code 1 == 1.0} holds.
 */
final class PyText {
    private PyText() {}

    /** Python's {@code str(value)}: booleans and floats as Python prints them, anything else by toString. */
    static String str(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof Double d) {
            return PyFloat.repr(d);
        }
        if (value instanceof Float f) {
            // Python has no 32-bit float: print the float's own shortest digits (0.1f → 0.1).
            return PyFloat.repr(Double.parseDouble(Float.toString(f)));
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value.toString();
    }

    /** Python's {@code repr(str)}: single quotes unless the text has a single quote and no double quote. */
    static String repr(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder(s.length() + 2).append(quote);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == quote || c == '\\') {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x20 || c == 0x7F) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append(quote).toString();
    }

    /** Python's repr of a list of strings: {@code ['a', 'b']}. */
    static String reprList(Collection<String> items) {
        StringBuilder out = new StringBuilder("[");
        Iterator<String> it = items.iterator();
        while (it.hasNext()) {
            out.append(repr(it.next()));
            if (it.hasNext()) {
                out.append(", ");
            }
        }
        return out.append(']').toString();
    }

    /** Python's {@code a == b} for defaults: numbers compare by value across types ({@code 1 == 1L == 1.0}). */
    static boolean equal(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            BigDecimal bx = decimal(x);
            BigDecimal by = decimal(y);
            return bx != null && by != null ? bx.compareTo(by) == 0 : Objects.equals(a, b);
        }
        return Objects.equals(a, b);
    }

    /** The exact value of a number, or null for NaN/infinities and unknown Number types. */
    static BigDecimal decimal(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            return BigDecimal.valueOf(n.longValue());
        }
        if (n instanceof BigInteger big) {
            return new BigDecimal(big);
        }
        if (n instanceof BigDecimal dec) {
            return dec;
        }
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? new BigDecimal(d) : null;
        }
        return null;
    }
}
