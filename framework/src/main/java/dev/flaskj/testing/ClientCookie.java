package dev.flaskj.testing;

import java.time.Instant;

/**
 * One cookie in a {@link TestClient}'s jar (Werkzeug: {@code werkzeug.test.Cookie}).
 *
 * <pre>{@code
 * ClientCookie c = client.getCookie("theme");
 * assertEquals("dark", c.value());
 * }</pre>
 *
 * @param name the cookie name
 * @param value the decoded value (quotes and escapes removed)
 * @param domain the host it is sent to; with {@code originOnly} false, also to its subdomains
 * @param path it is sent for request paths equal to or below this one
 * @param expires when it expires, or null for a session cookie
 * @param originOnly true when the cookie had no {@code Domain} attribute (sent to exactly that host)
 */
public record ClientCookie(String name, String value, String domain, String path, Instant expires,
                           boolean originOnly) {

    /** Whether it has expired at {@code now}. */
    public boolean isExpired(Instant now) {
        return expires != null && !expires.isAfter(now);
    }

    /** Whether a browser would send it to {@code serverName} for the full request {@code path}. */
    public boolean matches(String serverName, String requestPath) {
        boolean domainOk = serverName.equalsIgnoreCase(domain) || (!originOnly
                && serverName.toLowerCase(java.util.Locale.ROOT).endsWith("." + domain.toLowerCase(
                java.util.Locale.ROOT)));
        // RFC 6265 §5.1.4 path-match: equal, or a prefix that ends at a '/'.
        boolean pathOk = requestPath.equals(path) || (requestPath.startsWith(path)
                && (path.endsWith("/") || requestPath.charAt(path.length()) == '/'));
        return domainOk && pathOk;
    }
}
