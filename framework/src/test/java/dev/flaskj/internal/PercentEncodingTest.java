package dev.flaskj.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Werkzeug 3.x quoting sets (expected values from Python's urllib.parse.quote). */
class PercentEncodingTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            John Doe              | John%20Doe            | John+Doe              | John%20Doe
            a/b?c#d&e=f%g         | a/b%3Fc%23d&e=f%25g   | a/b?c%23d%26e%3Df%25g | a/b?c#d&e=f%g
            é                     | %C3%A9                | %C3%A9                | %C3%A9
            !$&'()*+,;=:@~        | !$&'()*+,;=:@~        | !$%26'()*%2B,;%3D:@~  | !$&'()*+,;=:@~
            "<>\\^`{|}"           | %3C%3E%5C%5E%60%7B%7C%7D | %3C%3E%5C%5E%60%7B%7C%7D | %3C%3E%5C%5E%60%7B%7C%7D
            """)
    void encodes(String input, String path, String query, String fragment) {
        assertEquals(path, PercentEncoding.encodePath(input));
        assertEquals(query, PercentEncoding.encodeQuery(input));
        assertEquals(fragment, PercentEncoding.encodeFragment(input));
    }

    // Expected values from Python's quote(s, safe="%!$&'()*+,/:;=@") (iri_to_uri's path) and
    // quote(s, safe="!#$&+-.^_`|~") (send_file's filename*).
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            John Doe              | John%20Doe            | John%20Doe
            a/b?c#d&e=f%g         | a/b%3Fc%23d&e=f%g     | a%2Fb%3Fc#d&e%3Df%25g
            é                     | %C3%A9                | %C3%A9
            !$&'()*+,;=:@~        | !$&'()*+,;=:@~        | !$&%27%28%29%2A+%2C%3B%3D%3A%40~
            "<>\\^`{|}"           | %3C%3E%5C%5E%60%7B%7C%7D | "%3C%3E%5C^`%7B|%7D"
            %41 x                 | %41%20x               | %2541%20x
            """)
    void encodesIriPathsAndRfc5987Values(String input, String iriPath, String rfc5987) {
        assertEquals(iriPath, PercentEncoding.encodeIriPath(input));
        assertEquals(rfc5987, PercentEncoding.encodeRfc5987(input));
    }

    @Test
    void unchangedTextIsReturnedAsIs() {
        String s = "/user/abc-1.2_~";
        assertSame(s, PercentEncoding.encodePath(s));
    }

    @Test
    void bytesAndAstralCharacters() {
        assertEquals("%F0%9F%98%80", PercentEncoding.encodePath("\ud83d\ude00"));
        assertEquals("x+%FF", PercentEncoding.encodeQuery(new byte[] {'x', ' ', (byte) 0xFF}));
        assertEquals("a b", PercentEncoding.decode(new String("a%20b".getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8), false));
    }
}
