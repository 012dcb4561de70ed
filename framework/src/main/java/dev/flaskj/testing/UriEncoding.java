package dev.flaskj.testing;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding for the URLs and form bodies the test client sends. Werkzeug: {@code iri_to_uri} for paths
 * (existing {@code %XX} escapes are kept), {@code _urlencode} for query strings and form bodies.
 */
final class UriEncoding {
    // Werkzeug 3: urllib quote(safe="!$'()*,/:;?@") then %20 -> "+" (flask-behaviour.md §1.8).
    private static final String FORM_SAFE = "-._~!$'()*,/:;?@";
    // Characters allowed in a URI path as they are; '%' stays so a pre-encoded path is not encoded twice.
    private static final String PATH_SAFE = "-._~!$&'()*+,;=:@/%";

    private UriEncoding() {}

    /** A path given by a test (maybe with spaces or non-ASCII) as the raw request URI would carry it. */
    static String quotePath(String path) {
        return quote(path, PATH_SAFE, false);
    }

    /** One key or value of a query string or urlencoded form. */
    static String quoteForm(String s) {
        return quote(s, FORM_SAFE, true);
    }

    private static String quote(String s, String safe, boolean plusForSpace) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (isAlnum(c) || (c < 0x80 && safe.indexOf(c) >= 0)) {
                out.append((char) c);
            } else if (c == ' ' && plusForSpace) {
                out.append('+');
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static boolean isAlnum(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
