package dev.flaskj.internal;

/**
 * MarkupSafe's escaping: {@code & < > " '} become {@code &amp; &lt; &gt; &#34; &#39;} (numeric references for the
 * quotes, as MarkupSafe writes them). The one implementation behind error pages, {@code Markup} and the debug page.
 */
public final class HtmlEscaping {
    private HtmlEscaping() {}

    /** {@code s} escaped; {@code s} itself when nothing needs escaping. */
    public static String escape(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            String rep = switch (s.charAt(i)) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&#34;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (rep != null) {
                if (out == null) {
                    out = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                out.append(rep);
            } else if (out != null) {
                out.append(s.charAt(i));
            }
        }
        return out == null ? s : out.toString();
    }
}
