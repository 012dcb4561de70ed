package dev.flaskj;

import dev.flaskj.exceptions.RequestedRangeNotSatisfiable;
import dev.flaskj.internal.HttpDates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The conditional-request rules of one file response: Werkzeug's {@code is_resource_modified},
 * {@code parse_range_header}, {@code Range.range_for_length} and {@code parse_if_range_header}, as
 * {@code make_conditional} applies them.
 */
final class Conditional {
    // Werkzeug http.py _etag_re: optional W/, then a quoted or bare tag, comma-separated.
    private static final Pattern ETAG = Pattern.compile("([Ww]/)?(?:\"(.*?)\"|(.*?))(?:\\s*,\\s*|$)");
    private static final Pattern PLAIN_INT = Pattern.compile("-?[0-9]+");

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

    private static Long plainInt(String s) {
        if (!PLAIN_INT.matcher(s).matches() || s.length() > 18) {
            return null;
        }
        return Long.parseLong(s);
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
    private record ETags(Set<String> strong, Set<String> weak, boolean star) {
        static ETags parse(String value) {
            Set<String> strong = new HashSet<>();
            Set<String> weak = new HashSet<>();
            if (value == null || value.isBlank()) {
                return new ETags(strong, weak, false);
            }
            if (value.strip().equals("*")) {
                return new ETags(strong, weak, true);
            }
            Matcher m = ETAG.matcher(value);
            int pos = 0;
            // Werkzeug matches at pos (re.match), never searching ahead.
            while (pos < value.length() && m.region(pos, value.length()).lookingAt()) {
                String tag = m.group(2) != null ? m.group(2) : m.group(3);
                if ("*".equals(m.group(3))) {
                    return new ETags(strong, weak, true);
                }
                (m.group(1) != null ? weak : strong).add(tag);
                if (m.end() == pos) {
                    break;
                }
                pos = m.end();
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
