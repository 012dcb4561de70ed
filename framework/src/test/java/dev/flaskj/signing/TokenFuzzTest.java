package dev.flaskj.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.flaskj.json.JsonDecodeException;
import dev.flaskj.json.TaggedJson;
import dev.flaskj.json.TestMarkup;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Whatever arrives in a cookie, loading it throws only BadSignatureException, and whatever a correctly signed
 * cookie holds, reading it as tagged JSON throws only JsonDecodeException: the session layer's "bad cookie means
 * empty session" rests on this.
 */
class TokenFuzzTest {
    private static final long TS = 1_700_000_000L;
    private static final long LIFETIME = 2_678_400L;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ é\u0000";
    private static final List<byte[]> KEYS = List.of("dev".getBytes(StandardCharsets.UTF_8));
    private static final TimedSerializer SERIALIZER = new TimedSerializer(KEYS, "cookie-session");
    private static final Signer SIGNER = new Signer(KEYS, "cookie-session");
    private static final TaggedJson TAGGED = new TaggedJson(TestMarkup::new);

    @Test
    void randomStrings() {
        Random random = new Random(1);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(80);
            for (int j = 0; j < length; j++) {
                sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            assertRejected(sb.toString());
        }
    }

    @Test
    void everyTruncationAndSingleCharacterChangeOfAGoodToken() {
        String good = SERIALIZER.dumps("{\"_flashes\":[{\" t\":[\"message\",\"You were logged in\"]}]}", TS);
        for (int i = 0; i < good.length(); i++) {
            assertRejected(good.substring(0, i));
            for (char c : "A_-.é".toCharArray()) {
                if (good.charAt(i) != c) {
                    assertRejected(good.substring(0, i) + c + good.substring(i + 1));
                }
            }
        }
    }

    @Test
    void correctlySignedGarbageFailsOnlyWithTheDocumentedExceptions() {
        Random random = new Random(2);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        int loaded = 0;
        for (int i = 0; i < 5_000; i++) {
            byte[] junk = new byte[random.nextInt(64)];
            random.nextBytes(junk);
            if (i % 3 == 0) {
                // Mostly-JSON junk: printable ASCII made of JSON punctuation and tag keys.
                String chars = "{}[]\":, tbmud1-.eNaI";
                for (int j = 0; j < junk.length; j++) {
                    junk[j] = (byte) chars.charAt(random.nextInt(chars.length()));
                }
            }
            String payload = (i % 2 == 0 ? "." : "") + b64.encodeToString(junk);
            String token = SIGNER.sign(payload + ".ZVPxAA");
            String json;
            try {
                json = SERIALIZER.loads(token, LIFETIME, TS);
            } catch (BadSignatureException expected) {
                continue;
            } catch (RuntimeException e) {
                throw new AssertionError("loads(" + token + ") threw " + e, e);
            }
            loaded++;
            try {
                TAGGED.loads(json);
            } catch (JsonDecodeException expected) {
                // the session layer starts an empty session
            } catch (RuntimeException e) {
                throw new AssertionError("TaggedJson.loads(" + json + ") threw " + e, e);
            }
        }
        // Half of the payloads are uncompressed bytes, so many of them get as far as the JSON reader.
        assertEquals(true, loaded > 100, "payloads that reached the JSON reader: " + loaded);
    }

    private static void assertRejected(String token) {
        try {
            SERIALIZER.loads(token, LIFETIME, TS);
            fail("accepted " + token);
        } catch (BadSignatureException expected) {
            // the only outcome allowed
        } catch (RuntimeException e) {
            throw new AssertionError("loads(" + token + ") threw " + e, e);
        }
    }
}
