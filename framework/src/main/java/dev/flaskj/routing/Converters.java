package dev.flaskj.routing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The converter registry of one {@link UrlMap}: converter name → {@link ConverterFactory}.
 *
 * <p>Werkzeug: {@code Map.converters} (initialised from {@code DEFAULT_CONVERTERS}). The built-ins are
 * {@code default} and {@code string}, {@code any}, {@code path}, {@code int}, {@code float} and {@code uuid}, with
 * Werkzeug's options (Werkzeug's routing documentation, "Built-in Converters"). Register custom
 * converters before adding the rules
 * that use them:
 * <pre>{@code
 * map.converters().register("hex", (args, kwargs) -> new HexConverter());
 * map.add(RuleSpec.of("/color/<hex:rgb>", "color"));
 * }</pre>
 * A name registered twice replaces the earlier factory (Werkzeug lets an app override {@code default}).
 */
public final class Converters {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    private final Map<String, ConverterFactory> factories = new LinkedHashMap<>();
    private volatile boolean frozen;

    /** A registry holding the built-in converters. */
    public Converters() {
        factories.put("default", BuiltinConverters::string);
        factories.put("string", BuiltinConverters::string);
        factories.put("any", BuiltinConverters::any);
        factories.put("path", BuiltinConverters::path);
        factories.put("int", BuiltinConverters::integer);
        factories.put("float", BuiltinConverters::floating);
        factories.put("uuid", BuiltinConverters::uuid);
    }

    /**
     * Registers (or replaces) the converter called {@code name} in rules.
     *
     * @throws IllegalArgumentException if {@code name} is not an identifier ({@code [a-zA-Z_][a-zA-Z0-9_]*})
     * @throws IllegalStateException    after the map was frozen
     */
    public synchronized void register(String name, ConverterFactory factory) {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(factory, "factory == null");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("converter name " + PyText.repr(name)
                    + " is not an identifier ([a-zA-Z_][a-zA-Z0-9_]*), so no rule could use it");
        }
        if (frozen) {
            throw new IllegalStateException("setup method called after the first request: converter "
                    + PyText.repr(name) + " cannot be registered on a frozen URL map");
        }
        factories.put(name, factory);
    }

    /** The registered names, built-ins first, in registration order. */
    public synchronized Set<String> names() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(factories.keySet()));
    }

    /** The factory for {@code name}, or null when there is none. */
    synchronized ConverterFactory factory(String name) {
        return factories.get(name);
    }

    void freeze() {
        frozen = true;
    }

    /** The wrapper type of a primitive type, or the type itself. */
    static Class<?> box(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        List<Class<?>> prims = List.of(int.class, long.class, double.class, float.class, boolean.class,
                short.class, byte.class, char.class);
        List<Class<?>> boxes = List.of(Integer.class, Long.class, Double.class, Float.class, Boolean.class,
                Short.class, Byte.class, Character.class);
        int i = prims.indexOf(type);
        return i < 0 ? type : boxes.get(i);
    }
}
