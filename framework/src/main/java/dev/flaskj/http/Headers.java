package dev.flaskj.http;

import dev.flaskj.exceptions.BadRequestKeyError;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Stand-in until the http package lands. */
public final class Headers implements Iterable<Map.Entry<String, String>> {
    private final List<Map.Entry<String, String>> entries = new ArrayList<>();

    public static Headers fromRequest(HttpServletRequest req) {
        Headers h = new Headers();
        for (String name : Collections.list(req.getHeaderNames())) {
            for (String value : Collections.list(req.getHeaders(name))) {
                h.add(name, value);
            }
        }
        return h;
    }

    public String get(String name) {
        String v = get(name, null);
        if (v == null) {
            throw new BadRequestKeyError(name);
        }
        return v;
    }

    public String get(String name, String defaultValue) {
        for (Map.Entry<String, String> e : entries) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return defaultValue;
    }

    public List<String> getList(String name) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : entries) {
            if (e.getKey().equalsIgnoreCase(name)) {
                out.add(e.getValue());
            }
        }
        return out;
    }

    public boolean containsKey(String name) {
        return get(name, null) != null;
    }

    public void add(String name, String value) {
        entries.add(Map.entry(name, value));
    }

    public void set(String name, String value) {
        int i = indexOf(name);
        remove(name);
        entries.add(i < 0 ? entries.size() : Math.min(i, entries.size()), Map.entry(name, value));
    }

    public void remove(String name) {
        entries.removeIf(e -> e.getKey().equalsIgnoreCase(name));
    }

    private int indexOf(String name) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
    }

    public Headers copy() {
        Headers h = new Headers();
        h.entries.addAll(entries);
        return h;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public int size() {
        return entries.size();
    }

    @Override
    public Iterator<Map.Entry<String, String>> iterator() {
        return entries.iterator();
    }
}
