package dev.flaskj.signing;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Signed, timestamped, URL-safe tokens byte-compatible with itsdangerous, with Flask's session settings: the
 * framing of the session cookie around a JSON text.
 *
 * <p>itsdangerous: {@code URLSafeTimedSerializer} over a {@code TimestampSigner} with {@code key_derivation="hmac"}
 * and SHA-1, as Flask's {@code SecureCookieSessionInterface} builds it (salt {@code "cookie-session"}). A token is
 * (itsdangerous {@code URLSafeTimedSerializer}):
 * <pre>{@code
 * PAYLOAD "." TIMESTAMP "." SIGNATURE
 * PAYLOAD   = b64url(json), or "." b64url(zlib(json)) when that is at least 2 bytes shorter
 * TIMESTAMP = b64url(epoch seconds, big-endian, no leading zero bytes)      1700000000 -> "ZVPxAA"
 * SIGNATURE = b64url(HMAC-SHA1(HMAC-SHA1(secret, salt), PAYLOAD "." TIMESTAMP))
 * }</pre>
 * ({@code b64url} is URL-safe Base64 without {@code =} padding.) Keys: see {@link Signer} for the order in which
 * {@code SECRET_KEY} and {@code SECRET_KEY_FALLBACKS} are tried. Thread-safe.
 * <pre>{@code
 * TimedSerializer s = new TimedSerializer(List.of("dev".getBytes(UTF_8)), "cookie-session");
 * String cookie = s.dumps("{\"username\":\"alice\"}", 1700000000L);
 * String json = s.loads(cookie, 2678400, now);   // 31 days: PERMANENT_SESSION_LIFETIME
 * }</pre>
 */
public final class TimedSerializer {
    /** The most a compressed payload may inflate to; a session cookie is at most about 4 KiB. */
    public static final int MAX_PAYLOAD_BYTES = 1 << 20;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final Signer signer;
    private final Zlib zlib = new Zlib(Math.max(2, Runtime.getRuntime().availableProcessors() * 2));
    private final PayloadCache cache = new PayloadCache();

    /**
     * A serializer whose current key is {@code secretKeys.get(0)} (Flask's {@code SECRET_KEY}); the others are
     * {@code SECRET_KEY_FALLBACKS} in config order, used only to verify.
     */
    public TimedSerializer(List<byte[]> secretKeys, String salt) {
        this.signer = new Signer(secretKeys, salt);
    }

    /**
     * Signs {@code json} with the current key and the given time.
     *
     * @param epochSeconds the signing time (itsdangerous: {@code int(time.time())}), not negative
     */
    public String dumps(String json, long epochSeconds) {
        if (epochSeconds < 0) {
            throw new IllegalArgumentException("epochSeconds < 0: " + epochSeconds);
        }
        String payload = cache.payloadFor(json);
        if (payload == null) {
            payload = encodePayload(json);
            cache.put(json, payload);
        }
        return signer.sign(payload + '.' + ENCODER.encodeToString(timestampBytes(epochSeconds)));
    }

    // itsdangerous: URLSafeSerializerMixin.dump_payload compresses only when it saves at least 2 bytes, which
    // pays for the '.' marker.
    private String encodePayload(String json) {
        byte[] data = json.getBytes(StandardCharsets.UTF_8);
        byte[] compressed = zlib.compress(data);
        return compressed.length < data.length - 1
                ? "." + ENCODER.encodeToString(compressed)
                : ENCODER.encodeToString(data);
    }

    /**
     * Verifies a token and returns the JSON text inside it.
     *
     * <p>Like itsdangerous's {@code loads(token, max_age=maxAgeSeconds)}: the signature is checked first (in
     * constant time, every key), then the timestamp (a token exactly {@code maxAgeSeconds} old is still good),
     * and only then is the payload decoded and, if compressed, inflated (at most {@link #MAX_PAYLOAD_BYTES}).
     * Flask passes {@code PERMANENT_SESSION_LIFETIME} in seconds as the maximum age for every session, permanent
     * or not.
     *
     * @param maxAgeSeconds the oldest accepted age; {@code Long.MAX_VALUE} for no limit (future timestamps are
     *     still rejected)
     * @param nowEpochSeconds the current time (itsdangerous: {@code int(time.time())})
     * @throws SignatureExpiredException if the signature is good but the token is older than
     *     {@code maxAgeSeconds} or signed in the future
     * @throws BadSignatureException for anything else wrong with the token; nothing else is thrown for any input
     */
    public String loads(String token, long maxAgeSeconds, long nowEpochSeconds) throws BadSignatureException {
        Objects.requireNonNull(token, "token == null");
        String value = unsign(token);
        int dot = value.lastIndexOf('.');
        if (dot < 0) {
            throw new BadSignatureException("timestamp missing");
        }
        long timestamp = decodeTimestamp(value.substring(dot + 1));
        // Subtraction cannot overflow in practice, but saturate anyway so garbage can never wrap around.
        long age = timestamp == Long.MAX_VALUE ? -1 : nowEpochSeconds - timestamp;
        if (age > maxAgeSeconds) {
            throw new SignatureExpiredException("Signature age " + age + " > " + maxAgeSeconds + " seconds",
                    timestamp);
        }
        if (age < 0) {
            throw new SignatureExpiredException("Signature age " + age + " < 0 seconds", timestamp);
        }
        String payload = value.substring(0, dot);
        String json = cache.jsonFor(payload);
        if (json == null) {
            json = decodePayload(payload);
            cache.put(json, payload);
        }
        return json;
    }

    // itsdangerous: Signer.unsign, rsplit('.', 1) and verify.
    private String unsign(String token) throws BadSignatureException {
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) >= 0x80) {
                throw new BadSignatureException("Signature does not match");
            }
        }
        int dot = token.lastIndexOf('.');
        if (dot < 0) {
            throw new BadSignatureException("No '.' found in value");
        }
        String value = token.substring(0, dot);
        if (!signer.verify(value, token.substring(dot + 1))) {
            throw new BadSignatureException("Signature does not match");
        }
        return value;
    }

    private static byte[] timestampBytes(long seconds) {
        // itsdangerous: int_to_bytes, big-endian with leading zero bytes removed (0 gives no bytes at all).
        int length = (64 - Long.numberOfLeadingZeros(seconds) + 7) / 8;
        byte[] bytes = new byte[length];
        for (int i = length - 1; i >= 0; i--) {
            bytes[i] = (byte) seconds;
            seconds >>>= 8;
        }
        return bytes;
    }

    // itsdangerous: bytes_to_int(base64_decode(ts)); a failure is "Malformed timestamp". Values beyond a long
    // are far in the future and come back as Long.MAX_VALUE, which is rejected as a future timestamp.
    private static long decodeTimestamp(String text) throws BadSignatureException {
        byte[] bytes = decode(text);
        if (bytes == null) {
            throw new BadSignatureException("Malformed timestamp");
        }
        long value = 0;
        for (byte b : bytes) {
            if ((value >>> 55) != 0) {
                return Long.MAX_VALUE;
            }
            value = value << 8 | (b & 0xFF);
        }
        return value;
    }

    // itsdangerous: URLSafeSerializerMixin.load_payload, then the text serializer's UTF-8 decoding.
    private String decodePayload(String payload) throws BadSignatureException {
        boolean compressed = payload.startsWith(".");
        byte[] data = decode(compressed ? payload.substring(1) : payload);
        if (data == null) {
            throw new BadSignatureException("Could not base64 decode the payload because of an exception");
        }
        if (compressed) {
            data = zlib.decompress(data, MAX_PAYLOAD_BYTES);
            if (data == null) {
                throw new BadSignatureException("Could not zlib decompress the payload before decoding the payload");
            }
        }
        // Flask writes session JSON with ensure_ascii, so the text is almost always ASCII: then every byte is one
        // char, and the strict decoder below (a new CharsetDecoder per call) has nothing to check.
        if (isAscii(data)) {
            return new String(data, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new BadSignatureException("Could not load the payload because of an exception");
        }
    }

    private static boolean isAscii(byte[] data) {
        for (byte b : data) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    // Padding is optional, as itsdangerous re-adds it; anything outside the URL-safe alphabet is refused.
    private static byte[] decode(String text) {
        try {
            return DECODER.decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
