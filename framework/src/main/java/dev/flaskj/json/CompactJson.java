package dev.flaskj.json;

/**
 * Python's {@code json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True)} byte for byte, its
 * {@code indent=2} form, and {@code json.loads}.
 *
 * <p>Flask: what {@code app.json.dumps} produces by default, for the value types in the
 * table on {@link JsonProvider}, except that types outside the table are an error here rather than going through
 * JSON-B. Use {@link JsonProvider} for arbitrary objects.
 * <pre>
 * CompactJson.dumps(Map.of("b", 1, "u", "é&lt;&gt;"));   // {"b":1,"u":"&#92;u00e9&lt;&gt;"}
 * CompactJson.loads("[1, 2.5, null]");                 // [1, 2.5, null] as Integer, Double, null
 * </pre>
 */
public final class CompactJson {
    private CompactJson() {}

    /**
     * The compact JSON text of {@code value}, without a trailing newline (Flask's response adds one).
     *
     * @param value null or any type in the {@link JsonProvider} table
     * @throws IllegalArgumentException for a type outside the table (Python: {@code TypeError}), or a cycle
     */
    public static String dumps(Object value) {
        return write(value, false, JsonWriter.NONE);
    }

    /**
     * The JSON text of {@code value} made safe to embed in HTML, as Flask's {@code tojson} template filter writes it
     * ({@code htmlsafe_json_dumps}): Python's default separators {@code ", "} and {@code ": "}, keys sorted, and
     * {@code < > & '} written as {@code \u003c \u003e \u0026 \u0027}, so the text can stand in a script element or
     * a single-quoted attribute.
     *
     * @throws IllegalArgumentException for a type outside the {@link JsonProvider} table, or a cycle
     */
    public static String dumpsHtmlSafe(Object value) {
        StringBuilder out = new StringBuilder(64);
        new JsonWriter(out, false, JsonWriter.NONE).spaced().value(value);
        StringBuilder safe = null;
        for (int i = 0; i < out.length(); i++) {
            char c = out.charAt(i);
            String rep = switch (c) {
                case '<' -> "\\u003c";
                case '>' -> "\\u003e";
                case '&' -> "\\u0026";
                case '\'' -> "\\u0027";
                default -> null;
            };
            if (rep != null && safe == null) {
                safe = new StringBuilder(out.length() + 16).append(out, 0, i);
            }
            if (safe != null) {
                if (rep != null) {
                    safe.append(rep);
                } else {
                    safe.append(c);
                }
            }
        }
        return safe == null ? out.toString() : safe.toString();
    }

    /**
     * The indented JSON text of {@code value} ({@code indent=2}, item separator {@code ","}, key separator
     * {@code ": "}), as Flask's {@code jsonify} writes it in debug mode; no trailing newline.
     *
     * @throws IllegalArgumentException for a type outside the {@link JsonProvider} table, or a cycle
     */
    public static String dumpsPretty(Object value) {
        return write(value, true, JsonWriter.NONE);
    }

    /**
     * Parses JSON text like Python's {@code json.loads}: objects become {@code LinkedHashMap<String, Object>} in
     * document order (the last of duplicate keys wins), arrays {@code ArrayList<Object>}, integers
     * {@code Integer}, {@code Long} or {@code BigInteger} (the smallest that holds them), other numbers and
     * {@code NaN}/{@code Infinity}/{@code -Infinity} {@code Double}, then {@code String}, {@code Boolean} and null.
     *
     * @return the value; null for the JSON text {@code null}
     * @throws JsonDecodeException with Python's message when the text is not valid JSON, nests deeper than 512
     *     levels, or has an integer longer than 4300 digits
     */
    public static Object loads(String text) throws JsonDecodeException {
        return JsonReader.parse(text);
    }

    static String write(Object value, boolean pretty, JsonWriter.Extension extension) {
        StringBuilder out = new StringBuilder(64);
        new JsonWriter(out, pretty, extension).value(value);
        return out.toString();
    }
}
