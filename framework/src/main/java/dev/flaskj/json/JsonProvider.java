package dev.flaskj.json;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

/** Stand-in until the json package lands. */
public final class JsonProvider implements AutoCloseable {
    static final Jsonb SHARED = JsonbBuilder.create();
    private final Jsonb jsonb = JsonbBuilder.create();

    public String dumps(Object value, boolean pretty) {
        return jsonb.toJson(value);
    }

    public Object loads(String text) throws JsonDecodeException {
        return CompactJson.loads(text);
    }

    public <T> T fromJson(String text, Class<T> type) throws JsonDecodeException {
        try {
            return jsonb.fromJson(text, type);
        } catch (RuntimeException e) {
            throw new JsonDecodeException(String.valueOf(e.getMessage()));
        }
    }

    @Override
    public void close() {
        try {
            jsonb.close();
        } catch (Exception e) {
            // nothing to do
        }
    }
}
