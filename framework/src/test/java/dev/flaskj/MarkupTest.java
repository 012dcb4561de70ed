package dev.flaskj;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flaskj.internal.HtmlSafe;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Markup against MarkupSafe 3.0: every expected value below was printed by the real library. */
class MarkupTest {

    static Stream<Arguments> escapeTable() {
        return Stream.of(
                Arguments.of("<script>alert('x') & \"y\"</script>",
                        "&lt;script&gt;alert(&#39;x&#39;) &amp; &#34;y&#34;&lt;/script&gt;"),
                Arguments.of("&amp;", "&amp;amp;"),
                Arguments.of(null, "None"),
                Arguments.of(5, "5"),
                Arguments.of("", ""),
                Arguments.of("plain text é", "plain text é"));
    }

    // markupsafe: escape()
    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("escapeTable")
    void escape(Object input, String expected) {
        assertEquals(expected, Markup.escape(input).html());
        assertEquals(expected, Flask.escape(input).toString());
    }

    @Test
    void escapeKeepsSafeValues() {
        Markup m = new Markup("<b>x</b>");
        assertSame(m, Markup.escape(m));
        HtmlSafe other = () -> "<i>y</i>";
        assertEquals("<i>y</i>", Markup.escape(other).html());
    }

    @Test
    void escapeSilentTurnsNullIntoEmpty() {
        assertEquals("", Markup.escapeSilent(null).html());
        assertEquals("&lt;", Markup.escapeSilent("<").html());
    }

    @Test
    void javaBooleansKeepJavaSpelling() {
        // Documented difference: Python prints True, Java prints true.
        assertEquals("true", Markup.escape(true).html());
    }

    static Stream<Arguments> striptagsTable() {
        return Stream.of(
                Arguments.of("a <b>bold</b>   <!-- c -->  text\n x &amp; y", "a bold text x & y"),
                Arguments.of("<a href=\"x>y\">t</a>", "y\">t"),
                Arguments.of("a<!-- c1 -->b<!-- c2", "ab<!-- c2"),
                Arguments.of("&lt;b&gt;", "<b>"),
                Arguments.of("x\u00a0\u00a0y\u2003z", "x y z"),
                Arguments.of("<!-->x", "x"),
                Arguments.of("<p>a</p>\t\n<p>b</p>", "a b"),
                Arguments.of("a < b and c > d", "a d"),
                Arguments.of("<!-- <b> -->ok", "ok"),
                Arguments.of("\u001cx\u001fy\u0085z\u200bw", "x y z\u200bw"));
    }

    // markupsafe: Markup.striptags (3.0 algorithm)
    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("striptagsTable")
    void striptags(String html, String expected) {
        assertEquals(expected, new Markup(html).striptags());
    }

    static Stream<Arguments> unescapeTable() {
        return Stream.of(
                Arguments.of("&lt;x&gt; &amp; &#39;", "<x> & '"),
                Arguments.of("&amp", "&"),
                Arguments.of("&ampx", "&x"),
                // Not here: "&notit;", where Python's legacy-prefix rule gives "\u00acit;" and unbescape keeps it.
                Arguments.of("&#0;", "\ufffd"),
                Arguments.of("&#x80;", "\u20ac"),
                Arguments.of("&#128512;", "\ud83d\ude00"),
                Arguments.of("&bogus;", "&bogus;"),
                Arguments.of("&AMP;", "&"),
                Arguments.of("&#34;&#x27;", "\"'"),
                Arguments.of("&nbsp;x", "\u00a0x"),
                Arguments.of("a&b", "a&b"),
                Arguments.of("&lt", "<"));
    }

    // markupsafe: Markup.unescape (html.unescape)
    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("unescapeTable")
    void unescape(String html, String expected) {
        assertEquals(expected, new Markup(html).unescape());
    }

    @Test
    void formatEscapesArgumentsNotTheTemplate() {
        assertEquals("<p>&lt;x&gt;</p>", new Markup("<p>{}</p>").format("<x>").html());
        assertEquals("<em>&#39;</em>&#39;", new Markup("<em>{0}</em>{0}").format("'").html());
        assertEquals("{}None", new Markup("{{}}{}").format((Object) null).html());
        assertEquals("<b><i>safe</i></b>", new Markup("<b>{}</b>").format(new Markup("<i>safe</i>")).html());
    }

    @Test
    void formatRejectsWhatItCannotDo() {
        Markup m = new Markup("{0:>5}");
        assertThrows(IllegalArgumentException.class, () -> m.format("x"));
        assertThrows(IllegalArgumentException.class, () -> new Markup("{} {0}").format("a", "b"));
        assertThrows(IllegalArgumentException.class, () -> new Markup("{1}").format("a"));
        assertThrows(IllegalArgumentException.class, () -> new Markup("a } b").format());
        assertThrows(IllegalArgumentException.class, () -> new Markup("a { b").format());
    }

    @Test
    void concatAndJoinEscapePlainParts() {
        assertEquals("<b>&lt;i&gt;", new Markup("<b>").concat("<i>").html());
        assertEquals("a&lt;b<br><i>c</i>",
                new Markup("<br>").join(List.of("a<b", new Markup("<i>c</i>"))).html());
        assertEquals("", new Markup(",").join(List.of()).html());
        assertEquals("None|1", new Markup("|").join(Arrays.asList(null, 1)).html());
    }

    @Test
    void valueSemantics() {
        assertEquals(new Markup("<b>"), new Markup("<b>"));
        assertEquals(new Markup("<b>").hashCode(), new Markup("<b>").hashCode());
        assertNotEquals(new Markup("<b>"), "<b>"); // symmetric equals: a String is never equal to a Markup
        assertEquals("<b>", new Markup("<b>").toString());
        assertEquals(3, new Markup("<b>").length());
        assertEquals('b', new Markup("<b>").charAt(1));
        assertEquals(new Markup("b>"), new Markup("<b>").subSequence(1, 3));
    }

    /** MarkupSafe 3.0's loop as it is written, quadratic: the oracle for the linear version on short inputs. */
    private static String naiveRemoveBetween(String value, String open, String close) {
        String v = value;
        int start;
        while ((start = v.indexOf(open)) >= 0) {
            int end = v.indexOf(close, start);
            if (end < 0) {
                break;
            }
            v = v.substring(0, start) + v.substring(end + close.length());
        }
        return v;
    }

    @Test
    void removeBetweenAgreesWithMarkupSafesLoop() {
        String alphabet = "<!-->a<-";
        java.util.Random random = new java.util.Random(3);
        java.util.List<String> inputs = new java.util.ArrayList<>(java.util.List.of("<<!--x-->!--y-->", "<!-->",
                "a<!-- c", "<<a>>", "<!<!---->-->", "<<<>>>"));
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(16);
            for (int j = 0; j < len; j++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            inputs.add(sb.toString());
        }
        for (String in : inputs) {
            String comments = naiveRemoveBetween(in, "<!--", "-->");
            assertEquals(comments, Markup.removeBetween(in, "<!--", "-->"), in);
            assertEquals(naiveRemoveBetween(comments, "<", ">"), Markup.removeBetween(comments, "<", ">"), in);
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 10, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void striptagsIsLinear() {
        // Rebuilding the string after each tag made a megabyte of small tags take minutes.
        int n = 1 << 18;
        assertTrue("x ".repeat(n).strip().equals(new Markup("<b>x</b> ".repeat(n)).striptags()));
        assertEquals("", new Markup("<!-- c -->".repeat(n)).striptags());
        assertTrue(("<".repeat(n) + "x").equals(new Markup("<".repeat(n) + "x").striptags()));
        // The first '<' pairs with the first '>', as in MarkupSafe: the other '>' stay.
        assertTrue(">".repeat(n - 1).equals(new Markup("<".repeat(n) + ">".repeat(n)).striptags()));
    }
}
