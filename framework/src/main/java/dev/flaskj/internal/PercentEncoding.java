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

    /**
     * Percent-encodes text for a URL path: UTF-8, keeping {@code A-Z a-z 0-9 _ . - ~} and the WHATWG path-segment
     * characters {@code ! $ & ' ( ) * + , / : ; = @}.
     *
     * <p>Werkzeug 3.x: {@code quote(s, safe="!$&'()*+,/:;=@")} in {@code routing/converters.py} and
     * {@code routing/map.py}. Unpaired surrogates are encoded as {@link String#getBytes} replaces them.
     */
    public static String encodePath(String s) {
        return encode(s, PATH_SAFE, false);
    }

    /**
     * Percent-encodes one key or value of a query string, {@code application/x-www-form-urlencoded} style: space
     * becomes {@code +}, and {@code A-Z a-z 0-9 _ . - ~} plus {@code ! $ ' ( ) * , / : ; ? @} are kept.
     *
     * <p>Werkzeug 3.x: {@code urls._urlencode}, which is {@code urlencode(items, safe="!$'()*,/:;?@")}.
     */
    public static String encodeQuery(String s) {
        return encode(s, QUERY_SAFE, true);
    }

    /** Like {@link #encodeQuery(String)} for raw bytes (Python {@code bytes} values are quoted as they are). */
    public static String encodeQuery(byte[] bytes) {
        return encodeBytes(bytes, QUERY_SAFE, true);
    }

    /**
     * Percent-encodes a URL fragment (an anchor): keeps {@code A-Z a-z 0-9 _ . - ~} and
     * {@code % ! # $ & ' ( ) * + , / : ; = ? @}, so an existing {@code %xx} stays as it is.
     *
     * <p>Flask 3.x: {@code url_for}'s {@code _url_quote(_anchor, safe="%!#$&'()*+,/:;=?@")}.
     */
    public static String encodeFragment(String s) {
        return encode(s, FRAGMENT_SAFE, false);
    }

    /**
     * Percent-encodes a path given as text (maybe with spaces or non-ASCII) into the raw form a request URI
     * carries: like {@link #encodePath(String)}, but {@code %} is kept so that an already-encoded path is not
     * encoded twice.
     *
     * <p>Werkzeug 3.x: {@code iri_to_uri}'s {@code quote(path, safe="%!$&'()*+,/:;=@")}, which its test client
     * applies to the path it is given.
     */
    public static String encodeIriPath(String s) {
        return encode(s, IRI_PATH_SAFE, false);
    }

    /**
     * Percent-encodes a header parameter value as RFC 5987 / RFC 8187 {@code ext-value} characters (the part after
     * {@code UTF-8''}): UTF-8, keeping letters, digits and {@code ! # $ & + - . ^ _ ` | ~}.
     *
     * <p>Werkzeug 3.x: {@code send_file}'s {@code quote(download_name, safe="!#$&+-.^_`|~")} for
     * {@code filename*}.
     */
    public static String encodeRfc5987(String s) {
        return encode(s, RFC5987_SAFE, false);
    }

    private static final String ALWAYS_SAFE =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~";
    private static final boolean[] PATH_SAFE = safeSet("!$&'()*+,/:;=@");
    private static final boolean[] QUERY_SAFE = safeSet("!$'()*,/:;?@");
    private static final boolean[] FRAGMENT_SAFE = safeSet("%!#$&'()*+,/:;=?@");
    private static final boolean[] IRI_PATH_SAFE = safeSet("%!$&'()*+,/:;=@");
    private static final boolean[] RFC5987_SAFE = safeSet("!#$&+^`|");
    private static final char[] HEX_UPPER = "0123456789ABCDEF".toCharArray();

    private static boolean[] safeSet(String extra) {
        boolean[] safe = new boolean[128];
        for (char c : (ALWAYS_SAFE + extra).toCharArray()) {
            safe[c] = true;
        }
        return safe;
    }

    private static String encode(String s, boolean[] safe, boolean plusForSpace) {
        int i = 0;
        while (i < s.length() && s.charAt(i) < 0x80 && safe[s.charAt(i)]) {
            i++;
        }
        if (i == s.length()) {
            return s; // the common case: nothing to escape, no allocation
        }
        return encodeBytes(s.getBytes(StandardCharsets.UTF_8), safe, plusForSpace);
    }

    private static String encodeBytes(byte[] bytes, boolean[] safe, boolean plusForSpace) {
        StringBuilder out = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (c < 0x80 && safe[c]) {
                out.append((char) c);
            } else if (c == ' ' && plusForSpace) {
                out.append('+');
            } else {
                out.append('%').append(HEX_UPPER[c >> 4]).append(HEX_UPPER[c & 0xF]);
            }
        }
        return out.toString();
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
