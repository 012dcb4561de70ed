package dev.flaskj.http;

import dev.flaskj.exceptions.BadRequestKeyError;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Stand-in until the http package lands. */
public final class MultiDict<V> implements Iterable<Map.Entry<String, V>> {
    private final Map<String, List<V>> values;

    private MultiDict(Map<String, List<V>> values) {
        this.values = values;
    }

    public static <V> MultiDict<V> empty() {
        return new MultiDict<>(Map.of());
    }

    public static <V> Builder<V> builder() {
        return new Builder<>();
    }

    public V get(String key) {
        List<V> list = values.get(key);
        if (list == null) {
            throw new BadRequestKeyError(key);
        }
        return list.get(0);
    }

    public V get(String key, V defaultValue) {
        List<V> list = values.get(key);
        return list == null ? defaultValue : list.get(0);
    }

    public List<V> getList(String key) {
        return values.getOrDefault(key, List.of());
    }

    public boolean containsKey(String key) {
        return values.containsKey(key);
    }

    public Set<String> keySet() {
        return values.keySet();
    }

    public int size() {
        return values.size();
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    @Override
    public Iterator<Map.Entry<String, V>> iterator() {
        List<Map.Entry<String, V>> all = new ArrayList<>();
        values.forEach((k, l) -> l.forEach(v -> all.add(Map.entry(k, v))));
        return all.iterator();
    }

    public static final class Builder<V> {
        private final Map<String, List<V>> values = new LinkedHashMap<>();

        public Builder<V> add(String key, V value) {
            values.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            return this;
        }

        public MultiDict<V> build() {
            return new MultiDict<>(values);
        }
    }
}
