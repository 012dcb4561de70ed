package dev.flaskj.http;

import dev.flaskj.exceptions.BadRequest;
import java.net.IDN;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * The request's {@code host[:port]}, checked the way Werkzeug 3.1 checks it ({@code host_is_trusted},
 * {@code get_host}) so that an application with {@code TRUSTED_HOSTS} never builds a URL, a redirect or a
 * {@code Location} from a host name the client chose.
 *
 * <p>A host value is <em>well formed</em> when it is a name or IPv4 address of ASCII letters, digits, {@code .} and
 * {@code -}, or an IPv6 address in brackets, optionally followed by {@code :} and a decimal port. Nothing else is
 * accepted: no {@code /}, {@code @}, spaces, {@code _}, control characters or empty values. Checks run in time
 * linear in the value's length.
 */
public final class Hosts {
    private Hosts() {}

    /** Whether {@code host} is a well-formed {@code host[:port]} value (see the class description). */
    public static boolean isWellFormed(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        int n = host.length();
        int i;
        if (host.charAt(0) == '[') {
            int close = host.indexOf(']');
            if (close < 0 || !isIpv6Literal(host, 1, close)) {
                return false;
            }
            i = close + 1;
        } else {
            i = 0;
            while (i < n && isNameChar(host.charAt(i))) {
                i++;
            }
            if (i == 0) {
                return false;
            }
        }
        if (i == n) {
            return true;
        }
        if (host.charAt(i) != ':' || i + 1 == n) {
            return false;
        }
        for (int p = i + 1; p < n; p++) {
            char c = host.charAt(p);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
    }

    private static boolean isHex(char c) {
        return (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || (c >= '0' && c <= '9');
    }

    /** Hex digits up to the first {@code :}, then at least one of hex digits, {@code :} and {@code .}. */
    private static boolean isIpv6Literal(String s, int from, int to) {
        int i = from;
        while (i < to && isHex(s.charAt(i))) {
            i++;
        }
        if (i == to || s.charAt(i) != ':' || i + 1 == to) {
            return false;
        }
        for (int j = i + 1; j < to; j++) {
            char c = s.charAt(j);
            if (!isHex(c) && c != ':' && c != '.') {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code host} ({@code host[:port]}) is well formed and, when {@code trusted} is non-empty, its name
     * matches one of the entries (Werkzeug: {@code host_is_trusted}). The port is ignored on both sides. An entry
     * starting with {@code .} also matches every subdomain ({@code .example.com} matches {@code example.com} and
     * {@code a.b.example.com}). Entries are compared in their ASCII (IDNA) form; a request host is compared as sent,
     * so its letters must be lower case to match (as browsers send them).
     */
    public static boolean isTrusted(String host, Collection<String> trusted) {
        if (!isWellFormed(host)) {
            return false;
        }
        String name = beforeColon(host);
        if (trusted == null || trusted.isEmpty()) {
            return true;
        }
        for (String entry : trusted) {
            if (entry == null) {
                continue;
            }
            boolean suffix = entry.startsWith(".");
            String ref = beforeColon(suffix ? entry.substring(1) : entry);
            try {
                ref = IDN.toASCII(ref, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                return false; // Werkzeug gives up on the whole list when an entry cannot be encoded
            }
            if (ref.equals(name) || (suffix && name.endsWith("." + ref))) {
                return true;
            }
        }
        return false;
    }

    private static String beforeColon(String s) {
        int colon = s.indexOf(':');
        return colon < 0 ? s : s.substring(0, colon);
    }

    /**
     * The request's {@code host[:port]} (Werkzeug: {@code get_host}): the {@code Host} header when the client sent
     * one, else the server's own name and port (an IPv6 name in brackets); the port left out when it is the
     * scheme's default ({@code :80} for {@code http}/{@code ws}, {@code :443} for {@code https}/{@code wss}).
     *
     * @param trusted the {@code TRUSTED_HOSTS} entries; null or empty: any well-formed host
     * @throws BadRequest {@code Host '...' is not trusted.} when the host does not match {@code trusted}, and
     *     {@code Host '...' is not valid.} when it is not well formed (where Werkzeug 3.1.8 would carry on with an
     *     empty host, which turns every absolute URL into {@code http:///...}, a URL browsers read as naming the
     *     first path segment as the host)
     */
    public static String requestHost(String scheme, String hostHeader, String serverName, int serverPort,
            Collection<String> trusted) {
        String host;
        if (hostHeader != null && !hostHeader.isEmpty()) {
            host = hostHeader;
        } else {
            String name = serverName == null ? "" : serverName;
            if (name.indexOf(':') >= 0 && !name.startsWith("[")) {
                name = "[" + name + "]";
            }
            host = serverPort > 0 ? name + ":" + serverPort : name;
        }
        if (("http".equals(scheme) || "ws".equals(scheme)) && host.endsWith(":80")) {
            host = host.substring(0, host.length() - 3);
        } else if (("https".equals(scheme) || "wss".equals(scheme)) && host.endsWith(":443")) {
            host = host.substring(0, host.length() - 4);
        }
        if (!isTrusted(host, trusted)) {
            boolean restricted = trusted != null && !trusted.isEmpty();
            throw new BadRequest("Host " + pyRepr(host) + " is not " + (restricted ? "trusted." : "valid."));
        }
        return host;
    }

    /**
     * {@code TRUSTED_HOSTS} as a list: null stays null (no restriction), a single string is a one-entry list, any
     * other collection or array is read entry by entry.
     */
    public static List<String> trustedList(Object configValue) {
        if (configValue == null) {
            return null;
        }
        if (configValue instanceof String s) {
            return List.of(s);
        }
        if (configValue instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        if (configValue instanceof Object[] a) {
            return java.util.Arrays.stream(a).map(String::valueOf).toList();
        }
        return List.of(String.valueOf(configValue));
    }

    /**
     * Python's {@code repr} of a short string, as Werkzeug's message shows it; characters outside printable ASCII
     * are escaped so that the message is safe to put into a page or a log line.
     */
    private static String pyRepr(String s) {
        boolean dq = s.indexOf('\'') >= 0 && s.indexOf('"') < 0;
        char q = dq ? '"' : '\'';
        StringBuilder b = new StringBuilder(s.length() + 2).append(q);
        int limit = Math.min(s.length(), 200); // a megabyte-long header must not become a megabyte-long message
        for (int i = 0; i < limit; i++) {
            char c = s.charAt(i);
            if (c == q || c == '\\') {
                b.append('\\').append(c);
            } else if (c == '\t' || c == '\n' || c == '\r') {
                b.append(c == '\t' ? "\\t" : c == '\n' ? "\\n" : "\\r");
            } else if (c < 0x20 || c >= 0x7f) {
                b.append(c <= 0xff ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        if (limit < s.length()) {
            b.append("...");
        }
        return b.append(q).toString();
    }
}
