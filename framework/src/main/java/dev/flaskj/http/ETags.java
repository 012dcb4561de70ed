package dev.flaskj.http;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The entity tags of an {@code If-Match} or {@code If-None-Match} header (Werkzeug: {@code ETags},
 * {@code parse_etags}): strong tags, weak ({@code W/}) tags, or {@code *}. Tags are stored without quotes.
 *
 * <pre>{@code
 * if (request().ifNoneMatch().containsWeak("v1")) { ... }
 * }</pre>
 * Parsing is one forward scan and never fails; what cannot be read ends the list. Immutable.
 */
public final class ETags {
    private static final ETags EMPTY = new ETags(Set.of(), Set.of(), false);
    private static final ETags STAR = new ETags(Set.of(), Set.of(), true);

    private final Set<String> strong;
    private final Set<String> weak;
    private final boolean star;

    private ETags(Set<String> strong, Set<String> weak, boolean star) {
        this.strong = Collections.unmodifiableSet(strong);
        this.weak = Collections.unmodifiableSet(weak);
        this.star = star;
    }

    /**
     * Parses a comma-separated list of tags, each optionally {@code W/} and quoted or bare, as Werkzeug's
     * {@code _etag_re} reads it from the start (a quoted tag ends at the first quote followed by a comma or the
     * end; a bare one at the first comma). A bare {@code *} is the star tag. Null or blank is empty.
     */
    public static ETags parse(String value) {
        if (value == null || value.isEmpty()) {
            return EMPTY;
        }
        int n = value.length();
        // Precomputed in one backward pass, so each tag is found in constant time (no rescanning):
        // nextNonWs[i]  first non-whitespace index >= i (n if none)
        // sepAt(i)      a separator (\s*,\s*) or the end ($) matches at i
        // nextSep[i]    first i' >= i with sepAt(i')
        // nextClose[i]  first q >= i with value[q] == '"' and sepAt(q + 1)
        // nextNl[i]     first newline index >= i (the regex's '.' stops at newlines)
        int[] nextNonWs = new int[n + 1];
        int[] nextSep = new int[n + 2];
        int[] nextClose = new int[n + 2];
        int[] nextNl = new int[n + 1];
        nextNonWs[n] = n;
        nextSep[n + 1] = Integer.MAX_VALUE;
        nextClose[n + 1] = Integer.MAX_VALUE;
        nextNl[n] = n;
        boolean[] sep = new boolean[n + 1];
        for (int i = n; i >= 0; i--) {
            if (i < n) {
                nextNonWs[i] = Character.isWhitespace(value.charAt(i)) ? nextNonWs[i + 1] : i;
                nextNl[i] = value.charAt(i) == '\n' ? i : nextNl[i + 1];
            }
            int j = nextNonWs[i];
            sep[i] = i == n || (i == n - 1 && value.charAt(i) == '\n') || (j < n && value.charAt(j) == ',');
            nextSep[i] = sep[i] ? i : nextSep[i + 1];
            nextClose[i] = i < n && value.charAt(i) == '"' && sep[i + 1] ? i : nextClose[i + 1];
        }
        Set<String> strong = new LinkedHashSet<>();
        Set<String> weak = new LinkedHashSet<>();
        int pos = 0;
        while (pos < n) {
            boolean isWeak = pos + 1 < n && (value.charAt(pos) == 'W' || value.charAt(pos) == 'w')
                    && value.charAt(pos + 1) == '/';
            int p = isWeak ? pos + 2 : pos;
            String tag;
            int tagEnd;
            boolean quoted = false;
            int q = p < n && value.charAt(p) == '"' ? nextClose[p + 1] : Integer.MAX_VALUE;
            if (q != Integer.MAX_VALUE && q <= nextNl[p + 1]) {
                tag = value.substring(p + 1, q);
                tagEnd = q + 1;
                quoted = true;
            } else {
                int r = nextSep[p];
                if (r == Integer.MAX_VALUE || r > nextNl[p]) {
                    break;
                }
                tag = value.substring(p, r);
                tagEnd = r;
            }
            if (!quoted && tag.equals("*")) {
                return STAR;
            }
            if (!tag.isEmpty()) {
                (isWeak ? weak : strong).add(tag);
            }
            int j = tagEnd < n ? nextNonWs[tagEnd] : n;
            int end = j < n && value.charAt(j) == ',' ? nextNonWs[j + 1] : tagEnd;
            if (end <= pos) {
                break;
            }
            pos = end;
        }
        return strong.isEmpty() && weak.isEmpty() ? EMPTY : new ETags(strong, weak, false);
    }

    /** Whether there are no tags and no star (the header was absent or empty). */
    public boolean isEmpty() {
        return !star && strong.isEmpty() && weak.isEmpty();
    }

    /** Whether the header was {@code *}. */
    public boolean isStar() {
        return star;
    }

    /** The strong tags, unquoted. */
    public Set<String> strong() {
        return strong;
    }

    /** The weak tags, unquoted. */
    public Set<String> weak() {
        return weak;
    }

    /** Whether {@code etag} (unquoted) is a strong tag here. */
    public boolean isStrong(String etag) {
        return strong.contains(etag);
    }

    /** Whether {@code etag} (unquoted) is a weak tag here. */
    public boolean isWeak(String etag) {
        return weak.contains(etag);
    }

    /** Strong comparison: the star, or a strong tag equal to {@code etag}. */
    public boolean contains(String etag) {
        return star || strong.contains(etag);
    }

    /** Weak comparison: {@link #contains} or a weak tag equal to {@code etag}. */
    public boolean containsWeak(String etag) {
        return weak.contains(etag) || contains(etag);
    }

    /** The header again: {@code *} or {@code "a", W/"b"}. */
    public String toHeader() {
        if (star) {
            return "*";
        }
        StringBuilder out = new StringBuilder();
        for (String s : strong) {
            out.append(out.length() == 0 ? "" : ", ").append('"').append(s).append('"');
        }
        for (String w : weak) {
            out.append(out.length() == 0 ? "" : ", ").append("W/\"").append(w).append('"');
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return toHeader();
    }
}
