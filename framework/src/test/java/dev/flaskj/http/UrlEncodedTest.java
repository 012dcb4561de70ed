package dev.flaskj.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlEncodedTest {
    private static List<String> pairs(MultiDict<String> d) {
        List<String> out = new ArrayList<>();
        d.forEach(e -> out.add(e.getKey() + "=" + e.getValue()));
        return out;
    }

    @Test
    void specExample() {
        // Werkzeug 3.1.8 request.args
        MultiDict<String> args = UrlEncoded.parse("a=1&a=2&b=&c&d=x+y%20z&e=%ZZ&=v&f=%C3%A9");
        assertEquals(List.of("a=1", "a=2", "b=", "c=", "d=x y z", "e=%ZZ", "=v", "f=\u00e9"), pairs(args));
        assertEquals("1", args.get("a"));
        assertEquals("v", args.get(""));
    }

    // Expected pairs printed by Werkzeug 3.1.8: list(Request(...query_string=q).args.items(multi=True)).
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            a=1;b=2           | a=1;b=2
            &&a=1&&           | a=1
            a==b              | a==b
            %61=1             | a=1
            a=%2              | a=%2
            a=%               | a=%
            +=+               | ' = '
            a=1&a             | a=1,a=
            =                 | =
            a=%FF             | a=%FF
            a=%C3%A9%FF       | a=\u00e9%FF
            a=%C3%28          | a=%C3(
            a=%e9t%C3%A9      | a=%E9t\u00e9
            a=%ED%A0%80       | a=%ED%A0%80
            a=%F0%9F%98%80    | a=\ud83d\ude00
            a=%F0%9F%98       | a=%F0%9F%98
            a=%C0%80          | a=%C0%80
            x=%41%42+%2B      | x=AB +
            k%20ey=v%26w%3Dz  | k ey=v&w=z
            x=\u00e9          | x=\u00e9
            """)
    void parseMatchesWerkzeug(String query, String expected) {
        assertEquals(Arrays.asList(expected.split(",")), pairs(UrlEncoded.parse(query)));
    }

    @Test
    void emptyAndNullGiveEmptyDict() {
        assertTrue(UrlEncoded.parse("").isEmpty());
        assertTrue(UrlEncoded.parse(null).isEmpty());
        assertTrue(UrlEncoded.parse("&").isEmpty());
    }

    @Test
    void encodeMatchesWerkzeugTestClient() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("a", "x y");
        values.put("b", List.of("1", "2"));
        values.put("skipped", null);
        values.put("\u00e9", "\u00fc/?:@!$'()*,;=&+#%~\"<>[]{}|\\^`");
        values.put("k", "a\u0000\n");
        values.put("n", 5);
        // werkzeug.urls._urlencode on the same pairs
        assertEquals("a=x+y&b=1&b=2&%C3%A9=%C3%BC/?:@!$'()*,;%3D%26%2B%23%25~%22%3C%3E%5B%5D%7B%7D%7C%5C%5E%60"
                + "&k=a%00%0A&n=5", UrlEncoded.encode(values));
    }

    @Test
    void encodeThenParseRoundTrips() {
        MultiDict<String> d = MultiDict.<String>builder().add("q", "a b&c=d").add("q", "\u00e9+").add("", "")
                .build();
        assertEquals(d, UrlEncoded.parse(UrlEncoded.encode(d)));
    }
}
