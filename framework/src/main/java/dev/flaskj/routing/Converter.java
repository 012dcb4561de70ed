package dev.flaskj.routing;

import dev.flaskj.internal.PercentEncoding;
import java.math.BigInteger;

/**
 * Turns one placeholder of a rule into a regex for matching and converts values both ways.
 *
 * <p>Werkzeug: {@code werkzeug.routing.BaseConverter}. Built-ins come from {@link Converters}; a custom converter
 * implements {@link #regex()} and usually {@link #toJava(String)} and {@link #toUrl(Object)}:
 * <pre>{@code
 * Converter hex = new Converter() {
 *     public String regex() { return "[0-9a-f]+"; }
 *     public Object toJava(String value) { return Long.parseLong(value, 16); }
 *     public String toUrl(Object value) { return Long.toHexString((Long) value); }
 *     public Class<?> javaType() { return Long.class; }
 * };
 * }</pre>
 * The regex uses {@link java.util.regex.Pattern} syntax; it is compiled once, when the rule is added, and matched
 * against one path segment (or, when {@link #matchesSlash()}, the rest of the path). Capturing groups inside it
 * are allowed. Implementations must be immutable: one instance serves all requests.
 */
public interface Converter {
    /** The regex for the URL text this converter accepts (without anchors). */
    String regex();

    /**
     * The weight that orders dynamic parts: lower is tried first. Werkzeug's values are int/float 50,
     * string/any/uuid 100 (the default) and path 200.
     */
    default int weight() {
        return 100;
    }

    /**
     * Whether the regex can match {@code /}, so that the part consumes the rest of the path (Werkzeug's
     * {@code part_isolating = False}). The default, as in Werkzeug 2.3+, is whether the regex contains a slash
     * at all, so a regex such as {@code [^/]+} should override this to return false.
     */
    default boolean matchesSlash() {
        return regex().indexOf('/') >= 0;
    }

    /**
     * Converts the matched (percent-decoded) URL text into the view's value.
     *
     * @throws ValidationException if the text is not acceptable after all; the request then gets a 404
     */
    default Object toJava(String value) throws ValidationException {
        return value;
    }

    /**
     * Converts a value into percent-encoded URL text for building. The default quotes Python's {@code str(value)}
     * with Werkzeug 3.x's path set (see {@link dev.flaskj.routing.UrlBuilder}).
     *
     * @throws IllegalArgumentException if the value cannot be represented (Werkzeug's {@code ValueError})
     */
    default String toUrl(Object value) {
        return PercentEncoding.encodePath(PyText.str(value));
    }

    /**
     * The Java type of the values {@link #toJava(String)} returns, so a view's parameter can be checked at startup.
     * The built-in {@code int} converter answers {@code Number.class} because its values are {@code Integer},
     * {@code Long} or {@code BigInteger} depending on size; use {@link #accepts(Class)} for the check.
     */
    default Class<?> javaType() {
        return String.class;
    }

    /**
     * Whether a view parameter of {@code parameterType} can receive this converter's values. The default accepts
     * supertypes of {@link #javaType()} (primitives as their boxes); for {@code Number.class} it also accepts
     * {@code int}, {@code long} and {@code BigInteger} (and boxes), leaving range checks to the caller.
     */
    default boolean accepts(Class<?> parameterType) {
        Class<?> boxed = Converters.box(parameterType);
        if (boxed.isAssignableFrom(javaType())) {
            return true;
        }
        return javaType() == Number.class
                && (boxed == Integer.class || boxed == Long.class || boxed == BigInteger.class);
    }
}
