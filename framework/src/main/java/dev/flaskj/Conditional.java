package dev.flaskj;

import dev.flaskj.exceptions.RequestedRangeNotSatisfiable;
import dev.flaskj.http.ETags;
import dev.flaskj.http.Range;
import dev.flaskj.internal.HttpDates;
import java.time.Instant;
import java.util.Optional;

/**
 * The conditional-request rules of one response: Werkzeug's {@code is_resource_modified},
 * {@code parse_range_header}, {@code Range.range_for_length} and {@code parse_if_range_header}, as
 * {@code make_conditional} applies them. Used by file responses and by {@link Response#makeConditional}.
 */
final class Conditional {
    private final Request request;
    private final String etag;
    private final Instant lastModified;

    /** {@code etag} quoted as sent, or null; {@code lastModified} truncated to seconds, or null. */
    Conditional(Request request, String etag, Instant lastModified) {
        this.request = request;
        this.etag = etag == null || etag.isEmpty() ? null : unquote(etag);
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
        if (etag == null) {
            return !unmodified; // without an ETag only the dates decide (Werkzeug: "if etag:")
        }
        if (ifRangeEtag != null) {
            unmodified = ETags.parse(ifRangeEtag).contains(etag);
        } else {
            ETags ifNoneMatch = ETags.parse(header("If-None-Match"));
            if (!ifNoneMatch.isEmpty()) {
                // RFC 7232 §3.2: weak comparison for If-None-Match.
                unmodified = ifNoneMatch.containsWeak(etag);
            }
            ETags ifMatch = ETags.parse(header("If-Match"));
            if (!ifMatch.isEmpty()) {
                // If-Match: * matches any current representation (RFC 9110 §13.1.1; Werkzeug 3.1 would answer 412).
                unmodified = !(ifMatch.isStar() || ifMatch.isStrong(etag));
            }
        }
        return !unmodified;
    }

    /**
     * The byte range to send as {@code [start, end)}, or null for the whole body (no Range header, an If-Range
     * that no longer matches, or an empty body).
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
        Range range = Range.parse(value);
        return range == null ? null : range.rangeForLength(length);
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
}
