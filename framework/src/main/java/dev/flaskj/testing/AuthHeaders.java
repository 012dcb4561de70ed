package dev.flaskj.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/** {@code Authorization} header values for test requests (Werkzeug: {@code Authorization.to_header}). */
final class AuthHeaders {
    private AuthHeaders() {}

    /** {@code Basic base64(user:password)}, UTF-8, as Werkzeug's test client sends {@code auth=(user, password)}. */
    static String basic(String user, String password) {
        Objects.requireNonNull(user, "user == null");
        Objects.requireNonNull(password, "password == null");
        // RFC 7617: the user-id cannot contain a colon; the server would split it at the first one.
        if (user.indexOf(':') >= 0) {
            throw new IllegalArgumentException("A Basic auth user name cannot contain ':': '" + user + "'");
        }
        String pair = user + ":" + password;
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code Bearer token}. */
    static String bearer(String token) {
        Objects.requireNonNull(token, "token == null");
        if (token.isEmpty()) {
            throw new IllegalArgumentException("A bearer token cannot be empty");
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c <= ' ' || c == 0x7f) {
                throw new IllegalArgumentException("A bearer token cannot contain white space or control characters");
            }
        }
        return "Bearer " + token;
    }
}
