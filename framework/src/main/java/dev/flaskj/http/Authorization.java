package dev.flaskj.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The parts of an {@code Authorization} request header (Werkzeug: {@code Authorization}); get it with
 * {@code request().authorization()}, which is null when the header is absent or unreadable.
 *
 * <pre>{@code
 * Authorization auth = request().authorization();
 * if (auth == null || !auth.type().equals("basic") || !check(auth.username(), auth.password())) {
 *     abort(401);
 * }
 * String token = auth.token();   // "Bearer abc" -> "abc"
 * String nonce = auth.get("nonce");  // Digest parameters
 * }</pre>
 * The scheme is lower-cased. {@code Basic} credentials are base64 of UTF-8 {@code user:password} (characters
 * outside the base64 alphabet are skipped as Python's decoder skips them; bytes that are not UTF-8 make the
 * header unreadable). Any other scheme carries either a token (no {@code =} other than trailing padding) or
 * comma-separated {@code key=value} parameters. Immutable.
 */
public final class Authorization {
    private final String type;
    private final Map<String, String> parameters;
    private final String token;

    /** An authorization of scheme {@code type} with parameters (for Basic: {@code username}, {@code password}) or a token. */
    public Authorization(String type, Map<String, String> parameters, String token) {
        this.type = Objects.requireNonNull(type, "type == null");
        this.parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        this.token = token;
    }

    /**
     * Parses a header value; null for null, empty, a Basic value that is not base64 of UTF-8, or any other
     * unreadable value. Never throws.
     */
    public static Authorization parse(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        int space = value.indexOf(' ');
        String scheme = (space < 0 ? value : value.substring(0, space)).toLowerCase(Locale.ROOT);
        String rest = space < 0 ? "" : value.substring(space + 1).strip();
        if (scheme.equals("basic")) {
            byte[] raw = decodeBase64(rest);
            if (raw == null) {
                return null;
            }
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
            } catch (CharacterCodingException e) {
                return null;
            }
            int colon = text.indexOf(':');
            Map<String, String> p = new LinkedHashMap<>();
            p.put("username", colon < 0 ? text : text.substring(0, colon));
            p.put("password", colon < 0 ? "" : text.substring(colon + 1));
            return new Authorization(scheme, p, null);
        }
        int end = rest.length();
        while (end > 0 && rest.charAt(end - 1) == '=') {
            end--;
        }
        if (rest.substring(0, end).indexOf('=') >= 0) {
            return new Authorization(scheme, HeaderValues.parseDict(rest), null);
        }
        return new Authorization(scheme, null, rest);
    }

    /**
     * Python's lenient {@code base64.b64decode}: characters outside the alphabet are skipped, decoding stops
     * at complete padding, and a dangling final character or missing padding is an error (null).
     */
    private static byte[] decodeBase64(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() * 3 / 4 + 1);
        int quadPos = 0;
        int left = 0;
        int pads = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0x7f) {
                return null; // Python refuses a non-ASCII str before decoding
            }
            if (c == '=') {
                if (quadPos >= 2 && quadPos + ++pads >= 4) {
                    return out.toByteArray();
                }
                continue;
            }
            int v = sextet(c);
            if (v < 0) {
                continue;
            }
            pads = 0;
            switch (quadPos) {
                case 0 -> {
                    quadPos = 1;
                    left = v;
                }
                case 1 -> {
                    quadPos = 2;
                    out.write((left << 2) | (v >> 4));
                    left = v & 0x0f;
                }
                case 2 -> {
                    quadPos = 3;
                    out.write((left << 4) | (v >> 2));
                    left = v & 0x03;
                }
                default -> {
                    quadPos = 0;
                    out.write((left << 6) | v);
                    left = 0;
                }
            }
        }
        return quadPos == 0 ? out.toByteArray() : null;
    }

    private static int sextet(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '+' ? 62 : c == '/' ? 63 : -1;
    }

    /** The scheme, lower-case: {@code basic}, {@code bearer}, {@code digest}, ... */
    public String type() {
        return type;
    }

    /** The parameters (read-only); for Basic, {@code username} and {@code password}. Empty for a token scheme. */
    public Map<String, String> parameters() {
        return parameters;
    }

    /** The token of a token scheme such as Bearer ({@code ""} for a bare scheme), or null for a parameter scheme. */
    public String token() {
        return token;
    }

    /** A parameter, or null. */
    public String get(String key) {
        return parameters.get(key);
    }

    /** The Basic or Digest user name, or null. */
    public String username() {
        return parameters.get("username");
    }

    /** The Basic password, or null. */
    public String password() {
        return parameters.get("password");
    }

    /** The header value again ({@code Basic base64}, {@code Bearer token}, or {@code Digest k=v, ...}). */
    public String toHeader() {
        String title = type.isEmpty() ? type : Character.toUpperCase(type.charAt(0)) + type.substring(1);
        if (type.equals("basic")) {
            return "Basic " + Base64.getEncoder().encodeToString((username() + ":" + password())
                    .getBytes(StandardCharsets.UTF_8));
        }
        if (token != null) {
            return title + " " + token;
        }
        return title + " " + HeaderValues.dumpDict(parameters);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Authorization a && a.type.equals(type) && Objects.equals(a.token, token)
                && a.parameters.equals(parameters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, parameters, token);
    }

    @Override
    public String toString() {
        return "<Authorization " + toHeader() + ">";
    }
}
