package dev.flaskj;

import dev.flaskj.internal.PyChars;
import dev.flaskj.internal.HtmlEscaping;

import dev.flaskj.internal.HtmlSafe;
import java.util.Objects;
import org.unbescape.html.HtmlEscape;

/**
 * A string that is safe to insert into HTML as it is (MarkupSafe: {@code markupsafe.Markup}).
 *
 * <pre>{@code
 * Markup name = escape("<Bob & Alice>");                 // &lt;Bob &amp; Alice&gt;
 * Markup row = new Markup("<td>{}</td>").format(userInput);  // the argument is escaped, the template is not
 * Markup list = new Markup("<br>").join(List.of("a<b", new Markup("<i>c</i>")));  // a&lt;b<br><i>c</i>
 * String text = new Markup("<em>Hi</em> &amp; bye").striptags();          // "Hi & bye"
 * }</pre>
 * The constructor marks its text safe without escaping it; {@link #escape} escapes. Every operation that combines
 * markup with other values ({@link #concat}, {@link #join}, {@link #format}) escapes the values that are not already
 * {@link HtmlSafe}, as MarkupSafe does. In Thymeleaf, emit markup with {@code th:utext} or {@code [(${m})]}:
 * {@code th:text} escapes whatever it gets, markup included.
 *
 * <p>Unlike Python, where {@code Markup('a') == 'a'}, a Markup equals only another Markup with the same text, so
 * that {@code equals} stays symmetric. Immutable and thread-safe; serializable, so a flashed Markup can live in a
 * container session that the container persists or shares.
 */
public final class Markup implements CharSequence, HtmlSafe, Comparable<Markup>, java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final String html;

    /** Marks {@code html} as safe, without escaping it (MarkupSafe: {@code Markup(html)}). */
    public Markup(String html) {
        this.html = Objects.requireNonNull(html, "html == null");
    }

    /** A deserialized Markup is checked like a new one. */
    private Object readResolve() {
        return new Markup(html);
    }

    /**
     * Escapes {@code value} for HTML (MarkupSafe 3: {@code escape}): {@code & < > " '} become {@code &amp; &lt;
     * &gt; &#34; &#39;}. An {@link HtmlSafe} value (a Markup) is returned as its HTML, not escaped again. Other
     * values are converted with {@code String.valueOf}; null becomes {@code "None"} as in MarkupSafe (use
     * {@link #escapeSilent} to get {@code ""}).
     */
    public static Markup escape(Object value) {
        if (value instanceof Markup m) {
            return m;
        }
        if (value instanceof HtmlSafe safe) {
            return new Markup(safe.html());
        }
        // MarkupSafe: escape(None) == Markup('None'); str(None) is what Python prints.
        return new Markup(escapeText(value == null ? "None" : String.valueOf(value)));
    }

    /** {@link #escape} but null becomes the empty string (MarkupSafe: {@code escape_silent}). */
    public static Markup escapeSilent(Object value) {
        return value == null ? new Markup("") : escape(value);
    }

    static String escapeText(String s) {
        return HtmlEscaping.escape(s);
    }

    /** The HTML text. */
    @Override
    public String html() {
        return html;
    }

    /**
     * This markup followed by {@code other}, escaped unless it is {@link HtmlSafe} (MarkupSafe: {@code Markup + str}).
     */
    public Markup concat(Object other) {
        return new Markup(html + escape(other).html);
    }

    /**
     * The values joined with this markup as the separator, each escaped unless it is {@link HtmlSafe}
     * (MarkupSafe: {@code Markup(sep).join(seq)}).
     */
    public Markup join(Iterable<?> values) {
        StringBuilder out = new StringBuilder();
        boolean first = true;
        for (Object v : values) {
            if (!first) {
                out.append(html);
            }
            out.append(escape(v).html);
            first = false;
        }
        return new Markup(out.toString());
    }

    /**
     * Fills this markup's placeholders with escaped arguments (MarkupSafe: {@code Markup.format}), using Python's
     * {@code str.format} placeholders: {@code {}} takes the next argument, {@code {0}} the argument at that index,
     * and {@code {{}/{@code }}} are literal braces. Format specs ({@code {0:>5}}) and names are not supported.
     * <pre>{@code
     * new Markup("<a href=\"{0}\">{1}</a>").format(url, title)
     * }</pre>
     *
     * @throws IllegalArgumentException for a malformed placeholder, a missing argument, or mixing {@code {}} with
     *     {@code {0}} (Python refuses that too)
     */
    public Markup format(Object... args) {
        return new Markup(MarkupFormat.format(html, args));
    }

    /**
     * The text without comments and tags, whitespace runs collapsed to one space and entities unescaped
     * (MarkupSafe 3.0: {@code striptags}). The result is plain text, not markup.
     */
    public String striptags() {
        String value = html;
        // MarkupSafe 3.0: comments first, then tags, each by "find the start, then the next end"; an unclosed
        // one stops the loop (so "a<!-- c" keeps its tail).
        value = removeBetween(value, "<!--", "-->");
        value = removeBetween(value, "<", ">");
        return unescapeText(collapseWhitespace(value));
    }

    /**
     * MarkupSafe's loop "find {@code open} from the start, find {@code close} from there, cut both out, repeat",
     * in linear time. Each cut keeps the text before the found {@code open}, which holds no {@code open}, so the
     * next search only has to look at its last {@code open.length() - 1} characters (a cut can join the halves of
     * a new {@code open}) and at the rest of the input; searching again from the start, as the loop does, would
     * cost quadratic time on many small tags.
     */
    static String removeBetween(String value, String open, String close) {
        StringBuilder kept = new StringBuilder(value.length());
        int rest = 0; // the current text is kept + value.substring(rest)
        while (true) {
            // Search open in the current text from max(0, kept.length() - open.length() + 1).
            int from = Math.max(0, kept.length() - open.length() + 1);
            int start = indexOf(kept, value, rest, open, from);
            if (start < 0) {
                break;
            }
            int end = indexOf(kept, value, rest, close, start);
            if (end < 0) {
                break;
            }
            // Cut [start, end + close.length()) out of the current text.
            int cutEnd = end + close.length();
            if (cutEnd <= kept.length()) {
                kept.delete(start, cutEnd); // only possible when close overlaps open's tail, inside kept
            } else {
                int newRest = rest + (cutEnd - kept.length());
                kept.setLength(Math.min(start, kept.length()));
                if (start > kept.length()) {
                    kept.append(value, rest, rest + (start - kept.length()));
                }
                rest = newRest;
            }
        }
        return kept.append(value, rest, value.length()).toString();
    }

    /** The first index >= from of needle in the text kept + value.substring(rest), or -1. */
    private static int indexOf(StringBuilder kept, String value, int rest, String needle, int from) {
        int k = kept.length();
        int total = k + value.length() - rest;
        int i = from;
        // Positions where the needle starts inside kept: at most needle.length() - 1 of them need a look (kept has
        // no full occurrence of the open marker, and close is searched from a start near its end).
        for (; i < k && i <= total - needle.length(); i++) {
            boolean match = true;
            for (int j = 0; j < needle.length() && match; j++) {
                int p = i + j;
                match = (p < k ? kept.charAt(p) : value.charAt(rest + p - k)) == needle.charAt(j);
            }
            if (match) {
                return i;
            }
        }
        if (i < k) {
            return -1;
        }
        int found = value.indexOf(needle, rest + (i - k));
        return found < 0 ? -1 : found - rest + k;
    }

    /** Python's {@code " ".join(value.split())}: split on {@code str.isspace} characters. */
    private static String collapseWhitespace(String value) {
        StringBuilder out = new StringBuilder(value.length());
        boolean pendingSpace = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (PyChars.isSpace(c)) {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The text with HTML entities turned back into characters (MarkupSafe: {@code unescape}, i.e. Python's
     * {@code html.unescape}): HTML5 named references, numeric ones with the same replacements for invalid code
     * points. One known difference: a legacy name without {@code ;} followed by letters and a {@code ;}
     * ({@code &notit;}) stays as it is, where Python decodes the {@code &not} prefix.
     */
    public String unescape() {
        return unescapeText(html);
    }

    private static String unescapeText(String s) {
        // unbescape implements the HTML5 named and numeric character references, as Python's html.unescape.
        return s.indexOf('&') < 0 ? s : HtmlEscape.unescapeHtml(s);
    }

    @Override
    public int length() {
        return html.length();
    }

    @Override
    public char charAt(int index) {
        return html.charAt(index);
    }

    /** A slice of the markup, still marked safe (as slicing a Python Markup is). */
    @Override
    public Markup subSequence(int start, int end) {
        return new Markup(html.substring(start, end));
    }

    @Override
    public int compareTo(Markup other) {
        return html.compareTo(other.html);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Markup m && m.html.equals(html);
    }

    @Override
    public int hashCode() {
        return html.hashCode();
    }

    /** The HTML text, so string concatenation and template engines see the markup itself. */
    @Override
    public String toString() {
        return html;
    }
}
