package dev.flaskj.json;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;

/**
 * HTTP dates ({@code Tue, 02 Jan 2024 03:04:05 GMT}), the form Flask gives dates in JSON and in tagged session
 * data.
 *
 * <p>Werkzeug: {@code http_date} (naive datetimes are UTC, a date is midnight) and {@code parse_date}.
 */
final class HttpDateFormat {
    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS =
            {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private HttpDateFormat() {}

    /** Whether {@code value} is one of the date types written as an HTTP date. */
    static boolean isDate(Object value) {
        return value instanceof Instant || value instanceof ZonedDateTime || value instanceof OffsetDateTime
                || value instanceof LocalDateTime || value instanceof LocalDate || value instanceof Date;
    }

    /** Whether {@code value} is a point in time (Python: {@code datetime}, tagged {@code " d"} in sessions). */
    static boolean isDateTime(Object value) {
        return isDate(value) && !(value instanceof LocalDate);
    }

    /** The instant of one of the {@link #isDate} types; local values are read as UTC, as Werkzeug does. */
    static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof LocalDate date) {
            return date.atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        // getTime() and not toInstant(): java.sql.Date.toInstant() throws.
        return Instant.ofEpochMilli(((Date) value).getTime());
    }

    /** Formats one of the {@link #isDate} types; sub-second parts are dropped, as in Python's email.utils. */
    static String format(Object value) {
        ZonedDateTime t = toInstant(value).atZone(ZoneOffset.UTC);
        StringBuilder sb = new StringBuilder(29);
        sb.append(DAYS[t.getDayOfWeek().getValue() - 1]).append(", ");
        pad(sb, t.getDayOfMonth(), 2).append(' ').append(MONTHS[t.getMonthValue() - 1]).append(' ');
        pad(sb, t.getYear(), 4).append(' ');
        pad(sb, t.getHour(), 2).append(':');
        pad(sb, t.getMinute(), 2).append(':');
        return pad(sb, t.getSecond(), 2).append(" GMT").toString();
    }

    /**
     * Parses an RFC 1123 date ({@code GMT} or a numeric offset), or returns null when it cannot, like Werkzeug's
     * {@code parse_date}.
     */
    static Instant parse(String text) {
        try {
            return ZonedDateTime.parse(text.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static StringBuilder pad(StringBuilder sb, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(digits);
    }
}
