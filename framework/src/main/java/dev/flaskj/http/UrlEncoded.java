package dev.flaskj.http;

import dev.flaskj.internal.PercentEncoding;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * Query strings and {@code application/x-www-form-urlencoded} bodies, parsed and written as Werkzeug 3.1 does.
 *
 * <p>Werkzeug: {@code Request.args} and the urlencoded branch of {@code FormDataParser}, both
 * {@code urllib.parse.parse_qsl(text, keep_blank_values=True, errors="werkzeug.url_quote")}; writing is
 * {@code werkzeug.urls._urlencode}, which the test client uses.
 * <pre>{@code
 * UrlEncoded.parse("a=1&a=2&b=&c&d=x+y%20z&e=%ZZ&=v&f=%C3%A9");
 * // a=[1, 2], b="", c="", d="x y z", e="%ZZ", ""="v", f="é"
 * UrlEncoded.encode(Map.of("q", "a b"));   // "q=a+b"
 * }</pre>
 */
public final class UrlEncoded {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UrlEncoded() {}

    /**
     * Parses {@code text} into ordered pairs; never throws on untrusted input.
     *
     * <p>Rules (checked against Werkzeug 3.1.8): only {@code &} separates pairs
     * ({@code ;} is part of the value since Python 3.10); empty pieces are skipped; a piece without {@code =}
     * has the value {@code ""}; the first {@code =} splits; {@code +} is a space; {@code %XX} escapes are UTF-8,
     * an invalid escape ({@code %ZZ}, {@code %2}) stays as written, and bytes that are not valid UTF-8 stay
     * percent-encoded in upper case ({@code %e9} → {@code %E9}), since Werkzeug 2.3 decodes with its
     * {@code url_quote} error handler rather than U+FFFD.
     */
    public static MultiDict<String> parse(String text) {
        MultiDict.Builder<String> builder = MultiDict.builder();
        if (text == null || text.isEmpty()) {
            return builder.build();
        }
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('&', start);
            if (end < 0) {
                end = text.length();
            }
            if (end > start) {
                String piece = text.substring(start, end);
                int eq = piece.indexOf('=');
                String name = eq < 0 ? piece : piece.substring(0, eq);
                String value = eq < 0 ? "" : piece.substring(eq + 1);
                builder.add(unquotePlus(name), unquotePlus(value));
            }
            start = end + 1;
        }
        return builder.build();
    }

    /**
     * Writes pairs as Werkzeug's test client does: UTF-8, space as {@code +}, letters, digits and
     * {@code _.-~!$'()*,/:;?@} kept, everything else {@code %XX}. A value that is an {@link Iterable} becomes
     * one pair per element; null values (and null elements) are skipped; other values use {@code toString()}.
     */
    public static String encode(Map<String, ?> values) {
        StringBuilder sb = new StringBuilder();
        values.forEach((key, value) -> {
            if (value instanceof Iterable<?> many) {
                many.forEach(v -> appendPair(sb, key, v));
            } else {
                appendPair(sb, key, value);
            }
        });
        return sb.toString();
    }

    /** As {@link #encode(Map)}, for every pair of a {@link MultiDict}, grouped by key. */
    public static String encode(MultiDict<String> values) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : values) {
            appendPair(sb, e.getKey(), e.getValue());
        }
        return sb.toString();
    }

    /** One component quoted as {@link #encode(Map)} quotes it (Python's {@code quote_plus} with that safe set). */
    public static String quotePlus(String s) {
        return PercentEncoding.encodeQuery(s);
    }

    private static void appendPair(StringBuilder sb, String key, Object value) {
        Objects.requireNonNull(key, "key == null");
        if (value == null) {
            return;
        }
        if (sb.length() > 0) {
            sb.append('&');
        }
        sb.append(quotePlus(key)).append('=').append(quotePlus(value.toString()));
    }

    /**
     * Python's {@code unquote(s.replace("+", " "), errors="werkzeug.url_quote")}: runs of ASCII are
     * percent-decoded to bytes and read as UTF-8, invalid bytes written back as {@code %XX}; characters beyond
     * ASCII (already decoded by the container) are kept as they are.
     */
    static String unquotePlus(String s) {
        if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        ByteBuffer bytes = ByteBuffer.allocate(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                flush(bytes, out);
                out.append(c);
            } else if (c == '%' && i + 2 < s.length() && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                bytes.put((byte) Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.put((byte) (c == '+' ? ' ' : c));
            }
        }
        flush(bytes, out);
        return out.toString();
    }

    private static void flush(ByteBuffer bytes, StringBuilder out) {
        bytes.flip();
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer chars = CharBuffer.allocate(bytes.remaining() + 1);
        while (true) {
            CoderResult result = decoder.decode(bytes, chars, true);
            if (result.isError()) {
                // Werkzeug's url_quote error handler: the offending bytes are written back percent-encoded.
                chars.flip();
                out.append(chars);
                chars.clear();
                for (int n = 0; n < result.length(); n++) {
                    int b = bytes.get() & 0xFF;
                    out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xF]);
                }
            } else {
                break;
            }
        }
        decoder.flush(chars);
        chars.flip();
        out.append(chars);
        bytes.clear();
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
