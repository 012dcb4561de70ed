package dev.flaskj.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A parsed {@code Range} request header (Werkzeug: {@code Range}, {@code parse_range_header}): a unit and a list
 * of ranges, each {@code [start, stop)} with {@code stop} null for an open end, or a negative {@code start} for a
 * suffix ({@code bytes=-500}). Only a single {@code bytes} range can be satisfied, as in Werkzeug.
 */
public final class Range {
    /** One range: {@code [start, stop)}; {@code stop} null means "to the end". */
    public record Part(long start, Long stop) {}

    private final String units;
    private final List<Part> ranges;

    private Range(String units, List<Part> ranges) {
        this.units = units;
        this.ranges = Collections.unmodifiableList(ranges);
    }

    /**
     * Parses a header; null when absent or malformed (no {@code =}, an item without {@code -}, a non-integer,
     * an end before its start, or ranges out of order). Never throws.
     */
    public static Range parse(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        int eq = value.indexOf('=');
        if (eq < 0) {
            return null;
        }
        String units = value.substring(0, eq).strip().toLowerCase(Locale.ROOT);
        List<Part> ranges = new ArrayList<>();
        long lastEnd = 0;
        for (String raw : value.substring(eq + 1).split(",", -1)) {
            String item = raw.strip();
            int dash = item.indexOf('-');
            if (dash < 0) {
                return null;
            }
            if (dash == 0) {
                if (lastEnd < 0) {
                    return null;
                }
                Long begin = plainInt(item);
                if (begin == null) {
                    return null;
                }
                ranges.add(new Part(begin, null));
                lastEnd = -1;
                continue;
            }
            Long begin = plainInt(item.substring(0, dash).strip());
            String endText = item.substring(dash + 1).strip();
            if (begin == null || begin < lastEnd || lastEnd < 0) {
                return null;
            }
            Long end = null;
            if (!endText.isEmpty()) {
                Long e = plainInt(endText);
                if (e == null || begin >= e + 1) {
                    return null;
                }
                end = e + 1;
            }
            lastEnd = end != null ? end : -1;
            ranges.add(new Part(begin, end));
        }
        return new Range(units, ranges);
    }

    // Python's _plain_int: -?[0-9]+ (ASCII), scanned; longer than 18 digits cannot be a real offset.
    private static Long plainInt(String s) {
        int i = s.startsWith("-") ? 1 : 0;
        if (i >= s.length() || s.length() > 18) {
            return null;
        }
        for (int j = i; j < s.length(); j++) {
            if (s.charAt(j) < '0' || s.charAt(j) > '9') {
                return null;
            }
        }
        return Long.parseLong(s);
    }

    /** The unit, lower-case ({@code bytes}). */
    public String units() {
        return units;
    }

    /** The ranges in the order sent. */
    public List<Part> ranges() {
        return ranges;
    }

    /**
     * The one satisfiable {@code [start, stop)} for a body of {@code length} bytes, or null: the unit must be
     * {@code bytes}, there must be exactly one range, and it must start inside the body (Werkzeug's
     * {@code range_for_length}); the stop is clipped to the length.
     */
    public long[] rangeForLength(long length) {
        if (!units.equals("bytes") || ranges.size() != 1 || length < 0) {
            return null;
        }
        long start = ranges.get(0).start();
        Long stopOrNull = ranges.get(0).stop();
        long stop;
        if (stopOrNull == null) {
            stop = length;
            if (start < 0) {
                start += length;
            }
        } else {
            stop = stopOrNull;
        }
        if (start >= stop || start < 0 || start >= length) {
            return null;
        }
        return new long[] {start, Math.min(stop, length)};
    }

    /** {@code bytes start-last/length} for the satisfiable range, or null. */
    public String toContentRangeHeader(long length) {
        long[] r = rangeForLength(length);
        return r == null ? null : units + " " + r[0] + "-" + (r[1] - 1) + "/" + length;
    }

    /** The header again, e.g. {@code bytes=0-499,-500}. */
    public String toHeader() {
        List<String> out = new ArrayList<>();
        for (Part p : ranges) {
            out.add(p.stop() == null ? (p.start() >= 0 ? p.start() + "-" : Long.toString(p.start()))
                    : p.start() + "-" + (p.stop() - 1));
        }
        return units + "=" + String.join(",", out);
    }

    @Override
    public String toString() {
        return toHeader();
    }
}
