package dev.flaskj.routing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Python's argument binding and numeric conversions ({@code int()}, {@code float()}, truthiness) for the
 * built-in converters.
 */
final class PyArgs {
    /** CPython's default limit for {@code int(str)} ({@code sys.int_info.default_max_str_digits}). */
    static final int MAX_INT_DIGITS = 4300;

    private PyArgs() {}

    /**
     * Binds positional and keyword arguments to {@code names} like a Python signature; absent ones are null.
     *
     * @throws IllegalArgumentException with Python's wording for too many, unknown or repeated arguments
     */
    static Object[] bind(String function, List<Object> args, Map<String, Object> kwargs, String... names) {
        if (args.size() > names.length) {
            throw new IllegalArgumentException(function + "() takes at most " + names.length
                    + " arguments (" + args.size() + " given)");
        }
        Object[] bound = new Object[names.length];
        boolean[] given = new boolean[names.length];
        for (int i = 0; i < args.size(); i++) {
            bound[i] = args.get(i);
            given[i] = true;
        }
        for (Map.Entry<String, Object> kw : kwargs.entrySet()) {
            int i = List.of(names).indexOf(kw.getKey());
            if (i < 0) {
                throw new IllegalArgumentException(function + "() got an unexpected keyword argument "
                        + PyText.repr(kw.getKey()));
            }
            if (given[i]) {
                throw new IllegalArgumentException(function + "() got multiple values for argument "
                        + PyText.repr(kw.getKey()));
            }
            bound[i] = kw.getValue();
            given[i] = true;
        }
        return bound;
    }

    /** Python's {@code int(x)} for an option that must fit an int. */
    static int toInt(Object value) {
        BigInteger n = pyInt(value);
        if (n.bitLength() > 31) {
            throw new IllegalArgumentException("integer option out of range: " + n);
        }
        return n.intValue();
    }

    /** An option that must be a number or None (min/max). */
    static Number number(Object value) {
        if (value == null || value instanceof Number) {
            return (Number) value;
        }
        throw new IllegalArgumentException("expected a number or None, got " + PyText.repr(PyText.str(value)));
    }

    /** Python truthiness of an option value. */
    static boolean truthy(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        return !PyText.str(value).isEmpty();
    }

    /** Python's {@code int(value)}: integers as they are, floats truncated, strings parsed (base 10). */
    static BigInteger pyInt(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return BigInteger.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger big) {
            return big;
        }
        if (value instanceof Boolean b) {
            return b ? BigInteger.ONE : BigInteger.ZERO;
        }
        if (value instanceof Number n) {
            BigDecimal exact = PyText.decimal(n);
            if (exact == null) {
                throw new IllegalArgumentException("cannot convert float " + PyText.str(value) + " to integer");
            }
            return exact.toBigInteger();
        }
        String text = PyText.str(value).strip().replace("_", "");
        try {
            return new BigInteger(asciiDigits(text));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid literal for int() with base 10: "
                    + PyText.repr(PyText.str(value)), e);
        }
    }

    /** Python's {@code float(value)}. */
    static double pyFloat(Object value) {
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof Float f) {
            return Double.parseDouble(Float.toString(f)); // Python has no 32-bit float: keep 0.1f as 0.1
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        String text = asciiDigits(PyText.str(value).strip().replace("_", ""));
        String lower = text.toLowerCase(Locale.ROOT);
        String unsigned = lower.startsWith("-") || lower.startsWith("+") ? lower.substring(1) : lower;
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (unsigned.equals("nan")) {
            return Double.NaN;
        }
        if (!unsigned.isEmpty() && Character.isDigit(unsigned.charAt(unsigned.length() - 1))
                || unsigned.endsWith(".")) {
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                // fall through to Python's message
            }
        }
        throw new IllegalArgumentException("could not convert string to float: " + PyText.repr(PyText.str(value)));
    }

    /** Replaces Unicode decimal digits by ASCII ones (Python's {@code \d} and {@code int()} accept them). */
    static String asciiDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                StringBuilder out = new StringBuilder(s.length());
                s.codePoints().forEach(cp -> {
                    int d = Character.digit(cp, 10);
                    if (d >= 0 && Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER) {
                        out.append((char) ('0' + d));
                    } else {
                        out.appendCodePoint(cp);
                    }
                });
                return out.toString();
            }
        }
        return s;
    }

    /** The smallest of Integer/Long that holds {@code n}. */
    static Number narrow(long n) {
        if (n == (int) n) {
            return Integer.valueOf((int) n); // not a ?: expression, which would promote both arms to long
        }
        return Long.valueOf(n);
    }

    /** The smallest of Integer/Long/BigInteger that holds {@code n}. */
    static Number narrow(BigInteger n) {
        return n.bitLength() < 64 ? narrow(n.longValue()) : n;
    }

    /** Compares two numbers by exact value (NaN and infinities by double order). */
    static int compare(Number a, Number b) {
        BigDecimal x = PyText.decimal(a);
        BigDecimal y = PyText.decimal(b);
        if (x == null || y == null) {
            return Double.compare(a.doubleValue(), b.doubleValue());
        }
        return x.compareTo(y);
    }
}
