package dev.flaskj.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Percent-decoding and -encoding with Werkzeug's rules.
 *
 * <p>Decoding follows {@code werkzeug.urls._unquote}: {@code %XX} escapes become bytes, an invalid escape such as
 * {@code %ZZ} stays as it is, and the bytes are read as UTF-8 with U+FFFD for invalid sequences. Nothing here
 * throws on untrusted input.
 */
public final class PercentEncoding {
    private PercentEncoding() {}

    /**
     * Decodes {@code %XX} escapes (and {@code +} as a space when {@code plusAsSpace}, for query strings and
     * urlencoded forms). Returns the input itself when it has nothing to decode.
     */
    public static String decode(String s, boolean plusAsSpace) {
        if (s.indexOf('%') < 0 && (!plusAsSpace || s.indexOf('+') < 0)) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                bytes.write(hex(s.charAt(i + 1)) << 4 | hex(s.charAt(i + 2)));
                i += 2;
            } else if (c == '+' && plusAsSpace) {
                bytes.write(' ');
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                // Already-decoded text (a container that hands out decoded characters): keep it as UTF-8.
                int end = Character.isHighSurrogate(c) && i + 1 < s.length() ? i + 2 : i + 1;
                bytes.writeBytes(s.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
            }
        }
        return utf8(bytes.toByteArray());
    }

    /** Whether {@code s} decodes to valid UTF-8 (no U+FFFD had to be substituted). */
    public static boolean isValidUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static String utf8(byte[] bytes) {
        // new String(...) replaces malformed input with U+FFFD, as Werkzeug's errors="replace".
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
