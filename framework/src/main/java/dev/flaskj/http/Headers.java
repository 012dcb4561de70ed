package dev.flaskj.http;

import dev.flaskj.exceptions.BadRequestKeyError;
import jakarta.servlet.http.HttpServletRequest;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An ordered, case-insensitive list of HTTP headers, several values per name allowed.
 *
 * <p>Werkzeug: {@code werkzeug.datastructures.Headers} (response side) and {@code EnvironHeaders} (request side,
 * {@link #fromRequest}, read-only). Names keep the case they were added with and compare case-insensitively.
 * <pre>{@code
 * Headers h = new Headers();
 * h.add("Set-Cookie", "a=1");
 * h.add("set-cookie", "b=2");
 * h.getList("SET-COOKIE");          // ["a=1", "b=2"]
 * h.set("Content-Type", "text/plain");
 * request.headers().get("X-Token"); // 400 (BadRequestKeyError) when missing, like request.headers['X-Token']
 * }</pre>
 * Not thread-safe; a request's headers are read once and never change.
 */
public final class Headers implements Iterable<Map.Entry<String, String>> {
    private final List<Map.Entry<String, String>> entries;
    private final boolean readOnly;

    /** An empty, mutable header list. */
    public Headers() {
        this(new ArrayList<>(4), false); // a response has a few headers: Content-Type, maybe Set-Cookie, Vary
    }

    private Headers(List<Map.Entry<String, String>> entries, boolean readOnly) {
        this.entries = entries;
        this.readOnly = readOnly;
    }

    /**
     * The request's headers, read once in the container's order, as a read-only list.
     *
     * <p>Names are title-cased as WSGI makes them ({@code x-api-key} → {@code X-Api-Key}), so iterating gives
     * what {@code request.headers} gives in Flask. Use {@link #copy()} for a mutable copy.
     */
    public static Headers fromRequest(HttpServletRequest req) {
        List<Map.Entry<String, String>> list = new ArrayList<>();
        Enumeration<String> names = req.getHeaderNames();
        while (names != null && names.hasMoreElements()) {
            String name = names.nextElement();
            String title = titleCase(name);
            Enumeration<String> values = req.getHeaders(name);
            while (values != null && values.hasMoreElements()) {
                list.add(entry(title, values.nextElement()));
            }
        }
        return new Headers(list, true);
    }

    /**
     * The first value of {@code name}: Python's {@code headers[name]}.
     *
     * @throws BadRequestKeyError if there is no such header (a 400 unless handled)
     */
    public String get(String name) {
        String value = get(name, null);
        if (value == null) {
            throw new BadRequestKeyError(name);
        }
        return value;
    }

    /** The first value of {@code name}, or {@code defaultValue} (which may be null). */
    public String get(String name, String defaultValue) {
        for (Map.Entry<String, String> e : entries) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return defaultValue;
    }

    /** Every value of {@code name} in order; empty when absent (Werkzeug: {@code getlist}). */
    public List<String> getList(String name) {
        List<String> values = new ArrayList<>();
        for (Map.Entry<String, String> e : entries) {
            if (e.getKey().equalsIgnoreCase(name)) {
                values.add(e.getValue());
            }
        }
        return Collections.unmodifiableList(values);
    }

    /** Whether at least one header has this name (Python's {@code name in headers}). */
    public boolean containsKey(String name) {
        return get(name, null) != null;
    }

    /** The distinct names in order of first appearance, as first added. */
    public Set<String> names() {
        Set<String> lower = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        for (Map.Entry<String, String> e : entries) {
            if (lower.add(e.getKey().toLowerCase(Locale.ROOT))) {
                names.add(e.getKey());
            }
        }
        return Collections.unmodifiableSet(names);
    }

    /**
     * Appends a header (Werkzeug: {@code add}).
     *
     * @throws IllegalArgumentException if the value contains a CR or LF (header injection), as Werkzeug refuses
     * @throws UnsupportedOperationException on request headers
     */
    public void add(String name, String value) {
        checkWritable();
        entries.add(entry(checkName(name), checkValue(value)));
    }

    /**
     * Replaces every value of {@code name} by {@code value}, at the position of the first one, or appends it
     * (Werkzeug: {@code set}).
     *
     * @throws IllegalArgumentException if the value contains a CR or LF
     * @throws UnsupportedOperationException on request headers
     */
    public void set(String name, String value) {
        checkWritable();
        Map.Entry<String, String> replacement = entry(checkName(name), checkValue(value));
        boolean replaced = false;
        for (ListIterator<Map.Entry<String, String>> it = entries.listIterator(); it.hasNext(); ) {
            if (it.next().getKey().equalsIgnoreCase(name)) {
                if (!replaced) {
                    it.set(replacement);
                    replaced = true;
                } else {
                    it.remove();
                }
            }
        }
        if (!replaced) {
            entries.add(replacement);
        }
    }

    /**
     * Removes every header named {@code name}; nothing happens when there is none (Werkzeug: {@code remove}).
     *
     * @throws UnsupportedOperationException on request headers
     */
    public void remove(String name) {
        checkWritable();
        entries.removeIf(e -> e.getKey().equalsIgnoreCase(name));
    }

    /** A mutable copy (Werkzeug: {@code copy}), also of read-only request headers. */
    public Headers copy() {
        return new Headers(new ArrayList<>(entries), false);
    }

    /** A read-only copy, for headers that must not change once parsed (a request's, an upload part's). */
    Headers asReadOnly() {
        return new Headers(new ArrayList<>(entries), true);
    }

    /** Whether this is a read-only header list (a request's or an upload part's). */
    public boolean isReadOnly() {
        return readOnly;
    }

    /** Whether there is no header. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The number of header lines, counting each value (Python's {@code len(headers)}). */
    public int size() {
        return entries.size();
    }

    /**
     * Every (name, value) line in order; the iterator cannot remove, and, as with any list, adding or removing a
     * header while iterating fails with {@link java.util.ConcurrentModificationException}.
     */
    @Override
    public Iterator<Map.Entry<String, String>> iterator() {
        return Collections.unmodifiableList(entries).iterator();
    }

    /** Same lines in the same order, names compared case-insensitively. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Headers other) || other.entries.size() != entries.size()) {
            return false;
        }
        for (int i = 0; i < entries.size(); i++) {
            Map.Entry<String, String> a = entries.get(i);
            Map.Entry<String, String> b = other.entries.get(i);
            if (!a.getKey().equalsIgnoreCase(b.getKey()) || !a.getValue().equals(b.getValue())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (Map.Entry<String, String> e : entries) {
            h = 31 * h + Objects.hash(e.getKey().toLowerCase(Locale.ROOT), e.getValue());
        }
        return h;
    }

    /** The header block as Werkzeug's {@code str(headers)}: {@code Name: value\r\n} per line, then {@code \r\n}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : entries) {
            sb.append(e.getKey()).append(": ").append(e.getValue()).append("\r\n");
        }
        return sb.append("\r\n").toString();
    }

    private void checkWritable() {
        if (readOnly) {
            throw new UnsupportedOperationException("request headers are read-only; use copy()");
        }
    }

    private static String checkName(String name) {
        Objects.requireNonNull(name, "name == null");
        if (name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("Header names must not contain newline characters.");
        }
        return name;
    }

    private static String checkValue(String value) {
        Objects.requireNonNull(value, "value == null");
        // Werkzeug: datastructures/headers.py _str_header_value refuses CR and LF, which would split the header.
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("Header values must not contain newline characters.");
        }
        return value;
    }

    private static Map.Entry<String, String> entry(String name, String value) {
        return new AbstractMap.SimpleImmutableEntry<>(name, value);
    }

    /** Python's {@code str.title()} on an ASCII header name: upper after any non-letter, lower otherwise. */
    static String titleCase(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        boolean afterLetter = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean letter = Character.isLetter(c);
            sb.append(letter ? (afterLetter ? Character.toLowerCase(c) : Character.toUpperCase(c)) : c);
            afterLetter = letter;
        }
        return sb.toString();
    }
}
