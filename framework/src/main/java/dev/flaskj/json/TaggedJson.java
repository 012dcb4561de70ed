package dev.flaskj.json;

import java.util.List;
import java.util.ListIterator;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Flask's tagged JSON, the format of session data: compact sorted JSON in which values JSON has no type for are
 * one-key objects such as {@code {" t": [1, 2]}}.
 *
 * <p>Flask: {@code flask.json.tag.TaggedJSONSerializer}. A Python app and a Java app
 * that share a secret key read each other's sessions, so the mapping is fixed both ways. Thread-safe.
 * <pre>{@code
 * TaggedJson tagged = new TaggedJson(Markup::new);
 * tagged.dumps(Map.of("_flashes", List.of(Tuple.of("message", "Hi"))));
 * // {"_flashes":[{" t":["message","Hi"]}]}
 * }</pre>
 *
 * <table>
 * <caption>Tags, in the order Flask checks them</caption>
 * <tr><th>tag</th><th>Java value written</th><th>Java value read</th><th>Python</th></tr>
 * <tr><td>{@code " di"}</td><td>a one-key {@code Map} whose key is a tag key (e.g. {@code " t"}); written as
 *     {@code {" di": {" t__": value}}}</td><td>{@code LinkedHashMap} with the original key</td>
 *     <td>dict</td></tr>
 * <tr><td>{@code " t"}</td><td>{@link Tuple}</td><td>{@link Tuple}</td><td>tuple</td></tr>
 * <tr><td>{@code " b"}</td><td>{@code byte[]} (standard Base64 with padding)</td><td>{@code byte[]}</td>
 *     <td>bytes</td></tr>
 * <tr><td>{@code " m"}</td><td>any {@code HtmlSafe} (flaskj's {@code Markup}), as its HTML</td><td>whatever
 *     the markup factory returns</td><td>Markup</td></tr>
 * <tr><td>{@code " u"}</td><td>{@code UUID} (32 hex digits)</td><td>{@code UUID}</td><td>UUID</td></tr>
 * <tr><td>{@code " d"}</td><td>{@code Instant}, {@code ZonedDateTime}, {@code OffsetDateTime},
 *     {@code LocalDateTime} (as UTC), {@code java.util.Date}; as an HTTP date, whole seconds</td>
 *     <td>{@code Instant}, or null if the date does not parse</td><td>aware UTC datetime</td></tr>
 * </table>
 *
 * <p>Everything else follows the {@link JsonProvider} table without tags: maps (keys as strings, sorted) and
 * lists, arrays and other iterables (read back as {@code ArrayList}) are tagged inside; a {@code LocalDate} is an
 * untagged HTTP date string and a {@code BigDecimal} a string, as Flask writes {@code date} and {@code Decimal};
 * a record is an object whose components are written without tags, as Flask writes a dataclass. Types outside the
 * table are an {@link IllegalArgumentException}. Reading gives {@link CompactJson#loads} values with the tags
 * above replaced, innermost first.
 */
public final class TaggedJson {
    private final List<JsonTag> tags;
    private final JsonWriter.Extension extension = new Tagger();

    /**
     * A serializer that reads {@code " m"} values through {@code markupFactory} (e.g. {@code Markup::new}).
     */
    public TaggedJson(Function<String, Object> markupFactory) {
        this.tags = JsonTag.inFlaskOrder(Objects.requireNonNull(markupFactory, "markupFactory == null"));
    }

    /**
     * The tagged, compact, key-sorted, ASCII-only JSON text of {@code value}.
     *
     * @throws IllegalArgumentException for a value (or a value inside it) of a type outside the table, or a cycle
     */
    public String dumps(Object value) {
        return CompactJson.write(value, false, extension);
    }

    /**
     * Parses tagged JSON text back into Java values.
     *
     * @return the value, usually a {@code LinkedHashMap<String, Object>} (the session); null for {@code null}
     * @throws JsonDecodeException if the text is not valid JSON or a tag holds a value it cannot take
     */
    public Object loads(String text) throws JsonDecodeException {
        return untag(CompactJson.loads(text));
    }

    // Flask 3.x: _untag_scan, bottom-up. Depth is bounded by the reader's nesting limit.
    @SuppressWarnings("unchecked")
    private Object untag(Object json) throws JsonDecodeException {
        if (json instanceof Map<?, ?> map) {
            for (Map.Entry<String, Object> entry : ((Map<String, Object>) map).entrySet()) {
                entry.setValue(untag(entry.getValue()));
            }
            return map.size() == 1 ? untagOne((Map<String, Object>) map) : map;
        }
        if (json instanceof List<?> list) {
            for (ListIterator<Object> it = ((List<Object>) list).listIterator(); it.hasNext(); ) {
                it.set(untag(it.next()));
            }
        }
        return json;
    }

    private Object untagOne(Map<String, Object> map) throws JsonDecodeException {
        Map.Entry<String, Object> entry = map.entrySet().iterator().next();
        for (JsonTag tag : tags) {
            if (tag.key().equals(entry.getKey())) {
                return tag.toJava(entry.getValue());
            }
        }
        return map;
    }

    /** Flask: TaggedJSONSerializer.tag, run on every value as it is written. */
    private final class Tagger implements JsonWriter.Extension {
        @Override
        public boolean write(Object value, JsonWriter out) {
            for (JsonTag tag : tags) {
                if (tag.check(value)) {
                    out.singleKeyObject(tag.key(), tag.toJson(value));
                    return true;
                }
            }
            if (value instanceof Record) {
                // Flask hands a dataclass to app.json's default(), which returns asdict(): no tags inside.
                out.plain(value);
                return true;
            }
            return false;
        }

        @Override
        public Object convert(Object value) {
            throw JsonWriter.notSerializable(value);
        }
    }
}
