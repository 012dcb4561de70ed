package dev.flaskj;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Flask's {@code g}: a namespace for data that lives as long as the application context, that is one request.
 *
 * <pre>{@code
 * Connection db = g().setDefault("db", () -> dataSource.getConnection());
 * }</pre>
 * Not thread-safe, by design: one request context belongs to one thread.
 */
public final class AppGlobals {
    private final Map<String, Object> values = new HashMap<>();

    AppGlobals() {}

    /** The value, or null when absent (Flask: {@code g.get(name)}). */
    @SuppressWarnings("unchecked")
    public <T> T get(String name) {
        return (T) values.get(name);
    }

    /** The value, or {@code defaultValue} when absent. */
    @SuppressWarnings("unchecked")
    public <T> T get(String name, T defaultValue) {
        return values.containsKey(name) ? (T) values.get(name) : defaultValue;
    }

    /** Sets a value (Flask: {@code g.name = value}). */
    public void put(String name, Object value) {
        values.put(name, value);
    }

    /** The value, storing {@code supplier.get()} first if absent (Flask: {@code g.setdefault}). */
    @SuppressWarnings("unchecked")
    public <T> T setDefault(String name, Supplier<? extends T> supplier) {
        if (!values.containsKey(name)) {
            values.put(name, supplier.get());
        }
        return (T) values.get(name);
    }

    /** Removes and returns a value, or null (Flask: {@code g.pop(name, None)}). */
    @SuppressWarnings("unchecked")
    public <T> T pop(String name) {
        return (T) values.remove(name);
    }

    /** Whether a value is set (Flask: {@code name in g}). */
    public boolean contains(String name) {
        return values.containsKey(name);
    }

    /** The names set, for templates and debugging. */
    public Set<String> names() {
        return Set.copyOf(values.keySet());
    }

    /** A read-only copy of the values, for templates. */
    public Map<String, Object> asMap() {
        return java.util.Collections.unmodifiableMap(values);
    }

    @Override
    public String toString() {
        return "<flaskj.g of " + values.keySet() + ">";
    }
}
