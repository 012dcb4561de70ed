package dev.flaskj.json;

import dev.flaskj.internal.HtmlSafe;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * One tag of Flask's tagged JSON: which Java values it marks, the JSON value it writes under its key, and how that
 * value becomes a Java value again.
 *
 * <p>Flask: {@code flask.json.tag.JSONTag} and its subclasses, one nested class each, listed in
 * {@link #inFlaskOrder} in the order Flask checks them (Flask:
 * {@code TaggedJSONSerializer.default_tags}). Flask's {@code PassDict} and
 * {@code PassList} need no class: the writer's standard rules already recurse into maps and lists.
 */
sealed interface JsonTag {
    /** The keys Flask registers, each starting with a space. */
    Set<String> KEYS = Set.of(" di", " t", " b", " m", " u", " d");

    /** The tag key, e.g. {@code " t"}. */
    String key();

    /** Whether this tag marks {@code value}. */
    boolean check(Object value);

    /** The JSON value written under the key; the writer tags what is inside it again. */
    Object toJson(Object value);

    /** The Java value for the (already untagged) JSON value found under the key. */
    Object toJava(Object json) throws JsonDecodeException;

    /** The tags in the order Flask's {@code TaggedJSONSerializer.default_tags} checks them. */
    static List<JsonTag> inFlaskOrder(Function<String, Object> markupFactory) {
        return List.of(new TagDict(), new TagTuple(), new TagBytes(), new TagMarkup(markupFactory),
                new TagUuid(), new TagDateTime());
    }

    private static JsonDecodeException invalid(String key, Object json) {
        String type = json == null ? "null" : json.getClass().getSimpleName();
        return new JsonDecodeException("Invalid value for tag '" + key + "': " + type);
    }

    /** {@code " di"}: a one-key map whose key is itself a tag key; the key gets a {@code __} suffix. */
    final class TagDict implements JsonTag {
        @Override
        public String key() {
            return " di";
        }

        @Override
        public boolean check(Object value) {
            return value instanceof Map<?, ?> map && map.size() == 1
                    && map.keySet().iterator().next() instanceof String key && KEYS.contains(key);
        }

        @Override
        public Object toJson(Object value) {
            Map.Entry<?, ?> entry = ((Map<?, ?>) value).entrySet().iterator().next();
            return Collections.singletonMap(entry.getKey() + "__", entry.getValue());
        }

        // Flask: {key[:-2]: value[key]} for the first key.
        @Override
        public Object toJava(Object json) throws JsonDecodeException {
            if (!(json instanceof Map<?, ?> map) || map.isEmpty()) {
                throw invalid(key(), json);
            }
            Map.Entry<?, ?> entry = map.entrySet().iterator().next();
            String key = (String) entry.getKey();
            Map<String, Object> result = new LinkedHashMap<>();
            result.put(key.substring(0, Math.max(0, key.length() - 2)), entry.getValue());
            return result;
        }
    }

    /** {@code " t"}: a Python tuple, in Java a {@link Tuple}. */
    final class TagTuple implements JsonTag {
        @Override
        public String key() {
            return " t";
        }

        @Override
        public boolean check(Object value) {
            return value instanceof Tuple;
        }

        @Override
        public Object toJson(Object value) {
            // An Iterable that is not a Tuple, so the items are written as a list and tagged one by one.
            Tuple tuple = (Tuple) value;
            return (Iterable<Object>) tuple::iterator;
        }

        @Override
        public Object toJava(Object json) throws JsonDecodeException {
            if (!(json instanceof List<?> list)) {
                throw invalid(key(), json);
            }
            return Tuple.copyOf(list);
        }
    }

    /** {@code " b"}: bytes as standard Base64 with padding. */
    final class TagBytes implements JsonTag {
        @Override
        public String key() {
            return " b";
        }

        @Override
        public boolean check(Object value) {
            return value instanceof byte[];
        }

        @Override
        public Object toJson(Object value) {
            return Base64.getEncoder().encodeToString((byte[]) value);
        }

        // Python's b64decode skips characters outside the alphabet; the MIME decoder does the same.
        @Override
        public Object toJava(Object json) throws JsonDecodeException {
            if (!(json instanceof String text)) {
                throw invalid(key(), json);
            }
            try {
                return Base64.getMimeDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw new JsonDecodeException("Invalid value for tag ' b': " + e.getMessage());
            }
        }
    }

    /** {@code " m"}: Markup, any {@link HtmlSafe}, written as its HTML and read back through the factory. */
    final class TagMarkup implements JsonTag {
        private final Function<String, Object> markupFactory;

        TagMarkup(Function<String, Object> markupFactory) {
            this.markupFactory = markupFactory;
        }

        @Override
        public String key() {
            return " m";
        }

        @Override
        public boolean check(Object value) {
            return value instanceof HtmlSafe;
        }

        @Override
        public Object toJson(Object value) {
            return ((HtmlSafe) value).html();
        }

        @Override
        public Object toJava(Object json) throws JsonDecodeException {
            if (!(json instanceof String html)) {
                throw invalid(key(), json);
            }
            return markupFactory.apply(html);
        }
    }

    /** {@code " u"}: a UUID as 32 lowercase hex digits without dashes. */
    final class TagUuid implements JsonTag {
        @Override
        public String key() {
            return " u";
        }

        @Override
        public boolean check(Object value) {
            return value instanceof UUID;
        }

        @Override
        public Object toJson(Object value) {
            return value.toString().replace("-", "");
        }

        // Python's UUID(hex): drops "urn:", "uuid:", surrounding braces and dashes, then needs 32 hex digits.
        @Override
        public Object toJava(Object json) throws JsonDecodeException {
            if (!(json instanceof String text)) {
                throw invalid(key(), json);
            }
            String hex = text.replace("urn:", "").replace("uuid:", "");
            int from = 0;
            int to = hex.length();
            while (from < to && (hex.charAt(from) == '{' || hex.charAt(from) == '}')) {
                from++; // Python's uuid.UUID strips braces from both ends: hex.strip("{}")
            }
            while (to > from && (hex.charAt(to - 1) == '{' || hex.charAt(to - 1) == '}')) {
                to--;
            }
            hex = hex.substring(from, to).replace("-", "");
            if (hex.length() != 32 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 0x80)) {
                throw new JsonDecodeException("Invalid value for tag ' u': badly formed hexadecimal UUID string");
            }
            return new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16),
                    Long.parseUnsignedLong(hex.substring(16), 16));
        }
    }

    /**
     * {@code " d"}: a point in time as an HTTP date (local date-times are UTC), read back as an
     * {@link java.time.Instant}; an unparsable date reads as null, as Werkzeug's {@code parse_date} returns None.
     */
    final class TagDateTime implements JsonTag {
        @Override
        public String key() {
            return " d";
        }

        @Override
        public boolean check(Object value) {
            return HttpDateFormat.isDateTime(value);
        }

        @Override
        public Object toJson(Object value) {
            return HttpDateFormat.format(value);
        }

        @Override
        public Object toJava(Object json) throws JsonDecodeException {
            if (!(json instanceof String text)) {
                throw invalid(key(), json);
            }
            return HttpDateFormat.parse(text);
        }
    }
}
