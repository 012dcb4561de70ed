package dev.flaskj.signing;

/**
 * A small, lossy map between JSON texts and their encoded payloads (the part of a token before the timestamp), so
 * that re-signing unchanged session data skips zlib.
 *
 * <p>Why: Flask re-signs a permanent session on every request (SESSION_REFRESH_EACH_REQUEST) with unchanged data,
 * and compressing even a small session costs more than the JSON, the HMAC and the Base64 together (tree
 * building in zlib). Entries come only from payloads this serializer encoded or decoded after verifying their
 * signature, so a hit gives exactly an encoding of the same JSON.
 *
 * <p>Direct-mapped and racy on purpose: slots are read and written without locks; an entry is an immutable
 * record published through its final fields, so a reader sees either a whole entry or another one, and a miss
 * only costs the normal path.
 */
final class PayloadCache {
    private static final int SLOTS = 64;
    /** Larger texts are not kept; a session cookie over about 4 KiB is dropped by browsers anyway. */
    private static final int MAX_CHARS = 4096;

    private record Entry(String json, String payload) {}

    private final Entry[] byJson = new Entry[SLOTS];
    private final Entry[] byPayload = new Entry[SLOTS];

    /** The cached payload of {@code json}, or null. */
    String payloadFor(String json) {
        Entry e = byJson[slot(json)];
        return e != null && e.json.equals(json) ? e.payload : null;
    }

    /** The cached JSON text of {@code payload}, or null. */
    String jsonFor(String payload) {
        Entry e = byPayload[slot(payload)];
        return e != null && e.payload.equals(payload) ? e.json : null;
    }

    /** Remembers that {@code payload} encodes {@code json}. */
    void put(String json, String payload) {
        if (json.length() <= MAX_CHARS && payload.length() <= MAX_CHARS) {
            Entry e = new Entry(json, payload);
            byJson[slot(json)] = e;
            byPayload[slot(payload)] = e;
        }
    }

    private static int slot(String key) {
        int h = key.hashCode();
        return (h ^ h >>> 16) & SLOTS - 1;
    }
}
