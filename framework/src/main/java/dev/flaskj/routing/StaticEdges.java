package dev.flaskj.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * A small open-addressing map from literal segment text to the next matcher state, looked up by a region of the
 * request path so that matching allocates no substring per segment.
 */
final class StaticEdges {
    private String[] keys = new String[4];
    private StateMachineMatcher.State[] values = new StateMachineMatcher.State[4];
    private int size;

    StateMachineMatcher.State get(String s, int start, int end) {
        if (size == 0) {
            return null;
        }
        int len = end - start;
        int mask = keys.length - 1;
        for (int i = hash(s, start, end) & mask; ; i = (i + 1) & mask) {
            String key = keys[i];
            if (key == null) {
                return null;
            }
            if (key.length() == len && key.regionMatches(0, s, start, len)) {
                return values[i];
            }
        }
    }

    StateMachineMatcher.State get(String key) {
        return get(key, 0, key.length());
    }

    void put(String key, StateMachineMatcher.State value) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = hash(key, 0, key.length()) & mask;
        while (keys[i] != null && !keys[i].equals(key)) {
            i = (i + 1) & mask;
        }
        if (keys[i] == null) {
            size++;
        }
        keys[i] = key;
        values[i] = value;
    }

    Iterable<StateMachineMatcher.State> states() {
        List<StateMachineMatcher.State> out = new ArrayList<>(size);
        for (StateMachineMatcher.State v : values) {
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    private void grow() {
        String[] oldKeys = keys;
        StateMachineMatcher.State[] oldValues = values;
        keys = new String[oldKeys.length * 2];
        values = new StateMachineMatcher.State[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static int hash(String s, int start, int end) {
        int h = 0;
        for (int i = start; i < end; i++) {
            h = 31 * h + s.charAt(i);
        }
        return h ^ (h >>> 16);
    }
}
