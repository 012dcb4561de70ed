package dev.flaskj.routing;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Werkzeug's default converters: {@code string}, {@code any}, {@code path}, {@code int}, {@code float},
 * {@code uuid}, with their options bound like Python keyword arguments.
 *
 * <p>Werkzeug 3.x: {@code routing/converters.py}; the converters Werkzeug's routing documentation lists
 * under "Built-in Converters".
 */
final class BuiltinConverters {
    private BuiltinConverters() {}

    static Converter string(List<Object> args, Map<String, Object> kwargs) {
        Object[] a = PyArgs.bind("string", args, kwargs, "minlength", "maxlength", "length");
        String quantifier;
        if (a[2] != null) {
            quantifier = "{" + PyArgs.toInt(a[2]) + "}";
        } else {
            int min = a[0] == null ? 1 : PyArgs.toInt(a[0]);
            quantifier = "{" + min + "," + (a[1] == null ? "" : PyArgs.toInt(a[1])) + "}";
        }
        return new StringConverter("[^/]" + quantifier);
    }

    static Converter any(List<Object> args, Map<String, Object> kwargs) {
        if (!kwargs.isEmpty()) {
            throw new IllegalArgumentException("any() got an unexpected keyword argument "
                    + PyText.repr(kwargs.keySet().iterator().next()));
        }
        List<String> items = new ArrayList<>(args.size());
        for (Object item : args) {
            items.add(PyText.str(item));
        }
        return new AnyConverter(items);
    }

    static Converter path(List<Object> args, Map<String, Object> kwargs) {
        return PathConverter.INSTANCE; // Werkzeug's BaseConverter ignores extra arguments
    }

    static Converter uuid(List<Object> args, Map<String, Object> kwargs) {
        return UuidConverter.INSTANCE; // as path: arguments are ignored
    }

    static Converter integer(List<Object> args, Map<String, Object> kwargs) {
        Object[] a = PyArgs.bind("int", args, kwargs, "fixed_digits", "min", "max", "signed");
        return new IntConverter(a[0] == null ? 0 : PyArgs.toInt(a[0]), PyArgs.number(a[1]), PyArgs.number(a[2]),
                PyArgs.truthy(a[3]));
    }

    static Converter floating(List<Object> args, Map<String, Object> kwargs) {
        Object[] a = PyArgs.bind("float", args, kwargs, "min", "max", "signed");
        return new FloatConverter(PyArgs.number(a[0]), PyArgs.number(a[1]), PyArgs.truthy(a[2]));
    }

    /** {@code string}/{@code default}: one segment, {@code [^/]{min,max}}; Werkzeug's UnicodeConverter. */
    record StringConverter(String regex) implements Converter {
        @Override
        public boolean matchesSlash() {
            return false; // "[^/]" mentions a slash but never matches one
        }
    }

    /** {@code path}: the rest of the path, slashes included, not starting with a slash; weight 200. */
    static final class PathConverter implements Converter {
        static final PathConverter INSTANCE = new PathConverter();

        @Override
        public String regex() {
            return "[^/].*?";
        }

        @Override
        public int weight() {
            return 200;
        }

        @Override
        public boolean matchesSlash() {
            return true;
        }

        @Override
        public String toString() {
            return "path";
        }
    }

    /** {@code any(a, b, ...)}: exactly one of the items; building checks the value. */
    record AnyConverter(List<String> items) implements Converter {
        AnyConverter {
            items = List.copyOf(items);
        }

        @Override
        public String regex() {
            StringBuilder regex = new StringBuilder("(?:");
            for (int i = 0; i < items.size(); i++) {
                regex.append(i == 0 ? "" : "|").append(Pattern.quote(items.get(i)));
            }
            return regex.append(')').toString();
        }

        @Override
        public String toUrl(Object value) {
            // Werkzeug 2.2+: the value must be one of the items, and it is used as it is (not quoted).
            if (value instanceof String s && items.contains(s)) {
                return s;
            }
            StringBuilder valid = new StringBuilder();
            for (String item : new TreeSet<>(items)) {
                valid.append(valid.length() == 0 ? "" : ", ").append('\'').append(item).append('\'');
            }
            throw new IllegalArgumentException("'" + PyText.str(value) + "' is not one of " + valid);
        }
    }

    /** {@code uuid}: 8-4-4-4-12 hex digits of either case, to {@link UUID}. */
    static final class UuidConverter implements Converter {
        static final UuidConverter INSTANCE = new UuidConverter();

        @Override
        public String regex() {
            return "[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}";
        }

        @Override
        public Object toJava(String value) {
            return UUID.fromString(value);
        }

        @Override
        public String toUrl(Object value) {
            return PyText.str(value); // Werkzeug: str(value), no validation and no quoting
        }

        @Override
        public Class<?> javaType() {
            return UUID.class;
        }

        @Override
        public String toString() {
            return "uuid";
        }
    }

    /**
     * {@code int(fixed_digits=0, min=None, max=None, signed=False)}: digits (Unicode decimal digits too, as Python's
     * {@code \d}), to {@code Integer} when the value fits, else {@code Long}, else {@code BigInteger}.
     */
    record IntConverter(int fixedDigits, Number min, Number max, boolean signed) implements Converter {
        @Override
        public String regex() {
            return signed ? "-?\\d+" : "\\d+";
        }

        @Override
        public int weight() {
            return 50;
        }

        @Override
        public Object toJava(String value) throws ValidationException {
            if (fixedDigits != 0 && value.codePointCount(0, value.length()) != fixedDigits) {
                throw new ValidationException();
            }
            String digits = PyArgs.asciiDigits(value);
            if (digits.length() > PyArgs.MAX_INT_DIGITS) {
                // CPython's int() refuses more than 4300 digits (a ValueError, a 500 in Flask); a 404 is kinder.
                throw new ValidationException();
            }
            Number n = digits.length() <= 18
                    ? PyArgs.narrow(Long.parseLong(digits))
                    : PyArgs.narrow(new BigInteger(digits));
            if (min != null && PyArgs.compare(n, min) < 0 || max != null && PyArgs.compare(n, max) > 0) {
                throw new ValidationException();
            }
            return n;
        }

        @Override
        public String toUrl(Object value) {
            String digits = PyArgs.pyInt(value).toString();
            if (digits.length() >= fixedDigits) {
                return digits;
            }
            // Python's str.zfill: zeros go after the sign ("-7".zfill(4) == "-007").
            boolean negative = digits.startsWith("-");
            String zeros = "0".repeat(fixedDigits - digits.length());
            return negative ? "-" + zeros + digits.substring(1) : zeros + digits;
        }

        @Override
        public Class<?> javaType() {
            return Number.class;
        }
    }

    /** {@code float(min=None, max=None, signed=False)}: {@code \d+\.\d+} to {@code Double}. */
    record FloatConverter(Number min, Number max, boolean signed) implements Converter {
        @Override
        public String regex() {
            return signed ? "-?\\d+\\.\\d+" : "\\d+\\.\\d+";
        }

        @Override
        public int weight() {
            return 50;
        }

        @Override
        public Object toJava(String value) throws ValidationException {
            double d = Double.parseDouble(PyArgs.asciiDigits(value));
            if (min != null && d < min.doubleValue() || max != null && d > max.doubleValue()) {
                throw new ValidationException();
            }
            return d;
        }

        @Override
        public String toUrl(Object value) {
            return PyText.str(PyArgs.pyFloat(value));
        }

        @Override
        public Class<?> javaType() {
            return Double.class;
        }
    }
}
