package dev.flaskj;

import java.nio.charset.StandardCharsets;

/**
 * Makes a {@code Location} header value safe to send: Werkzeug converts it from an IRI to a URI when the response
 * is sent (non-ASCII as UTF-8 percent-escapes, spaces and {@code <>"} escaped; Werkzeug: {@code iri_to_uri}).
 */
final class Locations {
    private Locations() {}

    static String toUri(String location) {
        boolean clean = true;
        for (int i = 0; i < location.length() && clean; i++) {
            char c = location.charAt(i);
            clean = c > 0x20 && c < 0x7f && c != '<' && c != '>' && c != '"';
        }
        if (clean) {
            return location;
        }
        StringBuilder out = new StringBuilder(location.length() + 16);
        for (byte b : location.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f && c != '<' && c != '>' && c != '"') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
