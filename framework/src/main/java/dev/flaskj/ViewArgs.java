package dev.flaskj;

import java.util.Collections;
import java.util.Map;

/**
 * The converted URL variables of the matched rule, plus the rule's defaults (Flask: {@code request.view_args}).
 *
 * <pre>{@code
 * app.addUrlRule("/post/<int:id>", "post", args -> "Post " + args.<Integer>get("id"));
 * }</pre>
 * Values have the converter's Java type: {@code Integer} (or {@code Long}/{@code BigInteger} when larger) for
 * {@code int}, {@code Double} for {@code float}, {@code UUID} for {@code uuid}, {@code String} otherwise.
 */
public final class ViewArgs {
    private static final ViewArgs EMPTY = new ViewArgs(Map.of());

    private final Map<String, Object> values;

    ViewArgs(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    static ViewArgs empty() {
        return EMPTY;
    }

    /** The value of a variable, or null if the rule has no such variable. */
    @SuppressWarnings("unchecked")
    public <T> T get(String name) {
        return (T) values.get(name);
    }

    /** Whether the rule defines the variable. */
    public boolean contains(String name) {
        return values.containsKey(name);
    }

    /** All values, read-only, in rule order. */
    public Map<String, Object> asMap() {
        return values;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
