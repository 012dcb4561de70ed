package dev.flaskj.testing;

import dev.flaskj.http.Cookies;
import dev.flaskj.internal.HttpDates;
import java.time.Instant;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * One parsed {@code Set-Cookie} header, as a browser (and Werkzeug's test cookie jar,
 * {@code Cookie._from_response_header}) reads it.
 *
 * @param cookie the cookie, with defaults filled in: domain = the request host, path = the request path's
 *     directory (RFC 6265 default-path)
 * @param rawValue the value as sent, quotes included: what goes back in the {@code Cookie} header
 * @param delete whether the header removes the cookie ({@code Max-Age <= 0} or an {@code Expires} in the past)
 */
record SetCookieHeader(ClientCookie cookie, String rawValue, boolean delete) {

    static SetCookieHeader parse(String header, String serverName, String requestPath, Instant now) {
        String[] parts = header.split(";");
        int eq = parts[0].indexOf('=');
        String name = (eq < 0 ? parts[0] : parts[0].substring(0, eq)).trim();
        String raw = eq < 0 ? "" : parts[0].substring(eq + 1).trim();
        String domain = null;
        String path = null;
        Instant expires = null;
        Long maxAge = null;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            int e = p.indexOf('=');
            String key = (e < 0 ? p : p.substring(0, e)).trim().toLowerCase(Locale.ROOT);
            String value = e < 0 ? "" : p.substring(e + 1).trim();
            switch (key) {
                case "domain":
                    domain = value.startsWith(".") ? value.substring(1) : value;
                    break;
                case "path":
                    path = value;
                    break;
                case "expires":
                    expires = HttpDates.parse(value).orElse(null);
                    break;
                case "max-age":
                    maxAge = parseLongOrNull(value);
                    break;
                default:
                    break; // Secure, HttpOnly, SameSite, Partitioned do not change what the client sends
            }
        }
        if (maxAge != null) {
            // Max-Age wins over Expires (RFC 6265 §5.3 step 3).
            expires = now.plusSeconds(Math.max(maxAge, 0));
        }
        boolean delete = (maxAge != null && maxAge <= 0) || (expires != null && !expires.isAfter(now));
        boolean originOnly = domain == null || domain.isEmpty();
        ClientCookie cookie = new ClientCookie(name, decodedValue(parts[0], raw), originOnly ? serverName : domain,
                path == null || !path.startsWith("/") ? defaultPath(requestPath) : path, expires, originOnly);
        return new SetCookieHeader(cookie, raw, delete);
    }

    /** The value as the server's cookie parser reads it (Werkzeug: {@code parse_cookie} of the name=value part). */
    private static String decodedValue(String nameValue, String raw) {
        Iterator<Map.Entry<String, String>> parsed = Cookies.parse(nameValue).iterator();
        return parsed.hasNext() ? parsed.next().getValue() : raw;
    }

    private static Long parseLongOrNull(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** RFC 6265 §5.1.4: the request path up to, not including, its last {@code /}; {@code /} when that is empty. */
    static String defaultPath(String requestPath) {
        int last = requestPath.lastIndexOf('/');
        return last <= 0 ? "/" : requestPath.substring(0, last);
    }
}
