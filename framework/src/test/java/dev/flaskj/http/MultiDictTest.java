package dev.flaskj.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.exceptions.BadRequestKeyError;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MultiDictTest {
    private final MultiDict<String> d = MultiDict.<String>builder().add("a", "1").add("b", "2").add("a", "3").build();

    @Test
    void getReturnsFirstValueAndGetListAll() {
        assertEquals("1", d.get("a"));
        assertEquals(List.of("1", "3"), d.getList("a"));
        assertEquals(List.of(), d.getList("missing"));
    }

    @Test
    void missingKeyIsBadRequestKeyError() {
        BadRequestKeyError e = assertThrows(BadRequestKeyError.class, () -> d.get("missing"));
        assertEquals("missing", e.key());
        assertEquals(400, e.code());
    }

    @Test
    void getWithDefault() {
        assertEquals("1", d.get("a", "x"));
        assertEquals("x", d.get("missing", "x"));
        assertNull(d.get("missing", null));
    }

    @Test
    void typeConversionFallsBackToDefault() {
        MultiDict<String> args = MultiDict.<String>builder().add("page", "abc").add("n", "7").add("day", "2024-02-30")
                .build();
        // Flask: args.get('page', 1, type=int) with page=abc -> 1
        assertEquals(1, args.get("page", 1, Integer::valueOf));
        assertEquals(7, args.get("n", 1, Integer::valueOf));
        assertEquals(5, args.get("missing", 5, Integer::valueOf));
        assertNull(args.get("day", null, LocalDate::parse));
    }

    @Test
    void otherExceptionsFromTheConverterPropagate() {
        assertThrows(IllegalStateException.class, () -> d.get("a", "x", v -> {
            throw new IllegalStateException("bug");
        }));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            42        | 42
            ' 42 '    | 42
            +5        | 5
            -5        | -5
            1_000     | 1000
            1__0      | -1
            _1        | -1
            4.2       | -1
            abc       | -1
            ''        | -1
            99999999999 | -1
            """)
    void getIntFollowsPythonInt(String raw, int expected) {
        assertEquals(expected, MultiDict.of("k", raw).getInt("k", -1));
    }

    @Test
    void getLongAndDouble() {
        assertEquals(99999999999L, MultiDict.of("k", "99999999999").getLong("k", -1L));
        assertEquals(1.5, MultiDict.of("k", " 1.5 ").getDouble("k", 0.0));
        assertEquals(1e3, MultiDict.of("k", "1e3").getDouble("k", 0.0));
        assertEquals(Double.NEGATIVE_INFINITY, MultiDict.of("k", "-Infinity").getDouble("k", 0.0));
        assertTrue(MultiDict.of("k", "nan").getDouble("k", 0.0).isNaN());
        // Java would accept these; Python's float() does not.
        assertEquals(0.0, MultiDict.of("k", "1.5f").getDouble("k", 0.0));
        assertEquals(0.0, MultiDict.of("k", "0x1p3").getDouble("k", 0.0));
        assertEquals(0.0, MultiDict.of("k", "x").getDouble("k", 0.0));
    }

    @Test
    void getIntOnNonStringValuesGivesDefault() {
        MultiDict<Object> objects = MultiDict.of("k", new Object());
        assertEquals(3, objects.getInt("k", 3));
    }

    @Test
    void keysAreInInsertionOrderAndSizeCountsKeys() {
        assertEquals(List.of("a", "b"), new ArrayList<>(d.keySet()));
        assertEquals(2, d.size());
        assertFalse(d.isEmpty());
        assertTrue(d.containsKey("b"));
        assertFalse(d.containsKey("c"));
    }

    @Test
    void iterationIsGroupedByKeyLikeItemsMulti() {
        List<String> pairs = new ArrayList<>();
        d.forEach(e -> pairs.add(e.getKey() + "=" + e.getValue()));
        // Werkzeug: list(MultiDict([('a','1'),('b','2'),('a','3')]).items(multi=True))
        assertEquals(List.of("a=1", "a=3", "b=2"), pairs);
    }

    @Test
    void toMapAndToListMap() {
        assertEquals(Map.of("a", "1", "b", "2"), d.toMap());
        assertEquals(Map.of("a", List.of("1", "3"), "b", List.of("2")), d.toListMap());
        assertThrows(UnsupportedOperationException.class, () -> d.toMap().put("c", "x"));
        assertThrows(UnsupportedOperationException.class, () -> d.getList("a").add("x"));
    }

    @Test
    void builtDictDoesNotSeeLaterBuilderChanges() {
        MultiDict.Builder<String> builder = MultiDict.<String>builder().add("a", "1");
        MultiDict<String> first = builder.build();
        builder.add("a", "2");
        assertEquals(List.of("1"), first.getList("a"));
        assertEquals(List.of("1", "2"), builder.build().getList("a"));
    }

    @Test
    void equalsHashCodeToString() {
        MultiDict<String> same = MultiDict.<String>builder().add("a", "1").add("a", "3").add("b", "2").build();
        assertEquals(d, same);
        assertEquals(d.hashCode(), same.hashCode());
        assertNotEquals(d, MultiDict.of("a", "1"));
        assertEquals("MultiDict([('a', '1'), ('a', '3'), ('b', '2')])", d.toString());
        assertEquals("MultiDict([])", MultiDict.empty().toString());
    }

    @Test
    void emptyIsShared() {
        assertSame(MultiDict.empty(), MultiDict.<String>builder().build());
        assertTrue(MultiDict.empty().isEmpty());
    }

    @Test
    void combineConcatenatesLikeCombinedMultiDict() {
        MultiDict<String> args = MultiDict.<String>builder().add("q", "args").add("x", "1").build();
        MultiDict<String> form = MultiDict.<String>builder().add("y", "2").add("q", "form").build();
        MultiDict<String> values = MultiDict.combine(List.of(args, form));
        assertEquals("args", values.get("q"));
        assertEquals(List.of("args", "form"), values.getList("q"));
        assertEquals(List.of("q", "x", "y"), new ArrayList<>(values.keySet()));
    }

    @Test
    void nullKeysAndValuesAreRejected() {
        assertThrows(NullPointerException.class, () -> MultiDict.<String>builder().add(null, "v"));
        assertThrows(NullPointerException.class, () -> MultiDict.<String>builder().add("k", null));
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 10, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void longNumbersParseInLinearTime() {
        // "1_1_1..." of 4 KB overflowed the stack of the (?:_\d+)* expression; Python's int() accepts it (a number
        // far beyond int, so the default) and refuses more than 4300 digits. Values printed by CPython 3.
        assertEquals(1, MultiDict.of("page", "1_".repeat(2048) + "1").getInt("page", 1));
        assertEquals(7, MultiDict.of("page", "0_".repeat(2000) + "7").getInt("page", 1));
        assertEquals(1, MultiDict.of("page", "0_".repeat(5000) + "7").getInt("page", 1));
        assertEquals(1, MultiDict.of("page", "1_".repeat(1 << 20) + "1").getInt("page", 1));
        assertEquals(12, MultiDict.of("page", "\u0661\u0662").getInt("page", 1));
        assertEquals(Long.MIN_VALUE, MultiDict.of("n", "-9223372036854775808").getLong("n", 0L));
        assertEquals(0L, MultiDict.of("n", "9223372036854775808").getLong("n", 0L));
        assertEquals(-1.025, MultiDict.of("x", " -1_0.2_5e-0_1 ").getDouble("x", 0.0));
        assertEquals(12.0, MultiDict.of("x", "\u0661\u0662").getDouble("x", 0.0));
        assertEquals(5.0, MultiDict.of("x", "5.").getDouble("x", 0.0));
        assertEquals(0.5, MultiDict.of("x", ".5").getDouble("x", 0.0));
        for (String bad : List.of("1_", "_1", "1__0", "1._5", "1_.5", "e5", ".", "1e", "1e_5", "in_f", "", "+")) {
            assertEquals(-1.0, MultiDict.of("x", bad).getDouble("x", -1.0), bad);
            assertEquals(-1, MultiDict.of("x", bad).getInt("x", -1), bad);
        }
        String longFloat = "1_".repeat(1 << 19) + "1." + "5_".repeat(1 << 19) + "5e-1_0";
        assertEquals(Double.POSITIVE_INFINITY, MultiDict.of("x", longFloat).getDouble("x", 0.0));
    }
}
