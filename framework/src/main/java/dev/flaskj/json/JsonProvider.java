package dev.flaskj.json;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.util.List;
import java.util.Map;

/**
 * The app's JSON: how {@code jsonify}, JSON return values and {@code request().json()} turn Java values into
 * Flask's JSON text and back. One per app; thread-safe.
 *
 * <p>Flask: {@code app.json}, a {@code flask.json.provider.DefaultJSONProvider}: keys
 * sorted, non-ASCII escaped as <code>&#92;u00e9</code>, compact separators, or {@code indent=2} in debug mode.
 * <pre>{@code
 * JsonProvider json = new JsonProvider();
 * json.dumps(Map.of("b", 1, "a", List.of(1, 2)), false);   // {"a":[1,2],"b":1}
 * Login login = json.fromJson(body, Login.class);          // through JSON-B
 * }</pre>
 *
 * <table>
 * <caption>How Java values are written</caption>
 * <tr><th>Java</th><th>JSON</th></tr>
 * <tr><td>null, {@code Optional.empty()}</td><td>{@code null}</td></tr>
 * <tr><td>{@code Boolean}</td><td>{@code true} / {@code false}</td></tr>
 * <tr><td>{@code Integer}, {@code Long}, {@code Short}, {@code Byte}, {@code BigInteger}, {@code AtomicInteger},
 *     {@code AtomicLong}</td><td>the integer</td></tr>
 * <tr><td>{@code Double}, {@code Float}</td><td>Python's {@code repr(float)}: {@code 1.0}, {@code 0.1},
 *     {@code 1e+16}, {@code 1.5e-07}; {@code NaN}, {@code Infinity}, {@code -Infinity}. A float is first
 *     widened through its own shortest text, so {@code 0.1f} is {@code 0.1}</td></tr>
 * <tr><td>{@code BigDecimal}</td><td>a string, {@code "1.50"} (Flask writes {@code Decimal} with
 *     {@code str})</td></tr>
 * <tr><td>{@code String}, other {@code CharSequence}, {@code Character}</td><td>a string, escaped as Python does:
 *     {@code \"}, {@code \\}, {@code \n}, {@code \r}, {@code \t}, {@code \b}, {@code \f}, other control
 *     characters, DEL and all non-ASCII as lowercase <code>&#92;u00e9</code> (two escapes beyond U+FFFF); {@code / < > & '}
 *     as they are</td></tr>
 * <tr><td>{@code Map}</td><td>an object: keys as strings ({@code String.valueOf}; null is {@code "null"}), sorted
 *     by code point, or numerically when all keys are integers, as Python sorts them</td></tr>
 * <tr><td>{@code Iterable} (lists, sets, {@link Tuple}), arrays incl. primitive ones</td><td>an array</td></tr>
 * <tr><td>record</td><td>an object of its components, sorted by name (Flask: dataclass)</td></tr>
 * <tr><td>{@code Optional}</td><td>its value</td></tr>
 * <tr><td>{@code UUID}</td><td>{@code "00000000-0000-0000-0000-000000000001"}</td></tr>
 * <tr><td>{@code Instant}, {@code ZonedDateTime}, {@code OffsetDateTime}, {@code LocalDateTime} (as UTC),
 *     {@code LocalDate} (midnight UTC), {@code java.util.Date}</td><td>an HTTP date,
 *     {@code "Tue, 02 Jan 2024 03:04:05 GMT"}</td></tr>
 * <tr><td>{@code Enum}</td><td>its {@code name()}</td></tr>
 * <tr><td>flaskj's {@code Markup} (anything {@code HtmlSafe})</td><td>its HTML as a string</td></tr>
 * <tr><td>anything else</td><td>JSON-B (Yasson) with its default mapping, then rewritten in Flask's form; its
 *     own rules apply inside that object (null properties are left out, dates are ISO-8601)</td></tr>
 * </table>
 *
 * <p>Reading gives the types of {@link CompactJson#loads}.
 */
public final class JsonProvider implements AutoCloseable {
    private final JsonWriter.Extension viaJsonb = new ViaJsonb();
    private final Object lock = new Object();
    private Jsonb jsonb;
    private boolean closed;

    /** A provider; JSON-B is started on first use only. */
    public JsonProvider() {}

    /**
     * The JSON text of any Java value in Flask's form, without a trailing newline (Flask's response adds one).
     *
     * @param pretty {@code indent=2} as in debug mode, else compact
     * @throws IllegalArgumentException if JSON-B cannot write a value of an unknown type, or for a cycle
     */
    public String dumps(Object value, boolean pretty) {
        return CompactJson.write(value, pretty, viaJsonb);
    }

    /**
     * Parses JSON text as Python's {@code json.loads} does; see {@link CompactJson#loads}.
     *
     * @throws JsonDecodeException with Python's message (Flask shows it in debug mode)
     */
    public Object loads(String text) throws JsonDecodeException {
        return CompactJson.loads(text);
    }

    /**
     * Parses the bytes of a JSON document as Python's {@code json.loads(bytes)} does, the way Flask reads a request
     * body: UTF-8, UTF-16 or UTF-32 detected from a byte order mark or the zero bytes at the start (the
     * {@code charset} of a content type plays no part), decoded strictly.
     *
     * @throws JsonDecodeException for malformed bytes in the detected encoding (an invalid or overlong UTF-8
     *     sequence, one cut off at the end, a code point above U+10FFFF), with Python's {@code UnicodeDecodeError}
     *     message, or for text that is not JSON. A surrogate encoded on its own is kept, as Python keeps it.
     */
    public Object loads(byte[] body) throws JsonDecodeException {
        return CompactJson.loads(JsonBytes.decode(body));
    }

    /**
     * Parses JSON text into {@code type}: {@code Object}, {@code Map}, {@code List}, {@code String},
     * {@code Boolean} and {@code Number} get the {@link #loads} values, everything else goes through JSON-B.
     *
     * <p>Before JSON-B sees the text, a number with more than 4300 digits or an exponent beyond ±4300 is refused
     * (JSON-B would turn it into a {@code BigDecimal} or {@code BigInteger}, which can take minutes); the plain
     * targets keep Python's rules, where only integers have that limit.
     *
     * @throws JsonDecodeException if the text is not valid JSON (Python's message), has a number over those
     *     limits, or JSON-B cannot bind it to {@code type}
     */
    public <T> T fromJson(String text, Class<T> type) throws JsonDecodeException {
        // Parse first so malformed input gets Python's message, whatever the target type.
        boolean plain = isPlainTarget(type);
        Object parsed = plain ? JsonReader.parse(text) : JsonReader.parseForBinding(text);
        if (plain && (parsed == null || type.isInstance(parsed))) {
            return type.cast(parsed);
        }
        if (plain) {
            JsonReader.parseForBinding(text); // only the number limits are new here; a rare, failing path
        }
        try {
            return jsonb().fromJson(text, type);
        } catch (JsonbException | IllegalArgumentException | ArithmeticException e) {
            throw new JsonDecodeException("Cannot convert JSON to " + type.getName() + ": " + e.getMessage());
        }
    }

    /**
     * {@link #fromJson(String, Class)} for the bytes of a JSON document, decoded as {@link #loads(byte[])} decodes
     * them.
     *
     * @throws JsonDecodeException as {@link #loads(byte[])} and {@link #fromJson(String, Class)}
     */
    public <T> T fromJson(byte[] body, Class<T> type) throws JsonDecodeException {
        return fromJson(JsonBytes.decode(body), type);
    }

    /** Closes JSON-B; later calls that need it fail with {@link IllegalStateException}. */
    @Override
    public void close() {
        Jsonb toClose;
        synchronized (lock) {
            closed = true;
            toClose = jsonb;
            jsonb = null;
        }
        if (toClose != null) {
            try {
                toClose.close();
            } catch (Exception e) {
                throw new IllegalStateException("Could not close JSON-B", e);
            }
        }
    }

    private static boolean isPlainTarget(Class<?> type) {
        return type == Object.class || type == Map.class || type == List.class || type == String.class
                || type == Boolean.class || type == Number.class;
    }

    // Yasson's Jsonb is thread-safe but slow to build, so it is made once, lazily (most apps never need it).
    private Jsonb jsonb() {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("JsonProvider is closed");
            }
            if (jsonb == null) {
                jsonb = JsonbBuilder.newBuilder().withProvider(new ExactNumbers()).build();
            }
            return jsonb;
        }
    }

    /** Flask's default() hook, for types the standard rules do not know: JSON-B, then Flask's form. */
    private final class ViaJsonb implements JsonWriter.Extension {
        @Override
        public boolean write(Object value, JsonWriter out) {
            return false;
        }

        @Override
        public Object convert(Object value) {
            String json;
            try {
                json = jsonb().toJson(value);
            } catch (JsonbException e) {
                IllegalArgumentException error = JsonWriter.notSerializable(value);
                error.initCause(e);
                throw error;
            }
            try {
                return CompactJson.loads(json);
            } catch (JsonDecodeException e) {
                throw new IllegalStateException("JSON-B wrote invalid JSON for " + value.getClass().getName(), e);
            }
        }
    }
}
