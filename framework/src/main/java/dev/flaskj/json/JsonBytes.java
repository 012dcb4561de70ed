package dev.flaskj.json;

/**
 * Turns the bytes of a JSON document into text as Python's {@code json.loads(bytes)} does: the encoding is
 * detected from a byte order mark or from the pattern of zero bytes at the start (UTF-8, UTF-16 or UTF-32, either
 * byte order), then the bytes are decoded strictly, with Python's {@code surrogatepass} rule.
 *
 * <p>Strict means every malformed sequence is an error, never a replacement character: a byte that cannot start a
 * sequence ({@code 0x80..0xC1}, {@code 0xF5..0xFF}), an overlong form ({@code C0 AF}, {@code E0 80 80}), a missing
 * or wrong continuation byte, a sequence cut off by the end of the body, or a code point above U+10FFFF. Flask
 * answers these with 400 (a {@code UnicodeDecodeError} is a {@code ValueError}), so the request never sees a
 * string its client did not send. A surrogate written in UTF-8 form ({@code ED A0 80}) or as a lone UTF-16/UTF-32
 * unit is kept as that surrogate, exactly as Python keeps it; the JSON escape <code>&#92;ud800</code> is kept too.
 *
 * <p>One pass over the input, no look-back: the cost is linear in the body.
 */
final class JsonBytes {
    private JsonBytes() {}

    /**
     * The text of {@code data}.
     *
     * @throws JsonDecodeException with Python's {@code UnicodeDecodeError} message, e.g.
     *     {@code 'utf-8' codec can't decode byte 0xff in position 1: invalid start byte}
     */
    static String decode(byte[] data) throws JsonDecodeException {
        int n = data.length;
        // Python: json.detect_encoding. The UTF-32 marks must be tested before UTF-16's, which they begin with.
        if (startsWith(data, 0x00, 0x00, 0xFE, 0xFF)) {
            return utf32(data, 4, true);
        }
        if (startsWith(data, 0xFF, 0xFE, 0x00, 0x00)) {
            return utf32(data, 4, false);
        }
        if (startsWith(data, 0xFE, 0xFF)) {
            return utf16(data, 2, true);
        }
        if (startsWith(data, 0xFF, 0xFE)) {
            return utf16(data, 2, false);
        }
        if (startsWith(data, 0xEF, 0xBB, 0xBF)) {
            return utf8(data, 3);
        }
        if (n >= 4) {
            if (data[0] == 0) {
                return data[1] != 0 ? utf16(data, 0, true) : utf32(data, 0, true);
            }
            if (data[1] == 0) {
                return data[2] != 0 || data[3] != 0 ? utf16(data, 0, false) : utf32(data, 0, false);
            }
        } else if (n == 2) {
            if (data[0] == 0) {
                return utf16(data, 0, true);
            }
            if (data[1] == 0) {
                return utf16(data, 0, false);
            }
        }
        return utf8(data, 0);
    }

    private static boolean startsWith(byte[] data, int... prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((data[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    // Python's UTF-8 decoder with errors="surrogatepass". Positions in messages count from `from` (Python's
    // utf-8-sig strips the BOM before decoding).
    private static String utf8(byte[] b, int from) throws JsonDecodeException {
        int n = b.length;
        int i = from;
        while (i < n && b[i] >= 0) {
            i++;
        }
        if (i == n) {
            // All ASCII, the common case: one copy, no per-char work.
            return new String(b, from, n - from, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        StringBuilder out = new StringBuilder(n - from);
        out.append(new String(b, from, i - from, java.nio.charset.StandardCharsets.ISO_8859_1));
        while (i < n) {
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                out.append((char) c);
                i++;
                continue;
            }
            int need;
            int min2 = 0x80;
            int max2 = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) {
                need = 1;
            } else if (c >= 0xE0 && c <= 0xEF) {
                need = 2;
                if (c == 0xE0) {
                    min2 = 0xA0; // below is overlong
                } else if (c == 0xED) {
                    max2 = 0x9F; // above is a surrogate, see below
                }
            } else if (c >= 0xF0 && c <= 0xF4) {
                need = 3;
                if (c == 0xF0) {
                    min2 = 0x90; // below is overlong
                } else if (c == 0xF4) {
                    max2 = 0x8F; // above is beyond U+10FFFF
                }
            } else {
                throw error("utf-8", b, from, i, 1, "invalid start byte");
            }
            // A surrogate in UTF-8 form: Python's surrogatepass handler takes exactly ED A0..BF 80..BF.
            if (c == 0xED && i + 2 < n && (b[i + 1] & 0xFF) >= 0xA0 && (b[i + 1] & 0xFF) <= 0xBF
                    && isContinuation(b[i + 2])) {
                out.append((char) (0xD000 | (b[i + 1] & 0x3F) << 6 | (b[i + 2] & 0x3F)));
                i += 3;
                continue;
            }
            int cp = c & (0x3F >> need);
            for (int k = 1; k <= need; k++) {
                if (i + k >= n) {
                    throw error("utf-8", b, from, i, k, "unexpected end of data");
                }
                int next = b[i + k] & 0xFF;
                boolean ok = k == 1 ? next >= min2 && next <= max2 : isContinuation(b[i + k]);
                if (!ok) {
                    throw error("utf-8", b, from, i, k, "invalid continuation byte");
                }
                cp = cp << 6 | (next & 0x3F);
            }
            out.appendCodePoint(cp);
            i += need + 1;
        }
        return out.toString();
    }

    private static boolean isContinuation(byte x) {
        return (x & 0xC0) == 0x80;
    }

    // UTF-16 code units in order; with surrogatepass every unit, paired or not, is kept as it is.
    private static String utf16(byte[] b, int from, boolean bigEndian) throws JsonDecodeException {
        String codec = bigEndian ? "utf-16-be" : "utf-16-le";
        int n = b.length;
        StringBuilder out = new StringBuilder((n - from) / 2);
        int i = from;
        for (; i + 1 < n; i += 2) {
            int hi = b[i] & 0xFF;
            int lo = b[i + 1] & 0xFF;
            out.append((char) (bigEndian ? hi << 8 | lo : lo << 8 | hi));
        }
        if (i < n) {
            throw error(codec, b, 0, i, 1, "truncated data");
        }
        return out.toString();
    }

    private static String utf32(byte[] b, int from, boolean bigEndian) throws JsonDecodeException {
        String codec = bigEndian ? "utf-32-be" : "utf-32-le";
        int n = b.length;
        StringBuilder out = new StringBuilder((n - from) / 4);
        int i = from;
        for (; i + 3 < n; i += 4) {
            long cp = bigEndian
                    ? (b[i] & 0xFFL) << 24 | (b[i + 1] & 0xFF) << 16 | (b[i + 2] & 0xFF) << 8 | (b[i + 3] & 0xFF)
                    : (b[i + 3] & 0xFFL) << 24 | (b[i + 2] & 0xFF) << 16 | (b[i + 1] & 0xFF) << 8 | (b[i] & 0xFF);
            if (cp > Character.MAX_CODE_POINT) {
                throw error(codec, b, 0, i, 4, "code point not in range(0x110000)");
            }
            out.appendCodePoint((int) cp);
        }
        if (i < n) {
            throw error(codec, b, 0, i, n - i, "truncated data");
        }
        return out.toString();
    }

    // Python: str(UnicodeDecodeError), e.g. "'utf-8' codec can't decode bytes in position 1-2: unexpected end of
    // data".
    private static JsonDecodeException error(String codec, byte[] b, int base, int at, int length, String reason) {
        int pos = at - base;
        String where = length == 1
                ? String.format("byte 0x%02x in position %d", b[at] & 0xFF, pos)
                : "bytes in position " + pos + "-" + (pos + length - 1);
        return new JsonDecodeException("'" + codec + "' codec can't decode " + where + ": " + reason);
    }
}
