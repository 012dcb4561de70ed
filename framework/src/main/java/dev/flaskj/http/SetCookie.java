package dev.flaskj.http;

import dev.flaskj.internal.HttpDates;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code Set-Cookie} header: a cookie's name, value and attributes, rendered exactly as Werkzeug 3.1 does.
 *
 * <p>Werkzeug: {@code werkzeug.http.dump_cookie}, behind Flask's {@code response.set_cookie} and
 * {@code delete_cookie}. Write the result with {@code addHeader("Set-Cookie", ...)}; the servlet {@code Cookie}
 * class would change the format.
 * <pre>{@code
 * SetCookie.builder("user", "the username").httpOnly(true).sameSite("lax").build().headerValue();
 * // user="the username"; HttpOnly; Path=/; SameSite=Lax
 * SetCookie.delete("user", "/", null, false, false, null, false).headerValue();
 * // user=; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; Path=/
 * }</pre>
 *
 * @param name the cookie name; non-ASCII names are sent as UTF-8 bytes, as Werkzeug does
 * @param value the value; null means {@code ""}; quoted and escaped when needed
 * @param maxAgeSeconds {@code Max-Age}, or null; also sets {@code Expires} to now + max age unless
 *     {@code expires} is given
 * @param expires {@code Expires}, or null
 * @param path {@code Path}, or null for none; Flask's default is {@code "/"} (the builder's default)
 * @param domain {@code Domain}, or null; the port and leading dots are removed and the name IDNA-encoded
 * @param secure {@code Secure}; forced on by {@code partitioned}
 * @param httpOnly {@code HttpOnly}
 * @param sameSite {@code Strict}, {@code Lax} or {@code None} in any case (stored title-cased), or null
 * @param partitioned {@code Partitioned} (CHIPS)
 */
public record SetCookie(String name, String value, Long maxAgeSeconds, Instant expires, String path, String domain,
                        boolean secure, boolean httpOnly, String sameSite, boolean partitioned) {

    /** Werkzeug's {@code max_size} default (Flask's {@code MAX_COOKIE_SIZE}): browsers may drop longer cookies. */
    public static final int MAX_COOKIE_SIZE = 4093;

    // Werkzeug's _cookie_no_quote_re: \w (ASCII) plus these; anything else makes the value quoted.
    private static final String NO_QUOTE_PUNCTUATION = "_!#$%&'()*+-./:<=>?@[]^`{|}~";
    // quote(path, safe="%!$&'()*+,/:=@") plus Python's always-safe "_.-~": ';' is escaped since Werkzeug 3.0.
    private static final String PATH_SAFE = "%!$&'()*+,/:=@_.-~";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /**
     * Validates and normalises.
     *
     * @throws IllegalArgumentException for a {@code sameSite} other than Strict, Lax or None, with Werkzeug's
     *     message
     */
    public SetCookie {
        Objects.requireNonNull(name, "name == null");
        value = value == null ? "" : value;
        if (sameSite != null) {
            sameSite = Headers.titleCase(sameSite);
            if (!List.of("Strict", "Lax", "None").contains(sameSite)) {
                throw new IllegalArgumentException("SameSite must be 'Strict', 'Lax', or 'None'.");
            }
        }
        // Werkzeug: "if partitioned: secure = True" (browsers require Secure for CHIPS).
        secure = secure || partitioned;
    }

    /** A builder with Flask's {@code set_cookie} defaults: path {@code "/"}, everything else off. */
    public static Builder builder(String name, String value) {
        return new Builder(name, value);
    }

    /**
     * The cookie Flask's {@code delete_cookie} sends: empty value, {@code Expires} at the epoch, {@code Max-Age=0},
     * and the given attributes, which must match the ones the cookie was set with for the browser to drop it.
     */
    public static SetCookie delete(String name, String path, String domain, boolean secure, boolean httpOnly,
                                   String sameSite, boolean partitioned) {
        return new SetCookie(name, "", 0L, Instant.EPOCH, path, domain, secure, httpOnly, sameSite, partitioned);
    }

    /** The header value, with {@code Expires} from the current time when only a max age is set. */
    public String headerValue() {
        return headerValue(Instant.now());
    }

    /**
     * The header value as Werkzeug 3.1's {@code dump_cookie} writes it, with {@code now} as the current time:
     * {@code name=value; Domain=; Expires=; Max-Age=; Secure; HttpOnly; Path=; SameSite=; Partitioned}, absent
     * attributes left out.
     */
    public String headerValue(Instant now) {
        StringBuilder sb = new StringBuilder(64 + value.length());
        sb.append(new String(name.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1))
                .append('=').append(quoteValue(value));
        if (domain != null) {
            sb.append("; Domain=").append(normaliseDomain(domain));
        }
        Instant effectiveExpires = expires != null ? expires
                : maxAgeSeconds != null ? now.plusSeconds(maxAgeSeconds) : null;
        if (effectiveExpires != null) {
            sb.append("; Expires=").append(HttpDates.format(effectiveExpires));
        }
        if (maxAgeSeconds != null) {
            sb.append("; Max-Age=").append(maxAgeSeconds);
        }
        if (secure) {
            sb.append("; Secure");
        }
        if (httpOnly) {
            sb.append("; HttpOnly");
        }
        if (path != null) {
            sb.append("; Path=").append(quotePath(path));
        }
        if (sameSite != null) {
            sb.append("; SameSite=").append(sameSite);
        }
        if (partitioned) {
            sb.append("; Partitioned");
        }
        return sb.toString();
    }

    /**
     * Werkzeug's size warning when the header value is longer than {@code maxSize} characters (Flask's
     * {@code MAX_COOKIE_SIZE}, {@link #MAX_COOKIE_SIZE} by default; 0 turns it off), or empty. The caller logs it.
     */
    public Optional<String> sizeWarning(int maxSize, Instant now) {
        return sizeWarning(headerValue(now), maxSize);
    }

    /** {@link #sizeWarning(int, Instant)} for a header value this cookie already rendered. */
    public Optional<String> sizeWarning(String header, int maxSize) {
        if (maxSize <= 0 || header.length() <= maxSize) {
            return Optional.empty();
        }
        int valueSize = quoteValue(value).length();
        return Optional.of("The '" + name + "' cookie is too large: the value was " + valueSize
                + " bytes but the header required " + (header.length() - valueSize) + " extra bytes. The final size"
                + " was " + header.length() + " bytes but the limit is " + maxSize + " bytes. Browsers may"
                + " silently ignore cookies larger than this.");
    }

    /** Bare when every character is allowed, otherwise quoted with {@code \"}, {@code \\} and {@code \ooo}. */
    static String quoteValue(String value) {
        boolean bare = true;
        for (int i = 0; i < value.length() && bare; i++) {
            char c = value.charAt(i);
            bare = c < 0x80 && (Character.isLetterOrDigit(c) || NO_QUOTE_PUNCTUATION.indexOf(c) >= 0);
        }
        if (bare) {
            return value;
        }
        StringBuilder sb = new StringBuilder("\"");
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c == '"' || c == '\\') {
                sb.append('\\').append((char) c);
            } else if (c <= 0x19 || c == ',' || c == ';' || c >= 0x7F) {
                // Werkzeug's _cookie_slash_re range ends at \x19, so 0x1A-0x1F go through unescaped.
                sb.append('\\').append(String.format(Locale.ROOT, "%03o", c));
            } else {
                sb.append((char) c);
            }
        }
        return sb.append('"').toString();
    }

    private static String quotePath(String path) {
        StringBuilder sb = new StringBuilder(path.length());
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c < 0x80 && (Character.isLetterOrDigit(c) || PATH_SAFE.indexOf(c) >= 0)) {
                sb.append((char) c);
            } else {
                sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return sb.toString();
    }

    private static String normaliseDomain(String domain) {
        // Werkzeug 3.x: domain.partition(":")[0].lstrip(".") then IDNA; an empty domain still renders "Domain=".
        int colon = domain.indexOf(':');
        String host = colon < 0 ? domain : domain.substring(0, colon);
        int start = 0;
        while (start < host.length() && host.charAt(start) == '.') {
            start++;
        }
        host = host.substring(start);
        return host.isEmpty() ? host : IDN.toASCII(host);
    }

    /**
     * Builds a {@link SetCookie} with Flask's {@code set_cookie} defaults; not thread-safe.
     */
    public static final class Builder {
        private final String name;
        private final String value;
        private Long maxAgeSeconds;
        private Instant expires;
        private String path = "/";
        private String domain;
        private boolean secure;
        private boolean httpOnly;
        private String sameSite;
        private boolean partitioned;

        private Builder(String name, String value) {
            this.name = Objects.requireNonNull(name, "name == null");
            this.value = value;
        }

        /** {@code Max-Age} in seconds (null for none); {@code Expires} follows unless set explicitly. */
        public Builder maxAge(Long seconds) {
            this.maxAgeSeconds = seconds;
            return this;
        }

        /** {@code Max-Age} as a duration, whole seconds (Python's {@code int(td.total_seconds())}). */
        public Builder maxAge(Duration maxAge) {
            this.maxAgeSeconds = maxAge == null ? null : maxAge.getSeconds();
            return this;
        }

        /** {@code Expires} (null for none). */
        public Builder expires(Instant expires) {
            this.expires = expires;
            return this;
        }

        /** {@code Path}; null leaves the attribute out. Default {@code "/"}. */
        public Builder path(String path) {
            this.path = path;
            return this;
        }

        /** {@code Domain} (null for none). */
        public Builder domain(String domain) {
            this.domain = domain;
            return this;
        }

        /** {@code Secure}. */
        public Builder secure(boolean secure) {
            this.secure = secure;
            return this;
        }

        /** {@code HttpOnly}. */
        public Builder httpOnly(boolean httpOnly) {
            this.httpOnly = httpOnly;
            return this;
        }

        /** {@code SameSite}: Strict, Lax or None in any case, or null. */
        public Builder sameSite(String sameSite) {
            this.sameSite = sameSite;
            return this;
        }

        /** {@code Partitioned}; implies {@code Secure}. */
        public Builder partitioned(boolean partitioned) {
            this.partitioned = partitioned;
            return this;
        }

        /**
         * The cookie.
         *
         * @throws IllegalArgumentException for an invalid {@code sameSite}
         */
        public SetCookie build() {
            return new SetCookie(name, value, maxAgeSeconds, expires, path, domain, secure, httpOnly, sameSite,
                    partitioned);
        }
    }
}
