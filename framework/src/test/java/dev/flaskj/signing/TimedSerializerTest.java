package dev.flaskj.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** itsdangerous URLSafeTimedSerializer framing with Flask's settings; cookies printed by Flask 3.1.3. */
class TimedSerializerTest {
    private static final long TS = 1_700_000_000L;
    /** Flask's default PERMANENT_SESSION_LIFETIME, 31 days, the max age of every session. */
    private static final long LIFETIME = 2_678_400L;
    private static final TimedSerializer DEV = serializer("dev");

    private static TimedSerializer serializer(String... keys) {
        return new TimedSerializer(Stream.of(keys).map(k -> k.getBytes(StandardCharsets.UTF_8)).toList(),
                "cookie-session");
    }

    static Stream<Arguments> timestamps() {
        return Stream.of(Arguments.of(0L, ""), Arguments.of(1L, "AQ"), Arguments.of(255L, "_w"),
                Arguments.of(256L, "AQA"), Arguments.of(1L << 31, "gAAAAA"), Arguments.of(1L << 40, "AQAAAAAA"),
                Arguments.of(TS, "ZVPxAA"));
    }

    @ParameterizedTest(name = "{0} -> \"{1}\"")
    @MethodSource("timestamps")
    void timestampIsBigEndianWithoutLeadingZeros(long seconds, String encoded) throws BadSignatureException {
        String token = DEV.dumps("{}", seconds);
        String[] parts = token.split("\\.", -1);
        assertEquals(encoded, parts[1]);
        assertEquals("{}", DEV.loads(token, Long.MAX_VALUE, seconds));
    }

    @Test
    void compressedOnlyWhenItSavesTwoBytes() throws BadSignatureException {
        // {"k":"aaaaaaaaaaa"}: 19 bytes, zlib 18 (saves 1) -> plain; with 12 a's: 20 bytes, zlib 18 -> compressed.
        String plain = DEV.dumps("{\"k\":\"aaaaaaaaaaa\"}", TS);
        assertEquals("eyJrIjoiYWFhYWFhYWFhYWEifQ.ZVPxAA.7j0ds44Eee1kR7lqlTje_hNbwyM", plain);
        String compressed = DEV.dumps("{\"k\":\"aaaaaaaaaaaa\"}", TS);
        assertEquals(".eJyrVspWslJKRAJKtQBDAway.ZVPxAA.6CBsbgQhH4MtJ6brha1P4SL-Whg", compressed);
        assertEquals("{\"k\":\"aaaaaaaaaaaa\"}", DEV.loads(compressed, LIFETIME, TS));
    }

    @Test
    void fallbackKeysVerifyAndCurrentKeySigns() throws BadSignatureException {
        // Flask 3.1.3, SECRET_KEY="new-key", SECRET_KEY_FALLBACKS=["old-1", "old-2"], session {"a": 1}.
        TimedSerializer rotated = serializer("new-key", "old-1", "old-2");
        String byNew = "eyJhIjoxfQ.ZVPxAA.fNp-mu8k33VRIvnZZJ1WV8yrWlo";
        String byOld1 = "eyJhIjoxfQ.ZVPxAA._xBXvvgp7PJwfS0Yv2NT5A5ZYcM";
        String byOld2 = "eyJhIjoxfQ.ZVPxAA.ojvuChqnA7-v31bbrtSspJUCIDk";
        for (String cookie : List.of(byNew, byOld1, byOld2)) {
            assertEquals("{\"a\":1}", rotated.loads(cookie, LIFETIME, TS));
        }
        assertEquals(byNew, rotated.dumps("{\"a\":1}", TS));
        // Without the fallback the old cookie is rejected (-> empty session).
        assertThrows(BadSignatureException.class, () -> serializer("new-key").loads(byOld1, LIFETIME, TS));
    }

    @Test
    void maxAgeIsInclusiveAndFutureTimestampsExpire() throws BadSignatureException {
        String token = DEV.dumps("{}", TS);
        assertEquals("{}", DEV.loads(token, LIFETIME, TS + LIFETIME));
        SignatureExpiredException old = assertThrows(SignatureExpiredException.class,
                () -> DEV.loads(token, LIFETIME, TS + LIFETIME + 1));
        assertEquals("Signature age 2678401 > 2678400 seconds", old.getMessage());
        assertEquals(TS, old.timestamp());
        SignatureExpiredException future = assertThrows(SignatureExpiredException.class,
                () -> DEV.loads(token, LIFETIME, TS - 1));
        assertEquals("Signature age -1 < 0 seconds", future.getMessage());
    }

    @Test
    void signatureIsCheckedBeforeAge() {
        String tampered = "eyJ1c2VybmFtZSI6ImJvYiJ9.ZVPxAA.SgQvo235z98CwxmEa4WqerYiP6k";
        BadSignatureException e = assertThrows(BadSignatureException.class,
                () -> DEV.loads(tampered, LIFETIME, TS + 10 * LIFETIME));
        assertEquals(BadSignatureException.class, e.getClass());
        assertEquals("Signature does not match", e.getMessage());
    }

    static Stream<Arguments> badTokens() {
        String good = "eyJ1c2VybmFtZSI6ImFsaWNlIn0.ZVPxAA.SgQvo235z98CwxmEa4WqerYiP6k";
        return Stream.of(
                Arguments.of("payload changed", good.replace("eyJ1", "eyJ2"), "Signature does not match"),
                Arguments.of("timestamp changed", good.replace("ZVPxAA", "ZVPxAB"), "Signature does not match"),
                Arguments.of("signature truncated", good.substring(0, good.length() - 1), "Signature does not match"),
                Arguments.of("signature removed", good.substring(0, good.lastIndexOf('.')), "Signature does not match"),
                Arguments.of("no dot", "abc", "No '.' found in value"),
                Arguments.of("empty", "", "No '.' found in value"),
                Arguments.of("non-ASCII", good.replace("eyJ1", "éyJ1"), "Signature does not match"),
                Arguments.of("other key", serializer("not-dev").dumps("{\"username\":\"alice\"}", TS),
                        "Signature does not match"),
                Arguments.of("other salt", new TimedSerializer(List.of("dev".getBytes(StandardCharsets.UTF_8)),
                        "other").dumps("{}", TS), "Signature does not match"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void rejectsTamperedTokens(String name, String token, String message) {
        BadSignatureException e = assertThrows(BadSignatureException.class, () -> DEV.loads(token, LIFETIME, TS));
        assertEquals(message, e.getMessage());
    }

    @Test
    void signedButMalformedInsidesAreStillBadSignatures() {
        Signer signer = new Signer(List.of("dev".getBytes(StandardCharsets.UTF_8)), "cookie-session");
        assertBad("timestamp missing", signer.sign("eyJ9"));
        assertBad("Malformed timestamp", signer.sign("e30.Z"));
        assertBad("Could not base64 decode the payload because of an exception", signer.sign("e*0.ZVPxAA"));
        assertBad("Could not zlib decompress the payload before decoding the payload", signer.sign(".e30.ZVPxAA"));
        // Valid Base64 of invalid UTF-8 (0xff).
        assertBad("Could not load the payload because of an exception", signer.sign("_w.ZVPxAA"));
        // A timestamp beyond 2^63 is far in the future.
        assertThrows(SignatureExpiredException.class,
                () -> DEV.loads(signer.sign("e30.__________8"), LIFETIME, TS));
    }

    @Test
    void zipBombIsRefusedWithoutInflatingIt() throws Exception {
        Signer signer = new Signer(List.of("dev".getBytes(StandardCharsets.UTF_8)), "cookie-session");
        byte[] bomb = zlib(new byte[TimedSerializer.MAX_PAYLOAD_BYTES + 1]);
        assertTrue(bomb.length < 2000, "a real bomb: " + bomb.length + " bytes");
        String token = signer.sign("." + Base64.getUrlEncoder().withoutPadding().encodeToString(bomb) + ".ZVPxAA");
        assertBad("Could not zlib decompress the payload before decoding the payload", token);
        byte[] justFits = zlib(new byte[TimedSerializer.MAX_PAYLOAD_BYTES]);
        String fits = signer.sign("." + Base64.getUrlEncoder().withoutPadding().encodeToString(justFits) + ".ZVPxAA");
        assertEquals(TimedSerializer.MAX_PAYLOAD_BYTES, DEV.loads(fits, LIFETIME, TS).length());
        // Truncated zlib stream.
        byte[] truncated = Arrays.copyOf(zlib("{\"a\":1}".getBytes(StandardCharsets.UTF_8)), 6);
        assertBad("Could not zlib decompress the payload before decoding the payload",
                signer.sign("." + Base64.getUrlEncoder().withoutPadding().encodeToString(truncated) + ".ZVPxAA"));
    }

    @Test
    void nonAsciiJsonTextRoundTrips() throws BadSignatureException {
        String json = "{\"s\":\"Zoë 😀\"}";
        assertEquals(json, DEV.loads(DEV.dumps(json, TS), LIFETIME, TS));
    }

    @Test
    void cachedPayloadsStillNeedAValidSignature() throws BadSignatureException {
        TimedSerializer serializer = serializer("dev");
        String good = serializer.dumps("{\"a\":1}", TS);
        assertEquals("{\"a\":1}", serializer.loads(good, LIFETIME, TS));
        String forged = good.substring(0, good.lastIndexOf('.') + 1) + "AAAAAAAAAAAAAAAAAAAAAAAAAAA";
        assertThrows(BadSignatureException.class, () -> serializer.loads(forged, LIFETIME, TS));
        // Same payload, other timestamp: re-signed, and the new timestamp is checked.
        String later = serializer.dumps("{\"a\":1}", TS + 100);
        assertThrows(SignatureExpiredException.class, () -> serializer.loads(later, LIFETIME, TS));
    }

    @Test
    void manyDifferentSessionsThroughOneSerializer() throws BadSignatureException {
        // More sessions than cache slots, interleaved, each compressed or not, must all round-trip exactly.
        TimedSerializer serializer = serializer("dev");
        TimedSerializer fresh = serializer("dev");
        for (int i = 0; i < 1000; i++) {
            String json = "{\"user\":" + i + ",\"pad\":\"" + "ab".repeat(i % 40) + "\"}";
            String token = serializer.dumps(json, TS);
            assertEquals(token, serializer("dev").dumps(json, TS));
            assertEquals(json, serializer.loads(token, LIFETIME, TS));
            assertEquals(json, fresh.loads(token, LIFETIME, TS));
        }
    }

    @Test
    void sharedAcrossThreads() throws Exception {
        // One serializer per app serves every request thread: pooled zlib streams and the payload cache included.
        TimedSerializer serializer = serializer("dev", "old");
        List<Callable<Integer>> workers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            workers.add(() -> {
                for (int i = 0; i < 2000; i++) {
                    String json = "{\"t\":" + thread + ",\"i\":" + (i % 100) + ",\"pad\":\"" + "xy".repeat(i % 30) + "\"}";
                    String token = serializer.dumps(json, TS);
                    assertEquals(json, serializer.loads(token, LIFETIME, TS));
                }
                return thread;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (Future<Integer> f : pool.invokeAll(workers)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertBad(String message, String token) {
        BadSignatureException e = assertThrows(BadSignatureException.class, () -> DEV.loads(token, LIFETIME, TS));
        assertEquals(BadSignatureException.class, e.getClass());
        assertEquals(message, e.getMessage());
    }

    private static byte[] zlib(byte[] data) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(out, new Deflater(9))) {
            deflate.write(data);
        }
        return out.toByteArray();
    }
}
