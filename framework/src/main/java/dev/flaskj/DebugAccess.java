package dev.flaskj;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Who may see the debug page. Debug mode that leaks into a server's environment ({@code FLASK_DEBUG=1}) must not
 * hand source code and request data to the world, so the page is shown only to a client on this machine: a remote
 * address in {@code 127.0.0.0/8} or {@code ::1}, on a request that carries no {@code Forwarded} or
 * {@code X-Forwarded-For} header (a proxy on this machine makes every client look local). Config
 * {@value #ALLOW_REMOTE} = true shows it to everyone. Everyone else gets the production 500 page.
 */
final class DebugAccess {
    /** The config key that shows the debug page to clients on other machines too. */
    static final String ALLOW_REMOTE = "DEBUG_ALLOW_REMOTE";

    private DebugAccess() {}

    static boolean allowed(Flask app, Request request) {
        if (app.config().getBoolean(ALLOW_REMOTE, false)) {
            return true;
        }
        var raw = request.servletRequest();
        if (raw.getHeader("Forwarded") != null || raw.getHeader("X-Forwarded-For") != null) {
            return false;
        }
        return isLoopback(request.remoteAddr());
    }

    /** Whether {@code address} is an IP literal of the loopback range; never a name lookup. */
    static boolean isLoopback(String address) {
        if (address == null || address.isEmpty()) {
            return false;
        }
        if (address.indexOf(':') >= 0) {
            // An IPv6 literal (maybe bracketed, maybe IPv4-mapped): with a colon the JDK parses it and never asks DNS.
            String literal = address.startsWith("[") && address.endsWith("]")
                    ? address.substring(1, address.length() - 1) : address;
            if (literal.indexOf(':') < 0) {
                return false;
            }
            try {
                return InetAddress.getByName(literal).isLoopbackAddress();
            } catch (UnknownHostException | SecurityException e) {
                return false;
            }
        }
        return isLoopbackV4(address);
    }

    /** A dotted quad {@code 127.x.y.z}, each part 0–255 in at most three digits; one pass, no regex. */
    private static boolean isLoopbackV4(String address) {
        int parts = 0;
        int value = 0;
        int digits = 0;
        int first = -1;
        for (int i = 0; i <= address.length(); i++) {
            char c = i < address.length() ? address.charAt(i) : '.';
            if (c == '.') {
                if (digits == 0 || value > 255 || ++parts > 4) {
                    return false;
                }
                first = first < 0 ? value : first;
                value = 0;
                digits = 0;
            } else if (c >= '0' && c <= '9' && digits < 3) {
                value = value * 10 + (c - '0');
                digits++;
            } else {
                return false;
            }
        }
        return parts == 4 && first == 127;
    }
}
