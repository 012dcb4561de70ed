package dev.flaskj.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Python's json.dumps/json.loads behaviour; every expected string was printed by CPython 3.11. */
class CompactJsonTest {

    enum Color { RED }

    record Point(int y, int x, String label) {}

    @Test
    void flaskResponseExample() {
        // Flask 3.1 jsonify of {'b':1,'a':[1,2],'u':"é<>&'",'n':None}
        Map<String, Object> value = new HashMap<>();
        value.put("b", 1);
        value.put("a", List.of(1, 2));
        value.put("u", "é<>&'");
        value.put("n", null);
        assertEquals("{\"a\":[1,2],\"b\":1,\"n\":null,\"u\":\"\\u00e9<>&'\"}", CompactJson.dumps(value));
    }

    @Test
    void stringEscapesLikePython() {
        String s = "\"\\\n\r\t\b\f\u0000\u001f\u007f/😀\u2028é";
        assertEquals("\"\\\"\\\\\\n\\r\\t\\b\\f\\u0000\\u001f\\u007f/\\ud83d\\ude00\\u2028\\u00e9\"",
                CompactJson.dumps(s));
    }

    @Test
    void scalarsLikePython() {
        List<Object> values = Arrays.asList(1, -7L, BigInteger.TEN.pow(20), 1.0, 0.1, 1e16, 1.5e-7, -2.5, 2e23,
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, true, false, null);
        assertEquals("[1,-7,100000000000000000000,1.0,0.1,1e+16,1.5e-07,-2.5,2e+23,NaN,Infinity,-Infinity,"
                + "true,false,null]", CompactJson.dumps(values));
    }

    static Stream<Arguments> floats() {
        return Stream.of(
                Arguments.of(1.0, "1.0"), Arguments.of(-0.0, "-0.0"), Arguments.of(1e15, "1000000000000000.0"),
                Arguments.of(1e16, "1e+16"), Arguments.of(0.0001, "0.0001"), Arguments.of(0.00001, "1e-05"),
                Arguments.of(1.0 / 3, "0.3333333333333333"), Arguments.of(123456789012345678.0, "1.2345678901234568e+17"),
                Arguments.of(Double.MIN_VALUE, "5e-324"), Arguments.of(Double.MAX_VALUE, "1.7976931348623157e+308"),
                Arguments.of(100.0, "100.0"), Arguments.of(1e22, "1e+22"), Arguments.of(9007199254740993.0, "9007199254740992.0"),
                Arguments.of(0.1f, "0.1"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("floats")
    void floatsUsePythonRepr(Number value, String expected) {
        assertEquals(expected, CompactJson.dumps(value));
    }

    @Test
    void prettyIsIndentTwoWithPythonSeparators() {
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("z", List.of(1, Map.of()));
        outer.put("a", List.of());
        Map<String, Object> value = Map.of("outer", outer, "k", "v");
        assertEquals("{\n  \"k\": \"v\",\n  \"outer\": {\n    \"a\": [],\n    \"z\": [\n      1,\n      {}\n"
                + "    ]\n  }\n}", CompactJson.dumpsPretty(value));
        assertEquals("[\n  \"x\",\n  [\n    true\n  ]\n]", CompactJson.dumpsPretty(List.of("x", List.of(true))));
        assertEquals("1", CompactJson.dumpsPretty(1));
    }

    @Test
    void keysSortedByCodePointAndIntegerKeysNumerically() {
        // String.compareTo would put U+FFFF after the surrogate pair of U+1F600.
        assertEquals("{\"\\uffff\":1,\"\\ud83d\\ude00\":2}", CompactJson.dumps(Map.of("\uffff", 1, "😀", 2)));
        assertEquals("{\"9\":2,\"10\":1}", CompactJson.dumps(Map.of(10, 1, 9, 2)));
        Map<String, Object> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        caseInsensitive.put("a", 1);
        caseInsensitive.put("B", 2);
        assertEquals("{\"B\":2,\"a\":1}", CompactJson.dumps(caseInsensitive));
        Map<Object, Object> odd = new LinkedHashMap<>();
        odd.put(true, 1);
        odd.put(null, 2);
        assertEquals("{\"null\":2,\"true\":1}", CompactJson.dumps(odd));
    }

    @Test
    void flaskDefaultConversions() {
        assertEquals("\"1.50\"", CompactJson.dumps(new BigDecimal("1.50")));
        assertEquals("\"1E+2\"", CompactJson.dumps(new BigDecimal("1E+2")));
        assertEquals("\"00000000-0000-0000-0000-000000000001\"", CompactJson.dumps(new UUID(0, 1)));
        String date = "\"Tue, 02 Jan 2024 03:04:05 GMT\"";
        Instant instant = Instant.parse("2024-01-02T03:04:05.678Z");
        assertEquals(date, CompactJson.dumps(instant));
        assertEquals(date, CompactJson.dumps(LocalDateTime.of(2024, 1, 2, 3, 4, 5)));
        assertEquals(date, CompactJson.dumps(OffsetDateTime.of(2024, 1, 2, 5, 4, 5, 0, ZoneOffset.ofHours(2))));
        assertEquals(date, CompactJson.dumps(ZonedDateTime.ofInstant(instant, ZoneOffset.UTC)));
        assertEquals(date, CompactJson.dumps(Date.from(instant)));
        assertEquals(date, CompactJson.dumps(new java.sql.Timestamp(instant.toEpochMilli())));
        assertEquals("\"Tue, 02 Jan 2024 00:00:00 GMT\"", CompactJson.dumps(LocalDate.of(2024, 1, 2)));
        assertEquals("\"<b>x</b>\"", CompactJson.dumps(new TestMarkup("<b>x</b>")));
        assertEquals("\"RED\"", CompactJson.dumps(Color.RED));
        assertEquals("\"c\"", CompactJson.dumps('c'));
        assertEquals("null", CompactJson.dumps(Optional.empty()));
        assertEquals("[1,2]", CompactJson.dumps(Optional.of(new int[] {1, 2})));
        assertEquals("[[true],[\"a\",null]]", CompactJson.dumps(new Object[] {new boolean[] {true}, Arrays.asList("a", null)}));
        assertEquals("[1]", CompactJson.dumps(Set.of(1)));
        assertEquals("[1,\"a\"]", CompactJson.dumps(Tuple.of(1, "a")));
        assertEquals("{\"label\":\"p\",\"x\":1,\"y\":2}", CompactJson.dumps(new Point(2, 1, "p")));
    }

    @Test
    void unknownTypeIsPythonsTypeError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CompactJson.dumps(List.of(new Object())));
        assertEquals("Object of type java.lang.Object is not JSON serializable", e.getMessage());
    }

    @Test
    void cycleIsAnErrorNotAStackOverflow() {
        List<Object> self = new ArrayList<>();
        self.add(self);
        assertThrows(IllegalArgumentException.class, () -> CompactJson.dumps(self));
    }

    @Test
    void loadsTypes() throws JsonDecodeException {
        Object value = CompactJson.loads(" {\"i\": 1, \"l\": 4294967296, \"b\": 100000000000000000000,"
                + " \"d\": 2.5, \"e\": 1E400, \"n\": null, \"t\": true, \"s\": \"\\u00e9\\ud83d\\ude00\","
                + " \"a\": [NaN, -Infinity], \"m\": {}} ");
        Map<?, ?> map = assertInstanceOf(LinkedHashMap.class, value);
        assertEquals(List.of("i", "l", "b", "d", "e", "n", "t", "s", "a", "m"), new ArrayList<>(map.keySet()));
        assertEquals(1, map.get("i"));
        assertEquals(4294967296L, map.get("l"));
        assertEquals(new BigInteger("100000000000000000000"), map.get("b"));
        assertEquals(2.5, map.get("d"));
        assertEquals(Double.POSITIVE_INFINITY, map.get("e"));
        assertNull(map.get("n"));
        assertEquals(true, map.get("t"));
        assertEquals("é😀", map.get("s"));
        assertEquals(Arrays.asList(Double.NaN, Double.NEGATIVE_INFINITY), map.get("a"));
        assertInstanceOf(ArrayList.class, map.get("a"));
        assertEquals(Map.of(), map.get("m"));
        assertEquals(Integer.MIN_VALUE, CompactJson.loads("-2147483648"));
        assertEquals(Long.MIN_VALUE, CompactJson.loads("-9223372036854775808"));
        assertEquals(0, CompactJson.loads("-0"));
        assertEquals(-0.0, CompactJson.loads("-0.0"));
    }

    @Test
    void duplicateKeysKeepFirstPositionAndLastValue() throws JsonDecodeException {
        Map<?, ?> map = (Map<?, ?>) CompactJson.loads("{\"a\":1,\"b\":3,\"a\":2}");
        assertEquals(List.of("a", "b"), new ArrayList<>(map.keySet()));
        assertEquals(2, map.get("a"));
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("", "Expecting value: line 1 column 1 (char 0)"),
                Arguments.of(" ", "Expecting value: line 1 column 2 (char 1)"),
                Arguments.of("{", "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"),
                Arguments.of("{\"a\"", "Expecting ':' delimiter: line 1 column 5 (char 4)"),
                Arguments.of("{\"a\":", "Expecting value: line 1 column 6 (char 5)"),
                Arguments.of("{\"a\":1", "Expecting ',' delimiter: line 1 column 7 (char 6)"),
                Arguments.of("{\"a\":1,}", "Expecting property name enclosed in double quotes: line 1 column 8 (char 7)"),
                Arguments.of("{\"a\" 1}", "Expecting ':' delimiter: line 1 column 6 (char 5)"),
                Arguments.of("{\"a\":1 \"b\":2}", "Expecting ',' delimiter: line 1 column 8 (char 7)"),
                Arguments.of("{\"a\":1, \"b\"", "Expecting ':' delimiter: line 1 column 12 (char 11)"),
                Arguments.of("[1,]", "Expecting value: line 1 column 4 (char 3)"),
                Arguments.of("[1 2]", "Expecting ',' delimiter: line 1 column 4 (char 3)"),
                Arguments.of("[", "Expecting value: line 1 column 2 (char 1)"),
                Arguments.of("[-]", "Expecting value: line 1 column 2 (char 1)"),
                Arguments.of("\"abc", "Unterminated string starting at: line 1 column 1 (char 0)"),
                Arguments.of("\"a\\", "Unterminated string starting at: line 1 column 1 (char 0)"),
                Arguments.of("\"a\\x\"", "Invalid \\escape: line 1 column 3 (char 2)"),
                Arguments.of("\"a\\u12\"", "Invalid \\uXXXX escape: line 1 column 4 (char 3)"),
                Arguments.of("\"\\ud83d\\u12\"", "Invalid \\uXXXX escape: line 1 column 9 (char 8)"),
                Arguments.of("\"a\nb\"", "Invalid control character at: line 1 column 3 (char 2)"),
                Arguments.of("01", "Extra data: line 1 column 2 (char 1)"),
                Arguments.of("1 2", "Extra data: line 1 column 3 (char 2)"),
                Arguments.of("1.", "Extra data: line 1 column 2 (char 1)"),
                Arguments.of("1e", "Extra data: line 1 column 2 (char 1)"),
                Arguments.of("[1]  x", "Extra data: line 1 column 6 (char 5)"),
                Arguments.of("nul", "Expecting value: line 1 column 1 (char 0)"),
                Arguments.of("-", "Expecting value: line 1 column 1 (char 0)"),
                Arguments.of(".5", "Expecting value: line 1 column 1 (char 0)"),
                Arguments.of("{1:2}", "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"),
                Arguments.of("\ufeff[]", "Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0)"),
                Arguments.of("\n\n  [1,", "Expecting value: line 3 column 6 (char 7)"),
                // Positions count code points: the emoji is one character to Python.
                Arguments.of("[\"😀\",", "Expecting value: line 1 column 6 (char 5)"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("malformed")
    void malformedGivesPythonsMessage(String text, String message) {
        JsonDecodeException e = assertThrows(JsonDecodeException.class, () -> CompactJson.loads(text));
        assertEquals(message, e.getMessage());
    }

    @Test
    void deepNestingIsADecodeErrorNotAStackOverflow() {
        String deep = "[".repeat(100_000);
        JsonDecodeException e = assertThrows(JsonDecodeException.class, () -> CompactJson.loads(deep));
        assertTrue(e.getMessage().startsWith("Maximum nesting depth (512) exceeded"), e.getMessage());
        String ok = "[".repeat(JsonReader.MAX_DEPTH) + "]".repeat(JsonReader.MAX_DEPTH);
        assertEquals(ok, assertDoesNotThrowLoads(ok));
    }

    @Test
    void hugeIntegerIsRefusedLikePython() {
        assertThrows(JsonDecodeException.class, () -> CompactJson.loads("1".repeat(4301)));
    }

    private static String assertDoesNotThrowLoads(String text) {
        try {
            return CompactJson.dumps(CompactJson.loads(text));
        } catch (JsonDecodeException e) {
            throw new AssertionError(e);
        }
    }
}
