package dev.flaskj;

import dev.flaskj.exceptions.RequestedRangeNotSatisfiable;
import dev.flaskj.internal.HttpDates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The conditional-request rules of one file response: Werkzeug's {@code is_resource_modified},
 * {@code parse_range_header}, {@code Range.range_for_length} and {@code parse_if_range_header}, as
 * {@code make_conditional} applies them (flask-behaviour.md §2).
 */
final class Conditional {
    private final Request request;
    private final String etag;
    private final Instant lastModified;

    /** {@code etag} quoted as sent; {@code lastModified} truncated to seconds, or null. */
    Conditional(Request request, String etag, Instant lastModified) {
        this.request = request;
        this.etag = unquote(etag);
        this.lastModified = lastModified;
    }

    private String header(String name) {
        return request.headers().get(name, null);
    }

    boolean hasIfMatch() {
        return !ETags.parse(header("If-Match")).isEmpty();
    }

    /** Whether the client's copy is current (If-None-Match, If-Modified-Since, If-Match), ignoring If-Range. */
    boolean notModified() {
        return !isModified(false);
    }

    private boolean isModified(boolean useIfRange) {
        String ifRange = useIfRange ? header("If-Range") : null;
        Optional<Instant> ifRangeDate = ifRange == null ? Optional.empty() : HttpDates.parse(ifRange);
        String ifRangeEtag = ifRange != null && ifRangeDate.isEmpty() ? unquote(ifRange) : null;
        Optional<Instant> since = ifRange != null && ifRangeDate.isPresent() ? ifRangeDate
                : HttpDates.parse(header("If-Modified-Since"));
        boolean unmodified = since.isPresent() && lastModified != null && !lastModified.isAfter(since.get());
        if (ifRangeEtag != null) {
            unmodified = ETags.parse(ifRangeEtag).containsStrong(etag);
        } else {
            ETags ifNoneMatch = ETags.parse(header("If-None-Match"));
            if (!ifNoneMatch.isEmpty()) {
                // RFC 7232 §3.2: weak comparison for If-None-Match.
                unmodified = ifNoneMatch.containsWeak(etag);
            }
            ETags ifMatch = ETags.parse(header("If-Match"));
            if (!ifMatch.isEmpty()) {
                unmodified = !ifMatch.isStrong(etag);
            }
        }
        return !unmodified;
    }

    /**
     * The byte range to send as {@code [start, end)}, or null for the whole file (no Range header, an If-Range
     * that no longer matches, or an empty file).
     *
     * @throws RequestedRangeNotSatisfiable for a malformed, multiple or out-of-bounds range
     */
    long[] range(long length) {
        String header = header("Range");
        if (header == null || length <= 0) {
            return null;
        }
        if (header("If-Range") != null && isModified(true)) {
            return null;
        }
        long[] r = parseSingleRange(header, length);
        if (r == null) {
            throw new RequestedRangeNotSatisfiable(length);
        }
        return r;
    }

    /** Werkzeug's parse_range_header + range_for_length: only one range of unit bytes is satisfiable. */
    static long[] parseSingleRange(String value, long length) {
        int eq = value.indexOf('=');
        if (eq < 0) {
            return null;
        }
        String units = value.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT);
        List<long[]> ranges = new ArrayList<>();
        long lastEnd = 0;
        for (String raw : value.substring(eq + 1).split(",", -1)) {
            String item = raw.strip();
            if (item.indexOf('-') < 0) {
                return null;
            }
            Long begin;
            Long end = null;
            if (item.startsWith("-")) {
                if (lastEnd < 0) {
                    return null;
                }
                begin = plainInt(item);
                lastEnd = -1;
            } else {
                int dash = item.indexOf('-');
                begin = plainInt(item.substring(0, dash).strip());
                String endText = item.substring(dash + 1).strip();
                if (begin == null || begin < lastEnd || lastEnd < 0) {
                    return null;
                }
                if (!endText.isEmpty()) {
                    Long e = plainInt(endText);
                    if (e == null || begin >= e + 1) {
                        return null;
                    }
                    end = e + 1;
                }
                lastEnd = end != null ? end : -1;
            }
            if (begin == null) {
                return null;
            }
            ranges.add(new long[] {begin, end == null ? Long.MIN_VALUE : end});
        }
        if (!units.equals("bytes") || ranges.size() != 1) {
            return null;
        }
        long start = ranges.get(0)[0];
        long stop = ranges.get(0)[1];
        if (stop == Long.MIN_VALUE) {
            stop = length;
            if (start < 0) {
                start += length;
            }
        }
        // is_byte_range_valid
        if (start >= stop || start < 0 || start >= length) {
            return null;
        }
        return new long[] {start, Math.min(stop, length)};
    }

    /** {@code -?[0-9]+} of at most 18 characters, else null. */
    private static Long plainInt(String s) {
        if (s.isEmpty() || s.length() > 18) {
            return null;
        }
        for (int i = s.charAt(0) == '-' ? 1 : 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return null;
            }
        }
        return s.equals("-") ? null : Long.parseLong(s);
    }

    /** Werkzeug's unquote_etag: drops {@code W/} and the quotes. */
    static String unquote(String tag) {
        String t = tag.strip();
        if (t.startsWith("W/") || t.startsWith("w/")) {
            t = t.substring(2);
        }
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
            t = t.substring(1, t.length() - 1);
        }
        return t;
    }

    /** Werkzeug's {@code ETags}: strong and weak tags, or {@code *}. */
    record ETags(Set<String> strong, Set<String> weak, boolean star) {
        /**
         * Werkzeug's {@code parse_etags}: {@code _etag_re} = {@code ([Ww]/)?(?:"(.*?)"|(.*?))(?:\s*,\s*|$)} matched
         * (not searched) again and again from where the last match ended, {@code \s} being Python's Unicode
         * whitespace, {@code .} anything but a newline and {@code $} the end or a final newline.
         *
         * <p>The lazy groups make a backtracking engine try every later position for every tag, so a long list
         * costs quadratic time. Here "the next position where a separator matches", "the next closing quote
         * followed by one" and "the next newline" are tabulated once, right to left, and each match is then
         * decided in constant time: linear in the header's length.
         */
        static ETags parse(String value) {
            Set<String> strong = new HashSet<>();
            Set<String> weak = new HashSet<>();
            if (value == null || value.isEmpty()) {
                return new ETags(strong, weak, false);
            }
            int n = value.length();
            int[] sepEnd = new int[n + 1]; // where "\s*,\s*|$" ends when it matches at i, else -1
            int[] nextSep = new int[n + 2]; // the smallest r >= i where it matches (n + 1: none)
            int[] nextGoodQuote = new int[n + 2]; // the smallest q >= i with '"' at q and a separator at q + 1
            int[] nextNewline = new int[n + 2];
            int nonSpace = n; // the first index >= i that is not whitespace
            int afterComma = -1; // for a ',' at nonSpace: the first non-whitespace index after it
            nextSep[n + 1] = n + 1;
            nextGoodQuote[n + 1] = n + 1;
            nextNewline[n + 1] = n + 1;
            nextNewline[n] = n + 1;
            nextGoodQuote[n] = n + 1;
            for (int i = n; i >= 0; i--) {
                if (i < n && !Markup.isPythonSpace(value.charAt(i))) {
                    afterComma = value.charAt(i) == ',' ? nonSpace : -1;
                    nonSpace = i;
                }
                if (nonSpace < n && value.charAt(nonSpace) == ',') {
                    sepEnd[i] = afterComma; // "\s*,\s*" ends after the spaces that follow the comma
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
                    tag = quoted.isEmpty() ? null : quoted; // Werkzeug keeps the raw group, None, for ""
                    end = sepEnd[q + 1];
                } else {
                    int r = nextSep[p];
                    if (r > n || nextNewline[p] < r) {
                        break; // no match at pos: Werkzeug stops here
                    }
                    tag = value.substring(p, r);
                    if (tag.equals("*")) {
                        return new ETags(strong, weak, true);
                    }
                    end = sepEnd[r];
                }
                (isWeak ? weak : strong).add(tag);
                if (end == pos) {
                    break; // an empty match before a final newline: Werkzeug would loop forever
                }
                pos = end;
            }
            return new ETags(strong, weak, false);
        }

        boolean isEmpty() {
            return !star && strong.isEmpty() && weak.isEmpty();
        }

        /** If-Match: {@code *} matches any current file (RFC 9110 §13.1.1; Werkzeug 3.1 would answer 412). */
        boolean isStrong(String tag) {
            return star || strong.contains(tag);
        }

        boolean containsStrong(String tag) {
            return star || strong.contains(tag);
        }

        boolean containsWeak(String tag) {
            return weak.contains(tag) || containsStrong(tag);
        }
    }
}
