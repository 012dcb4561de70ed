package dev.flaskj.http;

import dev.flaskj.internal.PyChars;
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
        // Precomputed in one backward pass, so each tag is found in constant time (no rescanning), making the
        // same choices as Werkzeug's _etag_re ("([Ww]/)?(?:\"(.*?)\"|(.*?))(?:\s*,\s*|$)"), with Python's \s.
        int[] sepEnd = new int[n + 1]; // where "\s*,\s*|$" ends when it matches at i, else -1
        int[] nextSep = new int[n + 2]; // the smallest r >= i where it matches (n + 1: none)
        int[] nextGoodQuote = new int[n + 2]; // the smallest q >= i with '"' at q and a separator at q + 1
        int[] nextNewline = new int[n + 2]; // the regex's '.' stops at newlines
        int nonSpace = n; // the first index >= i that is not whitespace
        int afterComma = -1; // for a ',' at nonSpace: the first non-whitespace index after it
        nextSep[n + 1] = n + 1;
        nextGoodQuote[n + 1] = n + 1;
        nextNewline[n + 1] = n + 1;
        nextNewline[n] = n + 1;
        nextGoodQuote[n] = n + 1;
        for (int i = n; i >= 0; i--) {
            if (i < n && !PyChars.isSpace(value.charAt(i))) {
                afterComma = value.charAt(i) == ',' ? nonSpace : -1;
                nonSpace = i;
            }
            if (nonSpace < n && value.charAt(nonSpace) == ',') {
                sepEnd[i] = afterComma;
            } else if (i == n || (i == n - 1 && value.charAt(i) == '\n')) {
                sepEnd[i] = i; // "$"
            } else {
                sepEnd[i] = -1;
            }
            nextSep[i] = sepEnd[i] >= 0 ? i : nextSep[i + 1];
            if (i < n) {
                nextNewline[i] = value.charAt(i) == '\n' ? i : nextNewline[i + 1];
                nextGoodQuote[i] = value.charAt(i) == '"' && sepEnd[i + 1] >= 0 ? i : nextGoodQuote[i + 1];
            }
        }
        Set<String> strong = new LinkedHashSet<>();
        Set<String> weak = new LinkedHashSet<>();
        int pos = 0;
        while (pos < n) {
            int p = pos;
            boolean isWeak = p + 1 < n && (value.charAt(p) == 'W' || value.charAt(p) == 'w')
                    && value.charAt(p + 1) == '/';
            if (isWeak) {
                p += 2; // taking "W/" never makes the rest fail where leaving it would succeed
            }
            String tag;
            int end;
            int q = p < n && value.charAt(p) == '"' ? nextGoodQuote[p + 1] : n + 1;
            if (q <= n && nextNewline[p + 1] > q) {
                String quoted = value.substring(p + 1, q);
                tag = quoted;
                end = sepEnd[q + 1];
            } else {
                int r = nextSep[p];
                if (r > n || nextNewline[p] < r) {
                    break; // no match at pos: Werkzeug stops here
                }
                tag = value.substring(p, r);
                if (tag.equals("*")) {
                    return STAR;
                }
                end = sepEnd[r];
            }
            if (!tag.isEmpty()) {
                // Werkzeug keeps None for "" and "" for a bare empty tag; neither can match an entity tag
                (isWeak ? weak : strong).add(tag);
            }
            if (end == pos) {
                break; // an empty match before a final newline: Werkzeug would loop forever
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
