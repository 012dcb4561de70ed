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
        for (int i = index(hash(s, start, end)); ; i = (i + 1) & mask) {
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
        int i = index(hash(key, 0, key.length()));
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

    /**
     * Fibonacci hashing: segment names such as {@code r1 … r9999} have consecutive String hashes, which would form
     * long clusters under linear probing with a plain mask; multiplying spreads them over the table.
     */
    private int index(int hash) {
        int bits = Integer.numberOfTrailingZeros(keys.length);
        return (hash * 0x9E3779B9) >>> (32 - bits);
    }

    private static int hash(String s, int start, int end) {
        int h = 0;
        for (int i = start; i < end; i++) {
            h = 31 * h + s.charAt(i);
        }
        return h;
    }
}
