package dev.flaskj.testing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** HTTP dates (IMF-fixdate, GMT) for headers and cookie {@code Expires}, as the fakes and the cookie jar use them. */
final class HttpDate {
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    // Cookie dates in the wild also use dashes (RFC 850 style: "Thu, 01-Jan-1970 00:00:00 GMT").
    private static final DateTimeFormatter DASHED =
            DateTimeFormatter.ofPattern("EEE, dd-MMM-yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private HttpDate() {}

    static String format(long epochMillis) {
        return IMF_FIXDATE.format(Instant.ofEpochMilli(epochMillis));
    }

    /** The instant, or null when the text is not a date in a form we know. */
    static Instant parseOrNull(String text) {
        String t = text.trim();
        for (DateTimeFormatter f : new DateTimeFormatter[] {IMF_FIXDATE, DASHED}) {
            try {
                return ZonedDateTime.parse(t, f).toInstant();
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        try {
            return ZonedDateTime.parse(t, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
