package dev.flaskj.http;

import java.time.Instant;

/** Stand-in until the http package lands. */
public record SetCookie(String name, String value, Long maxAgeSeconds, Instant expires, String path, String domain,
                        boolean secure, boolean httpOnly, String sameSite, boolean partitioned) {
    public String headerValue() {
        StringBuilder b = new StringBuilder(name).append('=').append(value);
        if (expires != null) {
            b.append("; Expires=").append(java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                    .format(expires.atZone(java.time.ZoneOffset.UTC)));
        }
        if (maxAgeSeconds != null) {
            b.append("; Max-Age=").append(maxAgeSeconds);
        }
        if (secure) {
            b.append("; Secure");
        }
        if (httpOnly) {
            b.append("; HttpOnly");
        }
        b.append("; Path=").append(path == null ? "/" : path);
        return b.toString();
    }

    public static SetCookie delete(String name, String path, String domain, boolean secure, boolean httpOnly,
                                   String sameSite, boolean partitioned) {
        return new SetCookie(name, "", 0L, Instant.EPOCH, path, domain, secure, httpOnly, sameSite, partitioned);
    }
}
