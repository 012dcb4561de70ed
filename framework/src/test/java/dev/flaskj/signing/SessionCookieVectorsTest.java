package dev.flaskj.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.json.JsonDecodeException;
import dev.flaskj.json.TaggedJson;
import dev.flaskj.json.TestMarkup;
import dev.flaskj.json.Tuple;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Session cookies printed by Flask 3.1.3 (SECRET_KEY "dev", timestamp 1700000000), both directions. */
class SessionCookieVectorsTest {
    private static final long TIMESTAMP = 1_700_000_000L;
    private static final long MAX_AGE = 31L * 24 * 3600;
    private static final TaggedJson TAGGED = new TaggedJson(TestMarkup::new);

    /** A fresh serializer per use, so no test is answered from another test's payload cache. */
    private static TimedSerializer serializer() {
        return new TimedSerializer(List.of("dev".getBytes(StandardCharsets.UTF_8)), "cookie-session");
    }

    static Stream<Arguments> vectors() {
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("_permanent", true);
        second.put("user_id", 42);
        second.put("cart", List.of(1, 2, 3));
        second.put("name", "Zoë");
        return Stream.of(
                Arguments.of("1 username", Map.of("username", "alice"),
                        "{\"username\":\"alice\"}",
                        "eyJ1c2VybmFtZSI6ImFsaWNlIn0.ZVPxAA.SgQvo235z98CwxmEa4WqerYiP6k"),
                Arguments.of("2 permanent, list, non-ASCII", second,
                        "{\"_permanent\":true,\"cart\":[1,2,3],\"name\":\"Zo\\u00eb\",\"user_id\":42}",
                        "eyJfcGVybWFuZW50Ijp0cnVlLCJjYXJ0IjpbMSwyLDNdLCJuYW1lIjoiWm9cdTAwZWIiLCJ1c2VyX2lkIjo0Mn0"
                                + ".ZVPxAA.0ChJj6lrM2hDE1gzLVih211_BZU"),
                Arguments.of("3 flashes, compressed", Map.of("_flashes", List.of(
                                Tuple.of("message", "You were logged in"), Tuple.of("error", "bad <b>"))),
                        "{\"_flashes\":[{\" t\":[\"message\",\"You were logged in\"]},{\" t\":[\"error\",\"bad <b>\"]}]}",
                        ".eJyrVopPy0kszkgtVrKKrlZSKAFSSrmpxcWJ6alKOkqR-aUK5alFqQo5-enpqSkKmXlKsbU6MHWpRUX5RUBVSYkpCjZJdkCp2FoASBUaVw"
                                + ".ZVPxAA.9MAoADOkH55A9pYPr2MW3Sz0778"),
                Arguments.of("4 big, compressed", Map.of("big", "x".repeat(200)),
                        "{\"big\":\"" + "x".repeat(200) + "\"}",
                        ".eJyrVkrKTFeyUqoYJkCpFgBptWCt.ZVPxAA.C5Z2h_zlR13SfQb4D0oSk3q4Mfo"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void javaWritesFlasksCookie(String name, Map<String, Object> session, String json, String cookie) {
        assertEquals(json, TAGGED.dumps(session));
        assertEquals(cookie, serializer().dumps(json, TIMESTAMP));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void javaReadsFlasksCookie(String name, Map<String, Object> session, String json, String cookie)
            throws BadSignatureException, JsonDecodeException {
        String loaded = serializer().loads(cookie, MAX_AGE, TIMESTAMP + 60);
        assertEquals(json, loaded);
        assertEquals(session, TAGGED.loads(loaded));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void flashesReadBackAsTuples(String name, Map<String, Object> session, String json, String cookie)
            throws BadSignatureException, JsonDecodeException {
        Object loaded = TAGGED.loads(serializer().loads(cookie, MAX_AGE, TIMESTAMP));
        Object flashes = ((Map<?, ?>) loaded).get("_flashes");
        if (flashes != null) {
            for (Object flash : (List<?>) flashes) {
                assertTrue(flash instanceof Tuple, "flash is a Tuple: " + flash);
            }
        }
    }
}
