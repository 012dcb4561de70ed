package dev.flaskj.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Werkzeug's cookie value quoting (flask-behaviour.md §6): bare when every character is legal, else in double
 * quotes with {@code \"}, {@code \\} and 3-digit octal escapes for {@code ,}, {@code ;}, controls and non-ASCII.
 */
final class CookieValues {
    private static final String LEGAL = "!#$%&'()*+-./:<=>?@[]^_`{|}~";

    private CookieValues() {}

    static String quote(String value) {
        boolean bare = true;
        for (int i = 0; i < value.length() && bare; i++) {
            char c = value.charAt(i);
            bare = c < 0x80 && (Character.isLetterOrDigit(c) || LEGAL.indexOf(c) >= 0);
        }
        if (bare) {
            return value;
        }
        StringBuilder out = new StringBuilder("\"");
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c == '"' || c == '\\') {
                out.append('\\').append((char) c);
            } else if (c < 0x20 || c >= 0x7f || c == ',' || c == ';') {
                out.append('\\').append(String.format("%03o", c));
            } else {
                out.append((char) c);
            }
        }
        return out.append('"').toString();
    }

    /** The value with surrounding quotes and escapes removed; a bare value is returned as it is. */
    static String unquote(String raw) {
        if (raw.length() < 2 || raw.charAt(0) != '"' || raw.charAt(raw.length() - 1) != '"') {
            return raw;
        }
        String s = raw.substring(1, raw.length() - 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && isOctal(s, i + 1)) {
                out.write(Integer.parseInt(s.substring(i + 1, i + 4), 8));
                i += 3;
            } else if (c == '\\' && i + 1 < s.length()) {
                out.write(s.charAt(++i));
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }

    private static boolean isOctal(String s, int from) {
        if (from + 3 > s.length()) {
            return false;
        }
        for (int i = from; i < from + 3; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '7') {
                return false;
            }
        }
        return true;
    }
}
