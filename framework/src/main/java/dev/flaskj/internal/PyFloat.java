package dev.flaskj.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code repr(float)}, the one copy for routing (URLs, messages) and JSON ({@code json.dumps}): the
 * shortest digits that read back as the same double, fixed notation for decimal exponents -4..16 ({@code 0.0001},
 * {@code 1000000000000000.0}) and {@code 1e+16} / {@code 1e-05} style outside it.
 *
 * <p>JDK 17's {@code Double.toString} is not always the shortest (it writes {@code 2.0000000000000002E23} for
 * {@code 2e+23}, {@code 4.9E-324} for {@code 5e-324}), so the digits are searched for with {@link BigDecimal}: the
 * smallest precision at which a neighbour of the exact value reads back as the same double. Round-trip success is
 * monotonic in the precision, so a binary search over 1..17 digits is enough.
 * <pre>{@code
 * PyFloat.repr(2e23);        // "2e+23"
 * PyFloat.repr(1e16);        // "1e+16"
 * PyFloat.repr(1e-7);        // "1e-07"
 * PyFloat.repr(-0.0);        // "-0.0"
 * PyFloat.repr(Double.NaN);  // "nan"
 * }</pre>
 */
public final class PyFloat {
    private static final int MAX_DIGITS = 17;

    private PyFloat() {}

    /** Python's {@code repr(d)}: {@code inf}, {@code -inf} and {@code nan} for the non-finite values. */
    public static String repr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        return finite(d);
    }

    /** The text of {@code d} as Python's {@code json.dumps} writes it: {@code NaN}, {@code Infinity} else repr. */
    public static String json(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        return finite(d);
    }

    private static String finite(double d) {
        if (d == 0) {
            return Double.doubleToRawLongBits(d) < 0 ? "-0.0" : "0.0";
        }
        // Every integral double below 1e16 prints as its integer value plus ".0" (Python's fixed range).
        if (Math.abs(d) < 1e16 && d == Math.rint(d)) {
            return (long) d + ".0";
        }
        String sign = d < 0 ? "-" : "";
        BigDecimal shortest = shortest(Math.abs(d)).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int pointPosition = digits.length() - shortest.scale();
        return sign + format(digits, pointPosition);
    }

    private static BigDecimal shortest(double a) {
        BigDecimal exact = new BigDecimal(a);
        int low = 1;
        int high = MAX_DIGITS;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (candidate(exact, mid, a) != null) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        BigDecimal found = candidate(exact, low, a);
        return found != null ? found : exact.round(new MathContext(MAX_DIGITS, RoundingMode.HALF_EVEN));
    }

    // The nearest p-digit decimal if it reads back as a; else the other neighbour if that one does (this only
    // happens at powers of two, where the rounding interval is lopsided); else null.
    private static BigDecimal candidate(BigDecimal exact, int precision, double a) {
        BigDecimal nearest = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
        if (nearest.doubleValue() == a) {
            return nearest;
        }
        BigDecimal down = exact.round(new MathContext(precision, RoundingMode.DOWN));
        if (down.doubleValue() == a) {
            return down;
        }
        BigDecimal up = exact.round(new MathContext(precision, RoundingMode.UP));
        return up.doubleValue() == a ? up : null;
    }

    // Python: float_repr_style 'short' with repr's rule: exponent notation when the point position (value =
    // 0.DIGITS x 10^pointPosition) is below -3 or above 16.
    private static String format(String digits, int pointPosition) {
        int n = digits.length();
        if (pointPosition < -3 || pointPosition > 16) {
            int exponent = pointPosition - 1;
            String mantissa = n == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            int abs = Math.abs(exponent);
            return mantissa + (exponent < 0 ? "e-" : "e+") + (abs < 10 ? "0" : "") + abs;
        }
        if (pointPosition <= 0) {
            return "0." + "0".repeat(-pointPosition) + digits;
        }
        if (pointPosition >= n) {
            return digits + "0".repeat(pointPosition - n) + ".0";
        }
        return digits.substring(0, pointPosition) + "." + digits.substring(pointPosition);
    }
}
