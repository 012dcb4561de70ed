package dev.flaskj.json;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Stand-in until the json package lands. */
public final class CompactJson {
    private CompactJson() {}

    public static String dumps(Object value) {
        return JsonProvider.SHARED.toJson(value);
    }

    public static Object loads(String text) throws JsonDecodeException {
        try (var r = Json.createReader(new StringReader(text))) {
            return toJava(r.readValue());
        } catch (RuntimeException e) {
            throw new JsonDecodeException(String.valueOf(e.getMessage()));
        }
    }

    static Object toJava(JsonValue v) {
        switch (v.getValueType()) {
            case OBJECT: {
                Map<String, Object> m = new LinkedHashMap<>();
                ((JsonObject) v).forEach((k, x) -> m.put(k, toJava(x)));
                return m;
            }
            case ARRAY: {
                List<Object> l = new ArrayList<>();
                ((JsonArray) v).forEach(x -> l.add(toJava(x)));
                return l;
            }
            case STRING:
                return ((JsonString) v).getString();
            case NUMBER: {
                JsonNumber n = (JsonNumber) v;
                return n.isIntegral() ? (Object) n.intValueExact() : (Object) n.doubleValue();
            }
            case TRUE:
                return true;
            case FALSE:
                return false;
            default:
                return null;
        }
    }
}
