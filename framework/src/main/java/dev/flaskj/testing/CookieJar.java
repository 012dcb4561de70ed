package dev.flaskj.testing;

import dev.flaskj.http.SetCookie;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The test client's cookies, kept across requests (Werkzeug: {@code Client._cookies}): applies {@code Set-Cookie}
 * headers and builds the {@code Cookie} header for the next request. Keyed by domain, path and name, as browsers.
 */
final class CookieJar {
    private record Key(String domain, String path, String name) {}

    private record Stored(ClientCookie cookie, String rawValue) {}

    private final Map<Key, Stored> cookies = new LinkedHashMap<>();
    private final Clock clock;

    CookieJar(Clock clock) {
        this.clock = clock;
    }

    void apply(String setCookieHeader, String serverName, String requestPath) {
        SetCookieHeader h = SetCookieHeader.parse(setCookieHeader, serverName, requestPath, clock.instant());
        ClientCookie c = h.cookie();
        Key key = new Key(c.domain().toLowerCase(java.util.Locale.ROOT), c.path(), c.name());
        if (h.delete()) {
            cookies.remove(key);
        } else {
            cookies.put(key, new Stored(c, h.rawValue()));
        }
    }

    void set(ClientCookie cookie) {
        Key key = new Key(cookie.domain().toLowerCase(java.util.Locale.ROOT), cookie.path(), cookie.name());
        cookies.put(key, new Stored(cookie, quotedValue(cookie)));
    }

    /**
     * The value as it goes back in the {@code Cookie} header: quoted exactly as the server's {@code Set-Cookie}
     * would quote it (Werkzeug's {@code Client.set_cookie} renders with {@code dump_cookie} too).
     */
    private static String quotedValue(ClientCookie cookie) {
        String header = new SetCookie(cookie.name(), cookie.value(), null, null, null, null, false, false, null,
                false).headerValue();
        // With no attributes the header is "name=value", the name written as its UTF-8 bytes.
        return header.substring(cookie.name().getBytes(StandardCharsets.UTF_8).length + 1);
    }

    /** The {@code Cookie} header for a request, or null when no cookie matches; drops expired cookies. */
    String headerFor(String serverName, String requestPath) {
        purgeExpired();
        List<String> pairs = new ArrayList<>();
        for (Stored s : cookies.values()) {
            if (s.cookie().matches(serverName, requestPath)) {
                pairs.add(s.cookie().name() + "=" + s.rawValue());
            }
        }
        return pairs.isEmpty() ? null : String.join("; ", pairs);
    }

    /** The first live cookie with this name, in the order they were set; null when none. */
    ClientCookie get(String name) {
        purgeExpired();
        for (Stored s : cookies.values()) {
            if (s.cookie().name().equals(name)) {
                return s.cookie();
            }
        }
        return null;
    }

    /** Removes every cookie with this name; returns whether one was there. */
    boolean remove(String name) {
        return cookies.values().removeIf(s -> s.cookie().name().equals(name));
    }

    List<ClientCookie> all() {
        purgeExpired();
        List<ClientCookie> out = new ArrayList<>();
        cookies.values().forEach(s -> out.add(s.cookie()));
        return out;
    }

    private void purgeExpired() {
        for (Iterator<Stored> it = cookies.values().iterator(); it.hasNext();) {
            if (it.next().cookie().isExpired(clock.instant())) {
                it.remove();
            }
        }
    }
}
