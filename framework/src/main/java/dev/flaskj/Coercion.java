package dev.flaskj;

import java.math.BigInteger;
import java.util.UUID;

/**
 * Converts a URL value (converted by the rule's converter, or a default given as a string in {@code @Route}) to the
 * type of the view parameter that receives it.
 */
final class Coercion {
    private Coercion() {}

    static Object to(Class<?> type, Object value) {
        if (value == null || type == Object.class || type.isInstance(value)) {
            return value;
        }
        String s = value.toString();
        if (type == Integer.class) {
            return value instanceof Number n ? Integer.valueOf(Math.toIntExact(n.longValue())) : Integer.valueOf(s);
        }
        if (type == Long.class) {
            return value instanceof Number n ? Long.valueOf(n.longValue()) : Long.valueOf(s);
        }
        if (type == BigInteger.class) {
            return new BigInteger(s);
        }
        if (type == Double.class) {
            return value instanceof Number n ? Double.valueOf(n.doubleValue()) : Double.valueOf(s);
        }
        if (type == Float.class) {
            return value instanceof Number n ? Float.valueOf(n.floatValue()) : Float.valueOf(s);
        }
        if (type == UUID.class) {
            return UUID.fromString(s);
        }
        return s;
    }
}
