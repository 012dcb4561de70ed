package dev.flaskj.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

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
        return parseGeneral(cookieHeader, builder);
    }

    /**
     * The general path: the pairs Werkzeug's {@code _cookie_re} finds, computed by a scanner in time linear in the
     * header's length; package-private for the test that compares it with the regular expression.
     *
     * <p>The expression is {@code ([^=;]*)(?:\s*=\s*("(?:[^\\"]|\\.)*"|.*?))?\s*;\s*} over the header plus
     * a final {@code ;}, {@code \s} being ASCII whitespace and {@code .} anything but a newline. A backtracking
     * engine spends a stack frame per character of a quoted value (a few kilobytes overflow the stack), so each
     * branch is decided here directly: the name runs to the first {@code =} or {@code ;}; a quoted value is one
     * deterministic scan to its closing quote; the unquoted value ends at the whitespace before the next
     * {@code ;} and may not contain a newline. A start that matches nothing is skipped past its {@code =}, where
     * every later start up to that point would fail the same way.
     */
    static MultiDict<String> parseGeneral(String cookieHeader, MultiDict.Builder<String> builder) {
        String s = latin1ToUtf8(cookieHeader) + ";";
        int n = s.length();
        // Both lookups only move forward, as the candidate value start w does: linear in total.
        int semi = -1; // the first ';' at or after the last w asked about
        int newline = -1; // likewise for '\n' (n when there is none)
        int pos = 0;
        while (pos < n) {
            int nameEnd = pos;
            while (s.charAt(nameEnd) != '=' && s.charAt(nameEnd) != ';') {
                nameEnd++; // stops at the final ';' at the latest
            }
            if (s.charAt(nameEnd) == ';') {
                add(builder, s.substring(pos, nameEnd), "");
                pos = skipSpace(s, nameEnd + 1);
                continue;
            }
            int w = skipSpace(s, nameEnd + 1);
            int end = -1; // the match's end; -1 while no branch matched
            String value = null;
            if (s.charAt(w) == '"') {
                int q = w + 1;
                while (q < n) {
                    char c = s.charAt(q);
                    if (c == '"') {
                        break;
                    } else if (c == '\\') {
                        if (q + 1 >= n || s.charAt(q + 1) == '\n') {
                            break; // "\\." cannot take a newline: the quoted branch cannot close here
                        }
                        q += 2;
                    } else {
                        q++;
                    }
                }
                if (q < n && s.charAt(q) == '"') {
                    int after = skipSpace(s, q + 1);
                    if (after < n && s.charAt(after) == ';') {
                        value = s.substring(w, q + 1);
                        end = skipSpace(s, after + 1);
                    }
                }
            }
            if (end < 0) {
                if (semi < w) {
                    semi = s.indexOf(';', w);
                }
                if (newline < w) {
                    newline = s.indexOf('\n', w);
                    newline = newline < 0 ? n : newline;
                }
                int t = semi;
                while (t > w && isSpace(s.charAt(t - 1))) {
                    t--;
                }
                if (newline >= t) {
                    value = s.substring(w, t);
                    end = skipSpace(s, semi + 1);
                }
            }
            if (end < 0) {
                pos = nameEnd + 1; // no match starts anywhere in [pos, nameEnd]
                continue;
            }
            add(builder, s.substring(pos, nameEnd), value);
            pos = end;
        }
        return builder.build();
    }

    private static void add(MultiDict.Builder<String> builder, String rawName, String rawValue) {
        String name = rawName.strip();
        if (!name.isEmpty()) {
            builder.add(name, value(rawValue));
        }
    }

    /** A matched value trimmed, and unquoted when it is in double quotes (package-private for the tests). */
    static String value(String raw) {
        String value = raw.strip();
        if (value.length() >= 2 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '"') {
            value = unslash(value.substring(1, value.length() - 1));
        }
        return value;
    }

    /** The index of the first character at or after {@code i} that is not ASCII whitespace (Python's re.ASCII \s). */
    private static int skipSpace(String s, int i) {
        int j = i;
        while (j < s.length() && isSpace(s.charAt(j))) {
            j++;
        }
        return j;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    /**
     * Whether the header is printable ASCII (or tab) without quotes or backslashes: the usual case, where the
     * general parse's result is simply "split at {@code ;}, then at the first {@code =}, and trim".
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

    /** {@link #parseGeneral}'s result for a {@link #isPlain plain} header, by splitting. */
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
