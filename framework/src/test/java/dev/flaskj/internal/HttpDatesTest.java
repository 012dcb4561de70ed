package dev.flaskj.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected values were printed by Werkzeug 3.1.8 ({@code http_date}, {@code parse_date}). */
class HttpDatesTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            1970-01-01T00:00:00Z     | Thu, 01 Jan 1970 00:00:00 GMT
            2023-11-14T22:13:20.900Z | Tue, 14 Nov 2023 22:13:20 GMT
            1969-12-31T23:59:59Z     | Wed, 31 Dec 1969 23:59:59 GMT
            2030-01-02T03:04:05Z     | Wed, 02 Jan 2030 03:04:05 GMT
            """)
    void format(String instant, String expected) {
        assertEquals(expected, HttpDates.format(Instant.parse(instant)));
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "none", textBlock = """
            Thu, 01 Jan 1970 00:00:00 GMT       | 1970-01-01T00:00:00Z
            Sunday, 06-Nov-94 08:49:37 GMT      | 1994-11-06T08:49:37Z
            Sun Nov  6 08:49:37 1994            | 1994-11-06T08:49:37Z
            Sun, 06 Nov 1994 08:49:37 +0100     | 1994-11-06T07:49:37Z
            06 Nov 1994 08:49:37 GMT            | 1994-11-06T08:49:37Z
            Sun, 6 Nov 1994 08:49:37 GMT        | 1994-11-06T08:49:37Z
            sun, 06 nov 1994 08:49:37 gmt       | 1994-11-06T08:49:37Z
            Sun, 06 Nov 94 08:49:37 GMT         | 1994-11-06T08:49:37Z
            Sunday, 06-Nov-70 08:49:37 GMT      | 1970-11-06T08:49:37Z
            Sunday, 06-Nov-69 08:49:37 GMT      | 1969-11-06T08:49:37Z
            Sunday, 06-Nov-68 08:49:37 GMT      | 2068-11-06T08:49:37Z
            Sun, 06 Nov 1994 08:49:37           | 1994-11-06T08:49:37Z
            Sun, 06 Nov 1994 08:49 GMT          | 1994-11-06T08:49:00Z
            Mon, 06 Nov 1994 08:49:37 GMT       | 1994-11-06T08:49:37Z
            Sun, 06 Nov 1994 08:49:37 UTC       | 1994-11-06T08:49:37Z
            Sun, 06 Nov 1994 08:49:37 EST       | 1994-11-06T13:49:37Z
            Sun, 06 Nov 0000 08:49:37 GMT       | 2000-11-06T08:49:37Z
            "  Sun, 06 Nov 1994 08:49:37 GMT  " | 1994-11-06T08:49:37Z
            garbage                             | none
            "" | none
            Sun, 31 Feb 1994 08:49:37 GMT       | none
            Sun, 06 Nov 10000 08:49:37 GMT      | none
            Sun, 06 Nov 1994 24:00:00 GMT       | none
            Sun, 06 Nov 1994 08:49:60 GMT       | none
            Sun, 06 Foo 1994 08:49:37 GMT       | none
            Sun, 06 Nov 1994 08:49:37 XYZ       | 1994-11-06T08:49:37Z
            Sun, 06 Nov 1994 08:49:37 GMT extra | 1994-11-06T08:49:37Z
            """)
    void parse(String text, String expected) {
        Optional<Instant> want = expected == null ? Optional.empty() : Optional.of(Instant.parse(expected));
        assertEquals(want, HttpDates.parse(text));
    }

    @ParameterizedTest(name = "''{0}'' is empty")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            none
            ,
            Sun, 06 Nov 1994
            Sun, 06 Nov 1994 08:49:37 +99999
            Sun, 06 Nov 1994 08:49:37 +9900
            """)
    void neverThrows(String text) {
        assertEquals(Optional.empty(), HttpDates.parse(text));
    }
}
