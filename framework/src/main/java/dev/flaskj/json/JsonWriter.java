package dev.flaskj.json;

import dev.flaskj.internal.HtmlSafe;
import dev.flaskj.internal.PyFloat;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes Java values as Python's {@code json.dumps(sort_keys=True, ensure_ascii=True)} does, compact or with
 * {@code indent=2}; one instance per call.
 *
 * <p>The standard rules are Flask's {@code DefaultJSONProvider} (see {@link JsonProvider} for the table). An
 * {@link Extension} can take over values before the standard rules (the session tags) and convert values they
 * do not know (JSON-B).
 */
final class JsonWriter {
    /** How {@link TaggedJson} and {@link JsonProvider} change the standard rules. */
    interface Extension {
        /** Writes {@code value} and returns true, or returns false to let the standard rules write it. */
        boolean write(Object value, JsonWriter out);

        /**
         * Turns a value the standard rules do not know into one they do.
         *
         * @throws IllegalArgumentException if it cannot (Python: {@code TypeError: Object of type X is not JSON
         *     serializable})
         */
        Object convert(Object value);
    }

    /** The standard rules only: unknown types are an error. */
    static final Extension NONE = new Extension() {
        @Override
        public boolean write(Object value, JsonWriter out) {
            return false;
        }

        @Override
        public Object convert(Object value) {
            throw notSerializable(value);
        }
    };

    // Python detects cycles with a marker set; a depth limit catches them without a set per container.
    private static final int MAX_DEPTH = 1000;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final StringBuilder out;
    private final boolean pretty;
    // Python's default separators (", " and ": ") on one line, as json.dumps writes without arguments.
    private boolean spaced;
    private Extension extension;
    private int depth;

    JsonWriter(StringBuilder out, boolean pretty, Extension extension) {
        this.out = out;
        this.pretty = pretty;
        this.extension = extension;
    }

    /** This writer with Python's default {@code json.dumps} separators, {@code ", "} and {@code ": "}. */
    JsonWriter spaced() {
        this.spaced = true;
        return this;
    }

    /** Writes any value: the extension first, then the standard rules. */
    void value(Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(s);
        } else if (!extension.write(value, this)) {
            standard(value);
        }
    }

    /** Writes {@code value} with the standard rules only, also for everything inside it. */
    void plain(Object value) {
        Extension saved = extension;
        extension = NONE.equals(saved) ? saved : plainOf(saved);
        try {
            value(value);
        } finally {
            extension = saved;
        }
    }

    /** Writes the one-key object {@code {"<key>": value}}, for tags. */
    void singleKeyObject(String key, Object value) {
        enter();
        out.append('{');
        newline();
        string(key);
        out.append(pretty || spaced ? ": " : ":");
        value(value);
        leave();
        newline();
        out.append('}');
    }

    /** Writes a JSON string with Python's ensure_ascii escaping. */
    void string(String s) {
        out.append('"');
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            // Python: ESCAPE_ASCII = r'([\\"]|[^\ -~])', so DEL and everything non-ASCII is escaped too.
            if (c >= ' ' && c <= '~' && c != '"' && c != '\\') {
                continue;
            }
            out.append(s, start, i);
            escape(c);
            start = i + 1;
        }
        out.append(s, start, s.length()).append('"');
    }

    private void escape(char c) {
        switch (c) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            // Surrogate pairs come out as two escapes, as Python writes non-BMP characters.
            default -> out.append("\\u").append(HEX[c >> 12 & 15]).append(HEX[c >> 8 & 15])
                    .append(HEX[c >> 4 & 15]).append(HEX[c & 15]);
        }
    }

    private void standard(Object value) {
        if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Number n && isStandardNumber(n)) {
            number(n);
        } else if (value instanceof Map<?, ?> map) {
            object(entriesOf(map));
        } else if (value instanceof Iterable<?> items) {
            array(items.iterator());
        } else if (value.getClass().isArray()) {
            array(new ArrayIterator(value));
        } else if (value instanceof Optional<?> optional) {
            value(optional.orElse(null));
        } else if (value instanceof HtmlSafe markup) {
            // Flask: anything with __html__ is written as its HTML string (before CharSequence: a Markup that is
            // also a CharSequence is still written through html()).
            string(markup.html());
        } else if (value instanceof Character || value instanceof CharSequence || value instanceof UUID) {
            string(value.toString());
        } else if (HttpDateFormat.isDate(value)) {
            string(HttpDateFormat.format(value));
        } else if (value instanceof Enum<?> e) {
            string(e.name());
        } else if (value instanceof Record record) {
            // Flask writes a dataclass as its fields (dataclasses.asdict); a record is Java's dataclass.
            object(entriesOf(record));
        } else {
            value(extension.convert(value));
        }
    }

    private static boolean isStandardNumber(Number n) {
        return n instanceof Integer || n instanceof Long || n instanceof Double || n instanceof Float
                || n instanceof Short || n instanceof Byte || n instanceof BigInteger || n instanceof BigDecimal
                || n instanceof AtomicInteger || n instanceof AtomicLong;
    }

    private void number(Number n) {
        if (n instanceof Double d) {
            out.append(PyFloat.json(d));
        } else if (n instanceof Float f) {
            // Via the float's own shortest text, so 0.1f is written 0.1 (not 0.10000000149011612).
            out.append(PyFloat.json(Double.parseDouble(Float.toString(f))));
        } else if (n instanceof BigDecimal decimal) {
            // Flask: Decimal is written as str(decimal), a JSON string ("1.50"); Java's toString uses the same
            // scientific-notation rule as Python's Decimal.__str__.
            string(decimal.toString());
        } else {
            out.append(n.toString());
        }
    }

    private void object(List<Entry> entries) {
        if (entries.isEmpty()) {
            out.append("{}");
            return;
        }
        enter();
        out.append('{');
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0) {
                out.append(spaced ? ", " : ",");
            }
            newline();
            string(entries.get(i).key);
            out.append(pretty || spaced ? ": " : ":");
            value(entries.get(i).value);
        }
        leave();
        newline();
        out.append('}');
    }

    private void array(Iterator<?> items) {
        if (!items.hasNext()) {
            out.append("[]");
            return;
        }
        enter();
        out.append('[');
        boolean first = true;
        while (items.hasNext()) {
            if (!first) {
                out.append(spaced ? ", " : ",");
            }
            first = false;
            newline();
            value(items.next());
        }
        leave();
        newline();
        out.append(']');
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw new IllegalArgumentException("Circular reference detected (or nesting deeper than " + MAX_DEPTH
                    + " levels)");
        }
    }

    private void leave() {
        depth--;
    }

    // Python's indent=2 layout: a newline and two spaces per level before every item and before the closer.
    private void newline() {
        if (pretty) {
            out.append('\n');
            for (int i = 0; i < depth; i++) {
                out.append("  ");
            }
        }
    }

    private static List<Entry> entriesOf(Map<?, ?> map) {
        List<Entry> entries = new ArrayList<>(map.size());
        boolean integerKeys = !map.isEmpty();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            integerKeys &= isIntegerKey(e.getKey());
            entries.add(new Entry(e.getKey(), keyString(e.getKey()), e.getValue()));
        }
        // Python sorts the original keys: ints numerically (so "9" before "10"), str by code point.
        entries.sort(integerKeys ? Entry.BY_NUMBER : Entry.BY_KEY);
        return entries;
    }

    /**
     * A record class's components sorted by name with their accessors, looked up once per class: reflection
     * hands out fresh copies on every {@code getRecordComponents()}, and a fresh {@code Method} never gets past
     * the slow native accessor.
     */
    private static final ClassValue<RecordComponent[]> SORTED_COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Arrays.sort(components, (a, b) -> compareCodePoints(a.getName(), b.getName()));
            return components;
        }
    };

    private static List<Entry> entriesOf(Record record) {
        RecordComponent[] components = SORTED_COMPONENTS.get(record.getClass());
        List<Entry> entries = new ArrayList<>(components.length);
        for (RecordComponent component : components) {
            entries.add(new Entry(null, component.getName(), read(component, component.getAccessor(), record)));
        }
        return entries;
    }

    private static Object read(RecordComponent component, Method accessor, Record record) {
        try {
            // A record nested privately in the user's class is still written, as Python writes any dataclass.
            if (!accessor.canAccess(record)) {
                accessor.setAccessible(true);
            }
            return accessor.invoke(record);
        } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
            throw new IllegalArgumentException("Cannot read record component " + record.getClass().getName() + "."
                    + component.getName() + ": " + e, e);
        }
    }

    private static boolean isIntegerKey(Object key) {
        return key instanceof Integer || key instanceof Long || key instanceof Short || key instanceof Byte
                || key instanceof BigInteger;
    }

    // Python's json: str keys as they are; True/False/None become "true"/"false"/"null"; numbers their JSON text.
    private static String keyString(Object key) {
        if (key instanceof String s) {
            return s;
        }
        if (key instanceof Double d) {
            return PyFloat.json(d);
        }
        return String.valueOf(key);
    }

    static IllegalArgumentException notSerializable(Object value) {
        return new IllegalArgumentException("Object of type " + value.getClass().getName()
                + " is not JSON serializable");
    }

    private static Extension plainOf(Extension outer) {
        // Keeps the outer conversion for unknown types but never its special writing.
        return new Extension() {
            @Override
            public boolean write(Object value, JsonWriter out) {
                return false;
            }

            @Override
            public Object convert(Object value) {
                return outer.convert(value);
            }
        };
    }

    /** Compares strings by code point, as Python orders str, not by UTF-16 unit as {@link String#compareTo}. */
    static int compareCodePoints(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                return fixUp(x) - fixUp(y);
            }
        }
        return a.length() - b.length();
    }

    // Moves surrogates (code points >= U+10000) above U+E000..U+FFFF so unit order becomes code point order.
    private static int fixUp(char c) {
        if (c >= 0xE000) {
            return c - 0x800;
        }
        return Character.isSurrogate(c) ? c + 0x2000 : c;
    }

    private record Entry(Object original, String key, Object value) {
        static final Comparator<Entry> BY_KEY = (a, b) -> compareCodePoints(a.key, b.key);
        static final Comparator<Entry> BY_NUMBER =
                Comparator.comparing(e -> new BigInteger(e.original.toString()));
    }

    /** Iterates over any array, primitive or not. */
    private static final class ArrayIterator implements Iterator<Object> {
        private final Object array;
        private final int length;
        private int index;

        ArrayIterator(Object array) {
            this.array = array;
            this.length = array instanceof Object[] objects ? objects.length : Array.getLength(array);
        }

        @Override
        public boolean hasNext() {
            return index < length;
        }

        @Override
        public Object next() {
            if (index >= length) {
                throw new NoSuchElementException();
            }
            return array instanceof Object[] objects ? objects[index++] : Array.get(array, index++);
        }
    }
}
