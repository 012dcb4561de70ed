package dev.flaskj;

import static dev.flaskj.Flask.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.testing.TestClient;
import dev.flaskj.testing.TestRequest;
import dev.flaskj.testing.TestResponse;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.StringJoiner;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How a JSON request body is decoded and what a number or nesting in it may cost: the bytes are decoded the way
 * Flask decodes them (strictly, with the encoding detected from the first bytes), and no document costs more than
 * linear time or deep recursion.
 */
class JsonBodyStrictnessTest {
    public record Amount(BigDecimal value) {}

    public record Count(BigInteger value) {}

    public record Name(String value) {}

    public record Sizes(int count, long total, Integer boxed, Long boxedTotal) {}

    private static Flask app() {
        Flask app = new Flask("json-strictness");
        // A string answers with its UTF-16 code units, so the exact chars decoded are visible.
        app.addUrlRule("/json", "json", args -> {
            Object v = request().json();
            if (!(v instanceof String s)) {
                return String.valueOf(v);
            }
            StringJoiner units = new StringJoiner(" ");
            s.chars().forEach(c -> units.add(String.format("%04x", c)));
            return units.toString();
        }, "POST");
        app.addUrlRule("/amount", "amount", args -> String.valueOf(request().getJson(Amount.class).value()), "POST");
        app.addUrlRule("/name", "name", args -> request().getJson(Name.class).value(), "POST");
        app.addUrlRule("/count", "count", args -> String.valueOf(request().getJson(Count.class).value()), "POST");
        app.addUrlRule("/sizes", "sizes", args -> String.valueOf(request().getJson(Sizes.class)), "POST");
        return app;
    }

    private static TestResponse post(TestClient client, String path, byte[] body) {
        return client.open(TestRequest.post(path).data(body).contentType("application/json"));
    }

    /**
     * Body bytes (hex), the status and, for a 200, the code units of the string read. Every row is what real
     * Flask 3.1.3 answers for the same bytes posted through its test client to a view returning
     * {@code request.get_json()} in this form: invalid UTF-8 is a 400 (Python's {@code json.loads} raises
     * {@code UnicodeDecodeError}), a surrogate in UTF-8 form is kept ({@code surrogatepass}), and UTF-16/UTF-32
     * bodies are recognised from a BOM or their zero bytes.
     */
    static Stream<Arguments> flaskStatuses() {
        return Stream.of(
                Arguments.of("22ff22", 400, ""),                 // "\xff": not a start byte
                Arguments.of("22c0af22", 400, ""),               // overlong "/"
                Arguments.of("22e0808022", 400, ""),             // overlong NUL, three bytes
                Arguments.of("22f88880808022", 400, ""),         // five-byte form
                Arguments.of("22f490808022", 400, ""),           // above U+10FFFF
                Arguments.of("22e282", 400, ""),                 // cut off by the end of the body
                Arguments.of("22e28222", 400, ""),               // continuation byte missing
                Arguments.of("22c222", 400, ""),
                Arguments.of("22e2822278", 400, ""),
                Arguments.of("22eda022", 400, ""),               // half a surrogate
                Arguments.of("5b315dff", 400, ""),               // after the document
                Arguments.of("20ff", 400, ""),
                Arguments.of("7b22ff223a317d", 400, ""),         // in a key
                Arguments.of("efbbbf22ff22", 400, ""),           // after a UTF-8 BOM
                Arguments.of("7800220000", 400, ""),             // UTF-16LE with an odd byte
                Arguments.of("22000000000011002200000000", 400, ""),
                Arguments.of("22c3a922", 200, "00e9"),
                Arguments.of("22f09f988022", 200, "d83d de00"),
                Arguments.of("22eda08022", 200, "d800"),          // surrogate in UTF-8 form: kept, as Python
                Arguments.of("22edbfbf22", 200, "dfff"),
                Arguments.of("22eda0bdedb88022", 200, "d83d de00"),
                Arguments.of("efbbbf227822", 200, "0078"),       // UTF-8 BOM
                Arguments.of("220078002200", 200, "0078"),       // UTF-16LE by its zero bytes
                Arguments.of("fffe220078002200", 200, "0078"),   // UTF-16LE BOM
                Arguments.of("feff002200780022", 200, "0078"),   // UTF-16BE BOM
                Arguments.of("fffe220000dc2200", 200, "dc00"),   // lone surrogate in UTF-16
                Arguments.of("220000007800000022000000", 200, "0078"),            // UTF-32LE
                Arguments.of("fffe0000220000007800000022000000", 200, "0078"));   // UTF-32LE BOM
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("flaskStatuses")
    void bodyBytesAreDecodedAsFlaskDecodesThem(String hex, int status, String units) {
        TestResponse r = post(app().testClient(), "/json", HexFormat.of().parseHex(hex));
        assertEquals(status, r.status(), r.text());
        if (status == 200) {
            assertEquals(units, r.text());
        }
    }

    @Test
    void debugModeNamesTheBadByteAsPythonDoes() {
        Flask app = app();
        app.config().put("DEBUG", true);
        TestResponse r = post(app.testClient(), "/json", HexFormat.of().parseHex("22ff22"));
        assertEquals(400, r.status());
        assertTrue(r.text().contains("Failed to decode JSON object: &#39;utf-8&#39; codec can&#39;t decode byte"
                + " 0xff in position 1: invalid start byte"), r.text());
        r = post(app.testClient(), "/json", HexFormat.of().parseHex("22e282"));
        assertTrue(r.text().contains("can&#39;t decode bytes in position 1-2: unexpected end of data"), r.text());
    }

    @Test
    void boundJsonGetsTheSameStrictDecoding() {
        TestClient client = app().testClient();
        assertEquals(400, post(client, "/name", HexFormat.of().parseHex("7b2276616c7565223a2022ff227d")).status());
        TestResponse ok = post(client, "/name", "{\"value\": \"\u00e9\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals("\u00e9", ok.text());
    }

    @Test
    void hugeNumbersAndDeepNestingCostLittleAndAre400OrPythonsValue() {
        // By default a body this large is refused before parsing (413); raise the budget to measure the parser.
        assertEquals(413, post(app().testClient(), "/json", "1".repeat(2_000_000).getBytes(StandardCharsets.US_ASCII))
                .status());
        Flask app = app();
        app.config().put("MAX_BODY_MEMORY_SIZE", 32_000_000);
        TestClient client = app.testClient();
        String digits = "1".repeat(10_000_000);
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            // Python 3.11+: an integer over 4300 digits is a ValueError, so Flask answers 400.
            assertEquals(400, post(client, "/json", digits.getBytes(StandardCharsets.US_ASCII)).status());
            assertEquals("1" + "0".repeat(4299), post(client, "/json",
                    ("1" + "0".repeat(4299)).getBytes(StandardCharsets.US_ASCII)).text());
            assertEquals(200, post(client, "/json", ("-" + "1".repeat(4300)).getBytes(StandardCharsets.US_ASCII))
                    .status());
            // Other numbers are Python floats: any length, out of range is infinity or zero.
            assertEquals("1.1111111111111112", post(client, "/json",
                    ("1." + digits.substring(0, 2_000_000)).getBytes(StandardCharsets.US_ASCII)).text());
            assertEquals("Infinity", post(client, "/json", "1e999999999".getBytes(StandardCharsets.US_ASCII)).text());
            assertEquals("-Infinity", post(client, "/json", ("-1e" + digits.substring(0, 2_000_000)).getBytes(StandardCharsets.US_ASCII))
                    .text());
            assertEquals("0.0", post(client, "/json", "1e-999999999".getBytes(StandardCharsets.US_ASCII)).text());
            // Nesting is refused at 513 levels (Python's RecursionError gives Flask a 500), never a stack overflow.
            assertEquals(400, post(client, "/json", "[".repeat(100_000).getBytes(StandardCharsets.US_ASCII))
                    .status());
            assertEquals(400, post(client, "/json", "{\"a\":".repeat(100_000).getBytes(StandardCharsets.US_ASCII))
                    .status());
            assertEquals(200, post(client, "/json",
                    ("[".repeat(512) + "]".repeat(512)).getBytes(StandardCharsets.US_ASCII)).status());
        });
    }

    @Test
    void boundNumbersNeverCostMoreThanTheirDigits() {
        TestClient client = app().testClient();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            // new BigDecimal of 200 000 digits alone takes seconds (quadratic); refused before JSON-B sees it.
            TestResponse r = post(client, "/amount",
                    ("{\"value\": 1." + "1".repeat(200_000) + "}").getBytes(StandardCharsets.US_ASCII));
            assertEquals(400, r.status());
            // 1E+999999999 would be a BigDecimal whose toBigInteger() never finishes in practice.
            assertEquals(400, post(client, "/amount", "{\"value\": 1e999999999}".getBytes(StandardCharsets.US_ASCII))
                    .status());
            assertEquals(400, post(client, "/amount", "{\"value\": 1e-4301}".getBytes(StandardCharsets.US_ASCII))
                    .status());
            assertEquals(400, post(client, "/count", "{\"value\": 1e99999999}".getBytes(StandardCharsets.US_ASCII))
                    .status());
            // At the limits binding still works.
            assertEquals("1." + "1".repeat(4299), post(client, "/amount",
                    ("{\"value\": 1." + "1".repeat(4299) + "}").getBytes(StandardCharsets.US_ASCII)).text());
            assertEquals("1E+4300", post(client, "/amount",
                    "{\"value\": 1e0004300}".getBytes(StandardCharsets.US_ASCII)).text());
            assertEquals("9".repeat(4300), post(client, "/count",
                    ("{\"value\": " + "9".repeat(4300) + "}").getBytes(StandardCharsets.US_ASCII)).text());
        });
    }

    /**
     * A number bound to an {@code int} or {@code long} (or a box) arrives exactly or not at all: JSON-B's own
     * conversion narrowed silently, so the view saw another number than the client sent.
     */
    @ParameterizedTest
    @MethodSource("integersThatDoNotFit")
    void integerFieldsRefuseWhatDoesNotFit(String body) {
        TestResponse r = post(app().testClient(), "/sizes", body.getBytes(StandardCharsets.US_ASCII));
        assertEquals(400, r.status(), body + " -> " + r.text());
    }

    static Stream<String> integersThatDoNotFit() {
        return Stream.of(
                "{\"count\": 3000000000}",              // was -1294967296
                "{\"count\": -2147483649}",
                "{\"count\": 3.7}",                     // was 3
                "{\"count\": 1e10}",
                "{\"total\": 1e20}",                    // was 7766279631452241920
                "{\"total\": 9223372036854775808}",     // was Long.MIN_VALUE
                "{\"total\": 0.5}",
                "{\"boxed\": 3000000000}",
                "{\"boxedTotal\": 1e19}");
    }

    @Test
    void integerFieldsBindEveryIntegerThatFits() {
        TestClient client = app().testClient();
        assertEquals("Sizes[count=2147483647, total=-9223372036854775808, boxed=2, boxedTotal=100]",
                post(client, "/sizes", ("{\"count\": 2147483647, \"total\": -9223372036854775808,"
                        + " \"boxed\": 2.0, \"boxedTotal\": 1e2}").getBytes(StandardCharsets.US_ASCII)).text());
        assertEquals("Sizes[count=5, total=0, boxed=null, boxedTotal=null]",
                post(client, "/sizes", "{\"count\": \"5\", \"boxed\": null}".getBytes(StandardCharsets.US_ASCII))
                        .text());
    }
}
