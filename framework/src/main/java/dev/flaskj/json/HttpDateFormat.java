package dev.flaskj.json;

import dev.flaskj.internal.HttpDates;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;

/**
 * HTTP dates ({@code Tue, 02 Jan 2024 03:04:05 GMT}), the form Flask gives dates in JSON and in tagged session
 * data.
 *
 * <p>Werkzeug: {@code http_date} (naive datetimes are UTC, a date is midnight) and {@code parse_date}; both are
 * {@link HttpDates}, the one HTTP date codec of flaskj.
 */
final class HttpDateFormat {
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
        return HttpDates.format(toInstant(value));
    }

    /** Parses an HTTP date as Werkzeug's {@code parse_date} does, or returns null (Werkzeug: None) when it cannot. */
    static Instant parse(String text) {
        return HttpDates.parse(text).orElse(null);
    }
}
