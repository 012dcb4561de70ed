package dev.flaskj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.http.ETags;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code If-None-Match}/{@code If-Match} lists: Werkzeug 3.1's {@code parse_etags}, in linear time ({@link ETags}). */
class ConditionalEtagsTest {
    /**
     * Werkzeug's {@code _etag_re}, the oracle on short inputs. UNIX_LINES gives Python's '.' and '$'; the random
     * inputs use only ASCII whitespace, where Java's and Python's {@code \s} agree.
     */
    private static final Pattern WERKZEUG_ETAG_RE =
            Pattern.compile("([Ww]/)?(?:\"(.*?)\"|(.*?))(?:\\s*,\\s*|$)", Pattern.UNIX_LINES);

    /** What Werkzeug's regex finds: strong tags, weak tags, and whether the list is {@code *}. */
    private record Found(Set<String> strong, Set<String> weak, boolean star) {
        static Found of(ETags tags) {
            return new Found(new HashSet<>(tags.strong()), new HashSet<>(tags.weak()), tags.isStar());
        }
    }

    private static Found oracle(String value) {
        Set<String> strong = new HashSet<>();
        Set<String> weak = new HashSet<>();
        if (value.isEmpty()) {
            return new Found(strong, weak, false);
        }
        Matcher m = WERKZEUG_ETAG_RE.matcher(value);
        int pos = 0;
        while (pos < value.length() && m.region(pos, value.length()).lookingAt()) {
            String raw = m.group(3);
            if ("*".equals(raw)) {
                return new Found(Set.of(), Set.of(), true);
            }
            if (m.group(2) != null && !m.group(2).isEmpty()) {
                raw = m.group(2);
            }
            if (raw != null && !raw.isEmpty()) { // Werkzeug's None and "" tags, which flaskj's ETags leaves out
                (m.group(1) != null ? weak : strong).add(raw);
            }
            if (m.end() == pos) {
                break;
            }
            pos = m.end();
        }
        return new Found(strong, weak, false);
    }

    @Test
    void scannerAgreesWithWerkzeugsRegex() {
        String alphabet = "\"\", \t\nWw/a*\"";
        Random random = new Random(11);
        List<String> values = new ArrayList<>(List.of("\"a\", W/\"b\", c", "\"a\" \"b\", d", "W/", "\"\", x",
                " * ", "\"a, \"b", "a\nb, c", "\"a\nb\", c", "x,\n", "x\n", "\"a\"\n", "*", "a, *, b"));
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = 1 + random.nextInt(12);
            for (int j = 0; j < len; j++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            values.add(sb.toString());
        }
        for (String v : values) {
            assertEquals(oracle(v), Found.of(ETags.parse(v)), "<" + v.replace("\n", "\\n") + ">");
        }
    }

    @Test
    void pythonWhitespaceSeparatesTags() {
        // Printed by Werkzeug 3.1.8: Python's \s also takes U+001C and U+00A0.
        assertEquals(Set.of("a", "b"), ETags.parse("\"a\"\u001c,\"b\"").strong());
        assertEquals(Set.of("a", "b"), ETags.parse("\"a\"\u00a0, b").strong());
        assertEquals(Set.of(" * "), ETags.parse(" * ").strong());
        assertTrue(ETags.parse("a, *, b").isStar());
    }

    @Test
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void longListsParseInLinearTime() {
        // An 8 KB list took 110 ms with the regex (quadratic); a few megabytes must take milliseconds.
        int n = 1 << 18;
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < n; i++) {
            list.append(i == 0 ? "" : ", ").append('"').append(i).append('"');
        }
        ETags tags = ETags.parse(list.toString());
        assertEquals(n, tags.strong().size());
        assertTrue(tags.containsWeak(String.valueOf(n - 1)));
        // Quotes that never close before a separator, and long runs of spaces between bare tags.
        assertEquals(Set.of("\"a"), ETags.parse("\"a, ".repeat(n)).strong());
        assertFalse(ETags.parse("a" + " ".repeat(1 << 20) + "b").isEmpty());
        assertEquals(1, ETags.parse("\"" + "\" \"".repeat(1 << 19) + "\"").strong().size());
    }
}
