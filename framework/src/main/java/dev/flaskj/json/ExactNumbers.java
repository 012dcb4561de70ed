package dev.flaskj.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The JSON-P provider JSON-B reads through, with one change: a JSON number read as an {@code int} or {@code long}
 * must fit. JSON-P's {@code getInt()}/{@code getLong()} narrow silently ({@code 3000000000} became
 * {@code -1294967296} in an {@code int}, {@code 1e20} a wrong {@code long}, {@code 3.7} a {@code 3}), and JSON-B
 * binds {@code int}, {@code long} and their boxes through them. Here a number that is not exactly such an integer
 * throws, so binding fails and the request gets a 400 rather than a different number than the client sent;
 * {@code 2.0} and {@code 1e2} are integers and bind.
 */
final class ExactNumbers extends JsonProvider {
    private final JsonProvider delegate = JsonProvider.provider();

    static ArithmeticException doesNotFit(BigDecimal value, String type) {
        String text = value.toString();
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return new ArithmeticException(shown + " does not fit in " + type);
    }

    @Override
    public JsonParser createParser(Reader reader) {
        return new ExactParser(delegate.createParser(reader));
    }

    @Override
    public JsonParser createParser(InputStream in) {
        return new ExactParser(delegate.createParser(in));
    }

    @Override
    public JsonParserFactory createParserFactory(Map<String, ?> config) {
        JsonParserFactory factory = delegate.createParserFactory(config);
        return new JsonParserFactory() {
            @Override
            public JsonParser createParser(Reader reader) {
                return new ExactParser(factory.createParser(reader));
            }

            @Override
            public JsonParser createParser(InputStream in) {
                return new ExactParser(factory.createParser(in));
            }

            @Override
            public JsonParser createParser(InputStream in, Charset charset) {
                return new ExactParser(factory.createParser(in, charset));
            }

            @Override
            public JsonParser createParser(JsonObject obj) {
                return new ExactParser(factory.createParser(obj));
            }

            @Override
            public JsonParser createParser(JsonArray array) {
                return new ExactParser(factory.createParser(array));
            }

            @Override
            public Map<String, ?> getConfigInUse() {
                return factory.getConfigInUse();
            }
        };
    }

    // Everything else is the platform provider's.

    @Override
    public JsonGenerator createGenerator(Writer writer) {
        return delegate.createGenerator(writer);
    }

    @Override
    public JsonGenerator createGenerator(OutputStream out) {
        return delegate.createGenerator(out);
    }

    @Override
    public JsonGeneratorFactory createGeneratorFactory(Map<String, ?> config) {
        return delegate.createGeneratorFactory(config);
    }

    @Override
    public JsonReader createReader(Reader reader) {
        return delegate.createReader(reader);
    }

    @Override
    public JsonReader createReader(InputStream in) {
        return delegate.createReader(in);
    }

    @Override
    public JsonWriter createWriter(Writer writer) {
        return delegate.createWriter(writer);
    }

    @Override
    public JsonWriter createWriter(OutputStream out) {
        return delegate.createWriter(out);
    }

    @Override
    public JsonWriterFactory createWriterFactory(Map<String, ?> config) {
        return delegate.createWriterFactory(config);
    }

    @Override
    public JsonReaderFactory createReaderFactory(Map<String, ?> config) {
        return delegate.createReaderFactory(config);
    }

    @Override
    public JsonObjectBuilder createObjectBuilder() {
        return delegate.createObjectBuilder();
    }

    @Override
    public JsonObjectBuilder createObjectBuilder(Map<String, ?> map) {
        return delegate.createObjectBuilder(map);
    }

    @Override
    public JsonArrayBuilder createArrayBuilder() {
        return delegate.createArrayBuilder();
    }

    @Override
    public JsonBuilderFactory createBuilderFactory(Map<String, ?> config) {
        return delegate.createBuilderFactory(config);
    }

    @Override
    public jakarta.json.JsonString createValue(String value) {
        return delegate.createValue(value);
    }

    @Override
    public jakarta.json.JsonNumber createValue(BigDecimal value) {
        return delegate.createValue(value);
    }

    @Override
    public jakarta.json.JsonNumber createValue(long value) {
        return delegate.createValue(value);
    }

    @Override
    public jakarta.json.JsonNumber createValue(int value) {
        return delegate.createValue(value);
    }

    @Override
    public jakarta.json.JsonNumber createValue(double value) {
        return delegate.createValue(value);
    }

    /** A parser whose {@code getInt()}/{@code getLong()} are exact; all else is the wrapped parser's. */
    private static final class ExactParser implements JsonParser {
        private final JsonParser parser;

        ExactParser(JsonParser parser) {
            this.parser = parser;
        }

        @Override
        public int getInt() {
            BigDecimal value = parser.getBigDecimal();
            try {
                return value.intValueExact();
            } catch (ArithmeticException e) {
                throw doesNotFit(value, "an int");
            }
        }

        @Override
        public long getLong() {
            BigDecimal value = parser.getBigDecimal();
            try {
                return value.longValueExact();
            } catch (ArithmeticException e) {
                throw doesNotFit(value, "a long");
            }
        }

        @Override
        public boolean hasNext() {
            return parser.hasNext();
        }

        @Override
        public Event next() {
            return parser.next();
        }

        @Override
        public Event currentEvent() {
            return parser.currentEvent();
        }

        @Override
        public String getString() {
            return parser.getString();
        }

        @Override
        public boolean isIntegralNumber() {
            return parser.isIntegralNumber();
        }

        @Override
        public BigDecimal getBigDecimal() {
            return parser.getBigDecimal();
        }

        @Override
        public JsonLocation getLocation() {
            return parser.getLocation();
        }

        @Override
        public JsonObject getObject() {
            return parser.getObject();
        }

        @Override
        public JsonValue getValue() {
            return parser.getValue();
        }

        @Override
        public JsonArray getArray() {
            return parser.getArray();
        }

        @Override
        public Stream<JsonValue> getArrayStream() {
            return parser.getArrayStream();
        }

        @Override
        public Stream<Map.Entry<String, JsonValue>> getObjectStream() {
            return parser.getObjectStream();
        }

        @Override
        public Stream<JsonValue> getValueStream() {
            return parser.getValueStream();
        }

        @Override
        public void skipArray() {
            parser.skipArray();
        }

        @Override
        public void skipObject() {
            parser.skipObject();
        }

        @Override
        public void close() {
            parser.close();
        }
    }
}
