package dev.flaskj.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Flask's flask.json.tag; expected JSON printed by Flask 3.1.3. */
class TaggedJsonTest {
    private final TaggedJson tagged = new TaggedJson(TestMarkup::new);

    record Owner(String name, UUID id) {}

    static Stream<Arguments> flaskExamples() {
        return Stream.of(
                Arguments.of(Map.of("a", Tuple.of(1, 2)), "{\"a\":{\" t\":[1,2]}}"),
                Arguments.of(Map.of("x", Map.of(" t", 1)), "{\"x\":{\" di\":{\" t__\":1}}}"),
                Arguments.of(Map.of("nested", Map.of("k", List.of(Tuple.of(1), Map.of(" di", 0)))),
                        "{\"nested\":{\"k\":[{\" t\":[1]},{\" di\":{\" di__\":0}}]}}"),
                Arguments.of(Map.of("b", new byte[] {0, (byte) 0xff}), "{\"b\":{\" b\":\"AP8=\"}}"),
                Arguments.of(Map.of("m", new TestMarkup("<b>x</b>")), "{\"m\":{\" m\":\"<b>x</b>\"}}"),
                Arguments.of(Map.of("u", UUID.fromString("12345678-1234-5678-1234-567812345678")),
                        "{\"u\":{\" u\":\"12345678123456781234567812345678\"}}"),
                Arguments.of(Map.of("d", Instant.parse("2024-01-02T03:04:05Z")),
                        "{\"d\":{\" d\":\"Tue, 02 Jan 2024 03:04:05 GMT\"}}"),
                Arguments.of(Map.of("_flashes", List.of(Tuple.of("message", "plain"), Tuple.of("error", "err!"),
                                Tuple.of("info", new TestMarkup("<b>m</b>")))),
                        "{\"_flashes\":[{\" t\":[\"message\",\"plain\"]},{\" t\":[\"error\",\"err!\"]},"
                                + "{\" t\":[\"info\",{\" m\":\"<b>m</b>\"}]}]}"),
                Arguments.of(Map.of("t", Tuple.of(Tuple.of(1, 2), List.of(3, Tuple.of(4)))),
                        "{\"t\":{\" t\":[{\" t\":[1,2]},[3,{\" t\":[4]}]]}}"),
                Arguments.of(Map.of("k", Collections.singletonMap(" t", null)), "{\"k\":{\" di\":{\" t__\":null}}}"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("flaskExamples")
    void writesAsFlask(Object value, String json) {
        assertEquals(json, tagged.dumps(value));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("flaskExamples")
    void readsBackTheSameValue(Object value, String json) throws JsonDecodeException {
        Object loaded = tagged.loads(json);
        // byte[] has identity equals; compare through the writer, which is exact for every other type.
        assertEquals(json, tagged.dumps(loaded));
    }

    @Test
    void tagsBecomeJavaTypes() throws JsonDecodeException {
        Map<?, ?> map = (Map<?, ?>) tagged.loads("{\"b\":{\" b\":\"AP8=\"},\"d\":{\" d\":\"Tue, 02 Jan 2024 03:04:05 GMT\"},"
                + "\"m\":{\" m\":\"<i>\"},\"t\":{\" t\":[1,\"a\"]},\"u\":{\" u\":\"12345678123456781234567812345678\"},"
                + "\"x\":{\" di\":{\" t__\":{\" t\":[]}}}}");
        assertArrayEquals(new byte[] {0, (byte) 0xff}, (byte[]) map.get("b"));
        assertEquals(Instant.parse("2024-01-02T03:04:05Z"), map.get("d"));
        assertEquals(new TestMarkup("<i>"), map.get("m"));
        Tuple tuple = assertInstanceOf(Tuple.class, map.get("t"));
        assertEquals(List.of(1, "a"), tuple);
        assertEquals(UUID.fromString("12345678-1234-5678-1234-567812345678"), map.get("u"));
        Map<?, ?> x = assertInstanceOf(Map.class, map.get("x"));
        assertEquals(Tuple.of(), x.get(" t"));
        assertInstanceOf(Tuple.class, x.get(" t"));
    }

    @Test
    void plainListsStayListsAndTuplesStayTuples() throws JsonDecodeException {
        Map<?, ?> map = (Map<?, ?>) tagged.loads(tagged.dumps(Map.of("l", List.of(1), "t", Tuple.of(1),
                "a", new Object[] {1})));
        assertInstanceOf(ArrayList.class, map.get("l"));
        assertInstanceOf(ArrayList.class, map.get("a"));
        assertInstanceOf(Tuple.class, map.get("t"));
    }

    @Test
    void datesLikeFlask() throws JsonDecodeException {
        // Flask: datetime is tagged (naive = UTC); date is not tagged, it is app.json's HTTP date string.
        assertEquals("{\" d\":\"Tue, 02 Jan 2024 03:04:05 GMT\"}", tagged.dumps(LocalDateTime.of(2024, 1, 2, 3, 4, 5)));
        assertEquals("{\" d\":\"Tue, 02 Jan 2024 03:04:05 GMT\"}",
                tagged.dumps(OffsetDateTime.of(2024, 1, 2, 4, 4, 5, 999, ZoneOffset.ofHours(1))));
        assertEquals("\"Tue, 02 Jan 2024 00:00:00 GMT\"", tagged.dumps(LocalDate.of(2024, 1, 2)));
        // Werkzeug's parse_date: a numeric offset is understood, garbage gives None.
        assertEquals(Instant.parse("2024-01-02T02:04:05Z"), tagged.loads("{\" d\":\"Tue, 02 Jan 2024 03:04:05 +0100\"}"));
        assertNull(tagged.loads("{\" d\":\"garbage\"}"));
        // parse_date reads the RFC 850 and asctime forms as well.
        assertEquals(Instant.parse("1994-11-06T08:49:37Z"),
                tagged.loads("{\" d\":\"Sunday, 06-Nov-94 08:49:37 GMT\"}"));
        assertEquals(Instant.parse("1994-11-06T08:49:37Z"), tagged.loads("{\" d\":\"Sun Nov  6 08:49:37 1994\"}"));
    }

    @Test
    void otherFlaskDefaults() {
        // Flask: Decimal -> str, dataclass -> asdict without tags inside.
        assertEquals("{\"n\":\"1.50\"}", tagged.dumps(Map.of("n", new BigDecimal("1.50"))));
        assertEquals("{\"id\":\"00000000-0000-0000-0000-000000000001\",\"name\":\"a\"}",
                tagged.dumps(new Owner("a", new UUID(0, 1))));
        assertEquals("{\"a\":1,\"b\":2}", tagged.dumps(Map.of("b", 2, "a", 1)));
    }

    @Test
    void diStripsTwoCharactersOfTheFirstKeyLikeFlask() throws JsonDecodeException {
        assertEquals(Map.of("", 1), tagged.loads("{\" di\":{\"x\":1,\"y\":2}}"));
    }

    @Test
    void uuidAcceptsPythonsSpellings() throws JsonDecodeException {
        UUID id = UUID.fromString("12345678-1234-5678-1234-567812345678");
        assertEquals(id, tagged.loads("{\" u\":\"{12345678-1234-5678-1234-567812345678}\"}"));
        assertEquals(id, tagged.loads("{\" u\":\"urn:uuid:12345678-1234-5678-1234-567812345678\"}"));
    }

    @Test
    void taggedKeyBesideOtherKeysIsNotATag() throws JsonDecodeException {
        Map<?, ?> map = (Map<?, ?>) tagged.loads("{\" t\":[1],\"x\":2}");
        assertEquals(Arrays.asList(" t", "x"), new ArrayList<>(map.keySet()));
        assertInstanceOf(ArrayList.class, map.get(" t"));
    }

    @ParameterizedTest
    @MethodSource("badTags")
    void badTagValueIsADecodeError(String json) {
        assertThrows(JsonDecodeException.class, () -> tagged.loads(json));
    }

    static Stream<String> badTags() {
        return Stream.of("{\" t\":1}", "{\" b\":5}", "{\" b\":\"A\"}", "{\" u\":\"xyz\"}", "{\" u\":[]}",
                "{\" m\":{}}", "{\" di\":{}}", "{\" di\":3}", "{\" d\":4}", "{\" t\":[1]");
    }

    @Test
    void unknownTypeIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> tagged.dumps(Map.of("x", new Object())));
    }
}
