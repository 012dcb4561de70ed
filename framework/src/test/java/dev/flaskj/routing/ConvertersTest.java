package dev.flaskj.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The built-in converters and custom ones (Werkzeug converters.py). */
class ConvertersTest {

    private static Converter create(String name, List<Object> args, Map<String, Object> kwargs) {
        return new Converters().names().contains(name)
                ? new UrlMap().add(RuleSpec.of("/<" + name + argText(args, kwargs) + ":v>", "e")).converter("v")
                : null;
    }

    private static String argText(List<Object> args, Map<String, Object> kwargs) {
        if (args.isEmpty() && kwargs.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder("(");
        args.forEach(a -> s.append(s.length() > 1 ? ", " : "").append(a));
        kwargs.forEach((k, v) -> s.append(s.length() > 1 ? ", " : "").append(k).append('=').append(v));
        return s.append(')').toString();
    }

    // Regex and weight per converter (Werkzeug: int/float 50, string/any/uuid 100, path 200).
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            string                            | [^/]{1,}      | 100 | false
            default                           | [^/]{1,}      | 100 | false
            string(length=2)                  | [^/]{2}       | 100 | false
            string(minlength=2, maxlength=3)  | [^/]{2,3}     | 100 | false
            string(2, 3)                      | [^/]{2,3}     | 100 | false
            path                              | [^/].*?       | 200 | true
            int                               | \\d+          | 50  | false
            int(signed=True)                  | -?\\d+        | 50  | false
            float                             | \\d+\\.\\d+   | 50  | false
            float(signed=True)                | -?\\d+\\.\\d+ | 50  | false
            uuid                              | [A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12} | 100 | false
            """)
    void regexWeightAndSlash(String spec, String regex, int weight, boolean slash) {
        Converter c = new UrlMap().add(RuleSpec.of("/<" + spec + ":v>", "e")).converter("v");
        assertEquals(regex, c.regex());
        assertEquals(weight, c.weight());
        assertEquals(slash, c.matchesSlash());
    }

    // to_url per Werkzeug: str(int(v)) zero-padded, str(float(v)), quoted strings.
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            int(fixed_digits=4) | 7        | 0007
            int(fixed_digits=4) | -7       | -007
            int                 | 42       | 42
            float               | 1        | 1.0
            float               | 2.5      | 2.5
            string              | a b/c    | a%20b/c
            path                | a/b c    | a/b%20c
            """)
    void toUrlOfText(String spec, String value, String expected) {
        Converter c = new UrlMap().add(RuleSpec.of("/<" + spec + ":v>", "e")).converter("v");
        assertEquals(expected, c.toUrl(value));
    }

    @Test
    void numericToUrl() throws Exception {
        Converter f = create("float", List.of(), Map.of());
        assertEquals("1.0", f.toUrl(1));
        assertEquals("1e+16", f.toUrl(1e16));
        assertEquals("1e-05", f.toUrl(0.00001));
        assertEquals("0.1", f.toUrl(0.1f));
        assertEquals("inf", f.toUrl(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> f.toUrl("abc"));
        Converter i = create("int", List.of(), Map.of());
        assertEquals("2", i.toUrl(2.9)); // Python int(2.9) truncates
        assertEquals("123456789012345678901234567890", i.toUrl(new BigInteger("123456789012345678901234567890")));
        assertThrows(IllegalArgumentException.class, () -> i.toUrl("x"));
    }

    // The float converter's to_url is str(float(v)): CPython's shortest repr, not JDK 17's Double.toString digits.
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2e23               | 2e+23
            4.9e-324           | 5e-324
            1e16               | 1e+16
            0.1                | 0.1
            1e-7               | 1e-07
            123456789012345678 | 1.2345678901234568e+17
            -0.0               | -0.0
            NaN                | nan
            -Infinity          | -inf
            """)
    void floatToUrlIsPythonRepr(String javaLiteral, String expected) throws Exception {
        Converter f = create("float", List.of(), Map.of());
        assertEquals(expected, f.toUrl(Double.parseDouble(javaLiteral)));
    }

    @Test
    void intToJavaTypesAndValidation() throws Exception {
        Converter c = create("int", List.of(), Map.of("min", 1, "max", 10));
        assertEquals(5, c.toJava("05"));
        assertThrows(ValidationException.class, () -> c.toJava("0"));
        assertThrows(ValidationException.class, () -> c.toJava("11"));
        Converter plain = create("int", List.of(), Map.of());
        assertInstanceOf(Integer.class, plain.toJava("2147483647"));
        assertInstanceOf(Long.class, plain.toJava("2147483648"));
        assertInstanceOf(BigInteger.class, plain.toJava("9223372036854775808"));
        // Python's \d and int() accept other decimal digits: ١٢٣ (Arabic-Indic) is 123.
        assertEquals(123, plain.toJava("\u0661\u0662\u0663"));
        // CPython's int() refuses more than 4300 digits; flaskj answers "no match" instead of a 500.
        assertThrows(ValidationException.class, () -> plain.toJava("1".repeat(4301)));
    }

    @Test
    void floatAndUuidToJava() throws Exception {
        Converter f = create("float", List.of(), Map.of("max", 2));
        assertEquals(1.5, f.toJava("1.5"));
        assertThrows(ValidationException.class, () -> f.toJava("2.5"));
        Converter u = create("uuid", List.of(), Map.of());
        assertEquals(UUID.fromString("12345678-1234-1234-1234-1234567890ab"),
                u.toJava("12345678-1234-1234-1234-1234567890AB"));
        assertEquals("abc", u.toUrl("abc")); // no validation when building
    }

    @Test
    void anyRejectsUnknownValuesWhenBuilding() {
        Converter c = new UrlMap().add(RuleSpec.of("/<any(about, help, \"foo,bar\"):v>", "e")).converter("v");
        assertEquals("foo,bar", c.toUrl("foo,bar"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.toUrl("zzz"));
        assertEquals("'zzz' is not one of 'about', 'foo,bar', 'help'", e.getMessage());
    }

    @Test
    void acceptsParameterTypes() {
        Converter i = create("int", List.of(), Map.of());
        for (Class<?> t : List.of(int.class, Integer.class, long.class, Long.class, BigInteger.class, Number.class,
                Object.class)) {
            assertTrue(i.accepts(t), t.getName());
        }
        assertFalse(i.accepts(String.class));
        assertFalse(i.accepts(double.class));
        Converter f = create("float", List.of(), Map.of());
        assertTrue(f.accepts(double.class));
        assertFalse(f.accepts(int.class));
        assertTrue(create("uuid", List.of(), Map.of()).accepts(UUID.class));
        assertTrue(create("string", List.of(), Map.of()).accepts(String.class));
        assertFalse(create("string", List.of(), Map.of()).accepts(int.class));
    }

    @Test
    void customConverter() {
        UrlMap map = new UrlMap();
        map.converters().register("hex", (args, kwargs) -> new Converter() {
            @Override
            public String regex() {
                return "([0-9a-f])+";
            }

            @Override
            public Object toJava(String value) {
                return Long.parseLong(value, 16);
            }

            @Override
            public String toUrl(Object value) {
                return Long.toHexString((Long) value);
            }
        });
        map.add(RuleSpec.of("/c/<hex:rgb>/<name>", "color"));
        MatchResult.Matched m = assertInstanceOf(MatchResult.Matched.class, map.match("/c/ff/x", "GET"));
        // The converter's own capturing group does not shift the following variable.
        assertEquals(Map.of("rgb", 255L, "name", "x"), m.arguments());
        assertEquals("/c/ff/x", map.build("color", Map.of("rgb", 255L, "name", "x"), null, true));
        assertThrows(IllegalStateException.class, () -> map.converters().register("late", (a, k) -> null));
        assertThrows(IllegalArgumentException.class, () -> new Converters().register("1bad", (a, k) -> null));
    }

    @Test
    void defaultMethodsOfACustomConverter() {
        Converter slashy = () -> "[a-z/]+";
        assertTrue(slashy.matchesSlash()); // Werkzeug 2.3+: a regex containing "/" is not part-isolating
        assertEquals(100, slashy.weight());
        assertEquals("a%20b", slashy.toUrl("a b"));
        assertEquals(String.class, slashy.javaType());
    }
}
