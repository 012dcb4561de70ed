package dev.flaskj.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a request's {@code Cookie} header as Werkzeug 3.1 does.
 *
 * <p>Werkzeug: {@code werkzeug.http.parse_cookie}, the source of {@code request.cookies}.
 * <pre>{@code
 * MultiDict<String> cookies = Cookies.parse("a=1; b=\"x\\\"y\\073z\"; a=3");
 * cookies.get("a");       // "1" (the first)
 * cookies.getList("a");   // ["1", "3"]
 * cookies.get("b");       // x"y;z
 * }</pre>
 * Writing cookies is {@link SetCookie}.
 */
public final class Cookies {
    // The same grammar as Werkzeug's _cookie_re (sansio/http.py): a name up to '=' or ';', then optionally '='
    // and a quoted string (backslash escapes allowed) or the shortest text up to the next ';'.
    // UNIX_LINES: Python's '.' excludes only '\n'.
    private static final Pattern PAIR = Pattern.compile(
            "([^=;]*)(?:\\s*=\\s*(\"(?:[^\\\\\"]|\\\\.)*\"|.*?))?\\s*;\\s*", Pattern.UNIX_LINES);

    private Cookies() {}

    /**
     * The cookies in {@code cookieHeader} (null or empty gives an empty dict); never throws on untrusted input.
     *
     * <p>Rules (checked against Werkzeug 3.1.8): pairs end at {@code ;}; names and values
     * are trimmed; an empty name is skipped; {@code c} alone is {@code c=""}; {@code a=1=2} is {@code "1=2"};
     * repeated names keep every value in order; a value in double quotes is unquoted, {@code \ooo} (octal, first
     * digit 0–3) is one byte, {@code \x} is {@code x}, and the bytes are read as UTF-8 with U+FFFD for invalid
     * ones. No percent-decoding. Containers hand out header bytes as ISO-8859-1 characters, so a header made only
     * of such characters is first re-read as UTF-8, as WSGI's {@code latin1 → utf-8} step does (with U+FFFD
     * instead of Werkzeug's 500 on invalid bytes).
     */
    public static MultiDict<String> parse(String cookieHeader) {
        MultiDict.Builder<String> builder = MultiDict.builder();
        if (cookieHeader == null || cookieHeader.isEmpty()) {
            return builder.build();
        }
        if (isPlain(cookieHeader)) {
            return parsePlain(cookieHeader, builder);
        }
        return parseWithRegex(cookieHeader, builder);
    }

    /** The general path, Werkzeug's regular expression; package-private for the test that compares both paths. */
    static MultiDict<String> parseWithRegex(String cookieHeader, MultiDict.Builder<String> builder) {
        Matcher m = PAIR.matcher(latin1ToUtf8(cookieHeader) + ";");
        while (m.find()) {
            String name = m.group(1).strip();
            String value = m.group(2) == null ? "" : m.group(2).strip();
            if (name.isEmpty()) {
                continue;
            }
            if (value.length() >= 2 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '"') {
                value = unslash(value.substring(1, value.length() - 1));
            }
            builder.add(name, value);
        }
        return builder.build();
    }

    /**
     * Whether the header is printable ASCII (or tab) without quotes or backslashes: the usual case, where the
     * regular expression's result is simply "split at {@code ;}, then at the first {@code =}, and trim".
     */
    private static boolean isPlain(String header) {
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if ((c < 0x20 && c != '\t') || c > 0x7E || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /** {@link #PAIR}'s result for a {@link #isPlain plain} header, without the regex. */
    private static MultiDict<String> parsePlain(String header, MultiDict.Builder<String> builder) {
        int start = 0;
        int length = header.length();
        while (start <= length) {
            int end = header.indexOf(';', start);
            if (end < 0) {
                end = length;
            }
            int eq = header.indexOf('=', start);
            String name;
            String value;
            if (eq >= 0 && eq < end) {
                name = header.substring(start, eq).strip();
                value = header.substring(eq + 1, end).strip();
            } else {
                name = header.substring(start, end).strip();
                value = "";
            }
            if (!name.isEmpty()) {
                builder.add(name, value);
            }
            start = end + 1;
        }
        return builder.build();
    }

    private static String latin1ToUtf8(String header) {
        for (int i = 0; i < header.length(); i++) {
            if (header.charAt(i) > 0xFF) {
                return header; // already decoded by the container
            }
        }
        return new String(header.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    /** Werkzeug's {@code _cookie_unslash_re}: {@code \ooo} with a first digit 0–3 is a byte, {@code \x} is x. */
    private static String unslash(String quoted) {
        byte[] in = quoted.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            if (in[i] != '\\' || i + 1 >= in.length) {
                out.write(in[i]);
            } else if (i + 3 < in.length && isOctal(in[i + 1], '3') && isOctal(in[i + 2], '7')
                    && isOctal(in[i + 3], '7')) {
                out.write((in[i + 1] - '0') << 6 | (in[i + 2] - '0') << 3 | (in[i + 3] - '0'));
                i += 3;
            } else if (in[i + 1] != '\n') {
                // Python's '.' in that bytes regex does not match a newline: "\\\n" stays as it is.
                out.write(in[i + 1]);
                i += 1;
            } else {
                out.write(in[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isOctal(byte b, char max) {
        return b >= '0' && b <= max;
    }
}
