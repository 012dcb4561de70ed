package dev.flaskj.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP dates: written as IMF-fixdate, read leniently in the three formats of RFC 9110 §5.6.7.
 *
 * <p>Werkzeug: {@code werkzeug.http.http_date} and {@code parse_date} (which delegates to Python's
 * {@code email.utils.parsedate_to_datetime}).
 * <pre>{@code
 * HttpDates.format(Instant.EPOCH);                     // "Thu, 01 Jan 1970 00:00:00 GMT"
 * HttpDates.parse("Sunday, 06-Nov-94 08:49:37 GMT");   // 1994-11-06T08:49:37Z
 * HttpDates.parse("garbage");                          // Optional.empty()
 * }</pre>
 */
public final class HttpDates {
    // RFC_1123_DATE_TIME does not zero-pad the day ("Thu, 1 Jan 1970"); Werkzeug does.
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final List<String> MONTHS =
            List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    // The named zones Python's email parser knows (hours from UTC).
    private static final Map<String, Integer> ZONES = Map.ofEntries(
            Map.entry("UT", 0), Map.entry("UTC", 0), Map.entry("GMT", 0), Map.entry("Z", 0),
            Map.entry("AST", -4), Map.entry("ADT", -3), Map.entry("EST", -5), Map.entry("EDT", -4),
            Map.entry("CST", -6), Map.entry("CDT", -5), Map.entry("MST", -7), Map.entry("MDT", -6),
            Map.entry("PST", -8), Map.entry("PDT", -7));

    private HttpDates() {}

    /** {@code t} as an IMF-fixdate in GMT, truncated to the second: {@code Thu, 01 Jan 1970 00:00:00 GMT}. */
    public static String format(Instant t) {
        return IMF_FIXDATE.format(t);
    }

    /**
     * Reads an HTTP date; empty for anything it cannot read. Never throws.
     *
     * <p>Accepted, as Werkzeug accepts them: IMF-fixdate ({@code Sun, 06 Nov 1994 08:49:37 GMT}), RFC 850
     * ({@code Sunday, 06-Nov-94 08:49:37 GMT}) and asctime ({@code Sun Nov  6 08:49:37 1994}); the weekday is
     * optional and not checked; case is ignored; the day may have one digit; seconds may be missing; a year below 100
     * is 19xx above 68 and 20xx otherwise; the zone may be missing (UTC), {@code GMT}/{@code UT}/{@code UTC},
     * a US zone ({@code EST}...) or {@code +hhmm}/{@code -hhmm}; an unknown zone name counts as UTC and tokens
     * after the zone are ignored (Python's parser does both). Impossible dates ({@code 31 Feb}, hour 24, offsets
     * beyond 18 hours) are empty.
     */
    public static Optional<Instant> parse(String httpDate) {
        if (httpDate == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(parseTokens(tokens(httpDate)));
        } catch (NumberFormatException | DateTimeException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /** {@code text.split("\\s+")} in one pass, without a regular expression: dates come from request headers. */
    private static List<String> splitWhitespace(String text) {
        List<String> tokens = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            boolean space = i < text.length() && isRegexSpace(text.charAt(i));
            if (i == text.length() || space) {
                if (i > start || tokens.isEmpty() && i == text.length()) {
                    tokens.add(text.substring(start, i));
                }
                start = i + 1;
            }
        }
        return tokens;
    }

    /** java.util.regex's {@code \\s}: space, tab, newline, vertical tab, form feed, carriage return. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }

    private static List<String> tokens(String text) {
        List<String> tokens = splitWhitespace(text.strip());
        String first = tokens.get(0);
        if (first.endsWith(",") || DAYS.contains(first.toLowerCase(Locale.ROOT))) {
            tokens.remove(0);
        }
        // RFC 850 keeps day, month and year in one token: 06-Nov-94.
        if (!tokens.isEmpty() && tokens.get(0).chars().filter(c -> c == '-').count() == 2) {
            String[] dmy = tokens.remove(0).split("-", -1);
            tokens.addAll(0, List.of(dmy));
        }
        return tokens;
    }

    private static Instant parseTokens(List<String> t) {
        // Python's email parser reads the first five tokens and ignores the rest.
        if (t.size() < 4) {
            return null;
        }
        String day;
        String month;
        String year;
        String time;
        String zone;
        if (month(t.get(0)) > 0) { // asctime: Nov 6 08:49:37 1994 [zone]
            month = t.get(0);
            day = t.get(1);
            time = t.get(2);
            year = t.get(3);
        } else {
            day = t.get(0);
            month = t.get(1);
            year = t.get(2);
            time = t.get(3);
        }
        zone = t.size() >= 5 ? t.get(4) : "GMT";
        if (month(month) < 0 || !isDigits(day, 1, 2) || !isDigits(year, 1, 4)) {
            return null;
        }
        Integer offsetSeconds = offsetSeconds(zone);
        int[] hms = time(time);
        if (offsetSeconds == null || hms == null) {
            return null;
        }
        int y = Integer.parseInt(year);
        // Python's email parser widens any year below 100, even one written with four digits ("0094").
        if (y < 100) {
            y += y > 68 ? 1900 : 2000;
        }
        LocalDateTime local = LocalDateTime.of(y, month(month) + 1, Integer.parseInt(day), hms[0], hms[1], hms[2]);
        return local.toInstant(ZoneOffset.ofTotalSeconds(offsetSeconds));
    }

    private static int month(String token) {
        String lower = token.toLowerCase(Locale.ROOT);
        if (lower.length() < 3) {
            return -1;
        }
        int i = MONTHS.indexOf(lower.substring(0, 3));
        // Full names ("November") are accepted too, but not other words that start like a month.
        if (i < 0 || (lower.length() > 3 && !fullMonthName(i).equals(lower))) {
            return -1;
        }
        return i;
    }

    private static String fullMonthName(int i) {
        return Month.of(i + 1).name().toLowerCase(Locale.ROOT);
    }

    private static int[] time(String token) {
        String[] parts = token.split(":", -1);
        if (parts.length < 2 || parts.length > 3) {
            return null;
        }
        for (String p : parts) {
            if (!isDigits(p, 1, 2)) {
                return null;
            }
        }
        int seconds = parts.length == 3 ? Integer.parseInt(parts[2]) : 0;
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), seconds};
    }

    private static Integer offsetSeconds(String zone) {
        Integer hours = ZONES.get(zone.toUpperCase(Locale.ROOT));
        if (hours != null) {
            return hours * 3600;
        }
        boolean signed = zone.startsWith("+") || zone.startsWith("-");
        String digits = signed ? zone.substring(1) : zone;
        if (!isDigits(digits, 1, 9)) {
            // Python: a zone it does not know gives a naive time, which Werkzeug takes as UTC.
            return 0;
        }
        int hhmm = Integer.parseInt(digits);
        int seconds = (hhmm / 100) * 3600 + (hhmm % 100) * 60;
        return zone.startsWith("-") ? -seconds : seconds;
    }

    private static boolean isDigits(String s, int min, int max) {
        if (s.length() < min || s.length() > max) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
