package dev.flaskj.json;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collection;
import java.util.RandomAccess;
import java.util.StringJoiner;

/**
 * An immutable sequence that stands for a Python {@code tuple}, so that tagged session JSON keeps tuples apart
 * from lists in both directions.
 *
 * <p>Flask: the {@code " t"} tag of {@code flask.json.tag}. A session written by Python with
 * {@code ("message", "Hi")} (a flashed message) reads back as a {@code Tuple}, and a {@code Tuple} written by
 * Java reads back in Python as a tuple. Other Java lists and arrays become Python lists. Items may be null
 * (Python's {@code None}).
 * <pre>{@code
 * Tuple flash = Tuple.of("error", "Bad password");
 * String category = (String) flash.get(0);
 * }</pre>
 *
 * <p>{@code equals} and {@code hashCode} follow the {@link java.util.List} contract, so a tuple equals a list with
 * the same items; test {@code instanceof Tuple} to tell them apart.
 *
 * <p>Serializable when its items are: a flashed message is a tuple, and with container sessions
 * ({@code SESSION_INTERFACE=container}) the container serializes the session to persist or share it.
 */
public final class Tuple extends AbstractList<Object> implements RandomAccess, java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private static final Tuple EMPTY = new Tuple(new Object[0]);

    private final Object[] items;

    private Tuple(Object[] items) {
        this.items = items;
    }

    /** A tuple of the given items, copied. */
    public static Tuple of(Object... items) {
        return items.length == 0 ? EMPTY : new Tuple(items.clone());
    }

    /** A tuple of the items of {@code items}, in iteration order. */
    public static Tuple copyOf(Collection<?> items) {
        return items instanceof Tuple tuple ? tuple : of(items.toArray());
    }

    @Override
    public Object get(int index) {
        return items[index];
    }

    @Override
    public int size() {
        return items.length;
    }

    @Override
    public Object[] toArray() {
        return Arrays.copyOf(items, items.length, Object[].class);
    }

    /** Keeps the empty tuple a single instance, and a deserialized tuple's array its own. */
    private Object readResolve() {
        return items.length == 0 ? EMPTY : new Tuple(items.clone());
    }

    /** Python-like: {@code (a, b)}, and {@code (a,)} for one item. */
    @Override
    public String toString() {
        StringJoiner joiner = new StringJoiner(", ", "(", items.length == 1 ? ",)" : ")");
        for (Object item : items) {
            joiner.add(String.valueOf(item));
        }
        return joiner.toString();
    }
}
