package dev.flaskj.http;

import dev.flaskj.exceptions.BadRequestKeyError;
import java.time.DateTimeException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * An immutable map from string keys to one or more values each, keys in insertion order.
 *
 * <p>Werkzeug: {@code werkzeug.datastructures.ImmutableMultiDict}, the type of {@code request.args},
 * {@code request.form}, {@code request.files} and {@code request.cookies}. {@link #get(String)} is
 * {@code d[key]}: the first value, or a {@link BadRequestKeyError} (a 400) when the key is missing.
 * <pre>{@code
 * MultiDict<String> args = UrlEncoded.parse("page=2&tag=a&tag=b");
 * args.get("page");                       // "2"
 * args.getList("tag");                    // ["a", "b"]
 * args.getInt("page", 1);                 // 2; "abc" or a missing key gives 1, like type=int
 * args.get("day", null, LocalDate::parse); // any converter; a failing one gives the default
 * }</pre>
 * Iteration yields every (key, value) pair, grouped by key in key order, as Werkzeug's
 * {@code items(multi=True)} does. Keys and values are non-null.
 *
 * @param <V> the value type: {@code String} for args, form and cookies, {@link FileStorage} for files
 */
public final class MultiDict<V> implements Iterable<Map.Entry<String, V>> {
    private static final MultiDict<?> EMPTY = new MultiDict<>(new LinkedHashMap<>());

    // CPython's limit on the digits of an int parsed from text (sys.int_info.default_max_str_digits).
    private static final int MAX_INT_DIGITS = 4300;

    private final Map<String, List<V>> values;

    private MultiDict(Map<String, List<V>> values) {
        this.values = values;
    }

    /** The empty dict (Werkzeug: {@code ImmutableMultiDict()}). */
    @SuppressWarnings("unchecked")
    public static <V> MultiDict<V> empty() {
        return (MultiDict<V>) EMPTY;
    }

    /** A builder; add pairs in order, then {@link Builder#build()}. */
    public static <V> Builder<V> builder() {
        return new Builder<>();
    }

    /** A dict holding one pair. */
    public static <V> MultiDict<V> of(String key, V value) {
        return MultiDict.<V>builder().add(key, value).build();
    }

    /**
     * Several dicts seen as one, keys in order of first appearance and the values of each key concatenated in
     * the dicts' order (Werkzeug: {@code CombinedMultiDict}, used for {@code request.values}: args, then form).
     */
    public static <V> MultiDict<V> combine(List<MultiDict<V>> dicts) {
        Builder<V> builder = builder();
        for (MultiDict<V> dict : dicts) {
            builder.addAll(dict);
        }
        return builder.build();
    }

    /**
     * The first value of {@code key}: Python's {@code d[key]}.
     *
     * @throws BadRequestKeyError if the key is missing (a 400 unless handled)
     */
    public V get(String key) {
        List<V> list = values.get(key);
        if (list == null) {
            throw new BadRequestKeyError(key);
        }
        return list.get(0);
    }

    /** The first value of {@code key}, or {@code defaultValue} (which may be null) when it is missing. */
    public V get(String key, V defaultValue) {
        List<V> list = values.get(key);
        return list == null ? defaultValue : list.get(0);
    }

    /**
     * The first value of {@code key} converted by {@code type}, or {@code defaultValue} when the key is missing or
     * the conversion fails: Werkzeug's {@code d.get(key, default, type=int)}.
     *
     * <p>Python returns the default when the converter raises {@code ValueError} or {@code TypeError}; the Java
     * equivalents caught here are {@link IllegalArgumentException} (so {@link NumberFormatException}),
     * {@link DateTimeException} (so {@code LocalDate::parse}) and {@link ClassCastException}. Any other
     * exception propagates. Works for any value type; with {@code String} values {@code Integer::valueOf},
     * {@code UUID::fromString} or {@code LocalDate::parse} are typical. Note that {@code Integer::valueOf} is
     * stricter than Python's {@code int} (no surrounding spaces or underscores); {@link #getInt} is not.
     */
    public <T> T get(String key, T defaultValue, Function<? super V, ? extends T> type) {
        Objects.requireNonNull(type, "type == null");
        List<V> list = values.get(key);
        if (list == null) {
            return defaultValue;
        }
        try {
            return type.apply(list.get(0));
        } catch (IllegalArgumentException | DateTimeException | ClassCastException e) {
            return defaultValue;
        }
    }

    /**
     * The first value parsed as Python's {@code int()} would ({@code type=int}): surrounding whitespace, a sign
     * and single underscores between digits are accepted; a value that is not a string, not an integer or out of
     * the {@code int} range gives {@code defaultValue}.
     */
    public Integer getInt(String key, Integer defaultValue) {
        Long parsed = get(key, null, MultiDict::pythonLong);
        return parsed == null || parsed != parsed.intValue() ? defaultValue : Integer.valueOf(parsed.intValue());
    }

    /** As {@link #getInt}, for {@code long}. */
    public Long getLong(String key, Long defaultValue) {
        Long parsed = get(key, null, MultiDict::pythonLong);
        return parsed == null ? defaultValue : parsed;
    }

    /**
     * The first value parsed as Python's {@code float()} would ({@code type=float}): also {@code inf},
     * {@code infinity} and {@code nan} in any case; anything else gives {@code defaultValue}.
     */
    public Double getDouble(String key, Double defaultValue) {
        Double parsed = get(key, null, MultiDict::pythonDouble);
        return parsed == null ? defaultValue : parsed;
    }

    // There is deliberately no getBoolean: Python's bool("false") is True, so Flask has no such idiom to copy.

    /** All values of {@code key} in order; empty when the key is missing (Werkzeug: {@code getlist}). */
    public List<V> getList(String key) {
        List<V> list = values.get(key);
        return list == null ? List.of() : list;
    }

    /** Whether {@code key} has at least one value (Python's {@code key in d}). */
    public boolean containsKey(String key) {
        return values.containsKey(key);
    }

    /** The distinct keys in insertion order; unmodifiable. */
    public Set<String> keySet() {
        return Collections.unmodifiableSet(values.keySet());
    }

    /** The number of distinct keys (Python's {@code len(d)}). */
    public int size() {
        return values.size();
    }

    /** Whether there are no keys. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** The first value of each key, in key order: Werkzeug's {@code to_dict(flat=True)}; unmodifiable. */
    public Map<String, V> toMap() {
        Map<String, V> map = new LinkedHashMap<>();
        values.forEach((key, list) -> map.put(key, list.get(0)));
        return Collections.unmodifiableMap(map);
    }

    /** All values of each key, in key order: Werkzeug's {@code to_dict(flat=False)}; unmodifiable. */
    public Map<String, List<V>> toListMap() {
        return Collections.unmodifiableMap(values);
    }

    /** Every (key, value) pair, grouped by key in key order; the entries are immutable. */
    @Override
    public Iterator<Map.Entry<String, V>> iterator() {
        List<Map.Entry<String, V>> entries = new ArrayList<>();
        values.forEach((key, list) -> list.forEach(v -> entries.add(new AbstractMap.SimpleImmutableEntry<>(key, v))));
        return Collections.unmodifiableList(entries).iterator();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MultiDict<?> other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** Werkzeug's repr: {@code MultiDict([('a', '1'), ('a', '3'), ('b', '2')])}, with Java's value strings. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("MultiDict([");
        String sep = "";
        for (Map.Entry<String, V> e : this) {
            sb.append(sep).append("('").append(e.getKey()).append("', '").append(e.getValue()).append("')");
            sep = ", ";
        }
        return sb.append("])").toString();
    }

    /**
     * Python's {@code int(str)}, in one pass: surrounding whitespace, a sign, decimal digits of any script and
     * single underscores between digits; more than 4300 digits is an error as in CPython, and so is a value beyond
     * {@code long}. Each character is looked at once, so the cost is linear whatever the input.
     */
    static Long pythonLong(Object value) {
        String s = ((String) value).strip();
        int n = s.length();
        int i = 0;
        boolean negative = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        long acc = 0; // kept negative, so that Long.MIN_VALUE fits
        int digits = 0;
        boolean afterDigit = false;
        while (i < n) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '_' && afterDigit && i < n) {
                afterDigit = false; // the next character must be a digit
                continue;
            }
            int d = Character.isDigit(cp) ? Character.digit(cp, 10) : -1;
            if (d < 0 || ++digits > MAX_INT_DIGITS || acc < (Long.MIN_VALUE + d) / 10) {
                throw new NumberFormatException(s.length() > 40 ? s.substring(0, 40) + "..." : s);
            }
            acc = acc * 10 - d;
            afterDigit = true;
        }
        if (!afterDigit || (!negative && acc == Long.MIN_VALUE)) {
            throw new NumberFormatException(s.length() > 40 ? s.substring(0, 40) + "..." : s);
        }
        return negative ? acc : -acc;
    }

    /**
     * Python's {@code float(str)}, validated in one pass: a sign, then {@code inf}, {@code infinity} or {@code nan}
     * in any case, or decimal digits (any script, single underscores between digits) with an optional fraction
     * and exponent. The digits are handed to {@link Double#valueOf} in ASCII.
     */
    static Double pythonDouble(Object value) {
        String s = ((String) value).strip();
        int n = s.length();
        int i = 0;
        double sign = 1.0;
        StringBuilder ascii = new StringBuilder(Math.min(n, 64));
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            sign = s.charAt(i) == '-' ? -1.0 : 1.0;
            ascii.append(s.charAt(i));
            i++;
        }
        String word = s.substring(i).toLowerCase(java.util.Locale.ROOT);
        if (word.equals("inf") || word.equals("infinity")) {
            return sign * Double.POSITIVE_INFINITY;
        }
        if (word.equals("nan")) {
            return Double.NaN;
        }
        int intDigits = 0;
        int fracDigits = 0;
        int[] pos = {i};
        intDigits = digitPart(s, pos, ascii);
        if (pos[0] < n && s.charAt(pos[0]) == '.') {
            ascii.append('.');
            pos[0]++;
            fracDigits = digitPart(s, pos, ascii);
        }
        if (intDigits < 0 || fracDigits < 0 || intDigits + fracDigits == 0) {
            throw new NumberFormatException("not a float");
        }
        if (pos[0] < n && (s.charAt(pos[0]) == 'e' || s.charAt(pos[0]) == 'E')) {
            ascii.append('e');
            pos[0]++;
            if (pos[0] < n && (s.charAt(pos[0]) == '+' || s.charAt(pos[0]) == '-')) {
                ascii.append(s.charAt(pos[0]++));
            }
            if (digitPart(s, pos, ascii) <= 0) {
                throw new NumberFormatException("not a float");
            }
        }
        if (pos[0] != n) {
            throw new NumberFormatException("not a float");
        }
        return Double.valueOf(ascii.toString());
    }

    /**
     * Reads {@code digit (['_'] digit)*} at {@code pos[0]} into {@code out} as ASCII digits; returns the number of
     * digits (0 when there is none), or -1 for a misplaced underscore.
     */
    private static int digitPart(String s, int[] pos, StringBuilder out) {
        int i = pos[0];
        int digits = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (cp == '_') {
                int next = i + 1;
                if (digits == 0 || next >= s.length() || !Character.isDigit(s.codePointAt(next))) {
                    return -1;
                }
                i = next;
                continue;
            }
            if (!Character.isDigit(cp)) {
                break;
            }
            out.append((char) ('0' + Character.digit(cp, 10)));
            digits++;
            i += Character.charCount(cp);
        }
        pos[0] = i;
        return digits;
    }

    /**
     * Collects pairs for a {@link MultiDict}; not thread-safe, and reusable: {@link #build()} takes a snapshot.
     *
     * @param <V> the value type
     */
    public static final class Builder<V> {
        private final Map<String, List<V>> values = new LinkedHashMap<>();

        private Builder() {}

        /** Appends one value to {@code key}; returns this builder. */
        public Builder<V> add(String key, V value) {
            Objects.requireNonNull(key, "key == null");
            Objects.requireNonNull(value, "value == null");
            values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            return this;
        }

        /** Appends every pair of {@code dict}; returns this builder. */
        public Builder<V> addAll(MultiDict<? extends V> dict) {
            for (Map.Entry<String, ? extends V> e : dict) {
                add(e.getKey(), e.getValue());
            }
            return this;
        }

        /** Whether no pair has been added yet. */
        public boolean isEmpty() {
            return values.isEmpty();
        }

        /** An immutable dict of the pairs added so far. */
        public MultiDict<V> build() {
            if (values.isEmpty()) {
                return empty();
            }
            Map<String, List<V>> copy = new LinkedHashMap<>();
            values.forEach((key, list) -> copy.put(key, List.copyOf(list)));
            return new MultiDict<>(copy);
        }
    }
}
