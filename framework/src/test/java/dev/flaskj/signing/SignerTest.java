package dev.flaskj.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** itsdangerous's Signer with Flask's settings. */
class SignerTest {
    private static final String MESSAGE = "eyJ1c2VybmFtZSI6ImFsaWNlIn0.ZVPxAA";

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void derivedKeyIsHmacOfTheSalt() {
        byte[] key = Signer.deriveKey(utf8("dev"), utf8("cookie-session"));
        assertEquals("4d50ad79847b366eb85f0c79d35a580ff1348d10", HexFormat.of().formatHex(key));
    }

    @Test
    void signatureIsUnpaddedUrlSafeBase64OfHmacSha1() {
        Signer signer = new Signer(List.of(utf8("dev")), "cookie-session");
        String signature = signer.signature(MESSAGE);
        assertEquals("SgQvo235z98CwxmEa4WqerYiP6k", signature);
        assertEquals("4a042fa36df9cfdf02c319846b85aa7ab6223fa9",
                HexFormat.of().formatHex(Base64.getUrlDecoder().decode(signature)));
        assertEquals(MESSAGE + ".SgQvo235z98CwxmEa4WqerYiP6k", signer.sign(MESSAGE));
    }

    @Test
    void verifiesWithCurrentAndFallbackKeysButSignsWithCurrent() {
        Signer rotated = new Signer(List.of(utf8("new"), utf8("old-1"), utf8("old-2")), "cookie-session");
        for (String key : List.of("new", "old-1", "old-2")) {
            String sig = new Signer(List.of(utf8(key)), "cookie-session").signature(MESSAGE);
            assertTrue(rotated.verify(MESSAGE, sig), key);
        }
        assertEquals(new Signer(List.of(utf8("new")), "cookie-session").signature(MESSAGE), rotated.signature(MESSAGE));
        assertFalse(rotated.verify(MESSAGE, new Signer(List.of(utf8("other")), "cookie-session").signature(MESSAGE)));
    }

    @Test
    void rejectsOtherSaltsAndNonCanonicalSignatures() {
        Signer signer = new Signer(List.of(utf8("dev")), "cookie-session");
        assertFalse(signer.verify(MESSAGE, new Signer(List.of(utf8("dev")), "other-salt").signature(MESSAGE)));
        assertFalse(signer.verify(MESSAGE, "SgQvo235z98CwxmEa4WqerYiP6k="));
        // Same 160 bits, different unused low bits in the last character.
        assertFalse(signer.verify(MESSAGE, "SgQvo235z98CwxmEa4WqerYiP6l"));
        assertFalse(signer.verify(MESSAGE, ""));
        assertFalse(signer.verify(MESSAGE + "x", "SgQvo235z98CwxmEa4WqerYiP6k"));
    }

    @Test
    void emptySecretIsAValidHmacKey() {
        // Python: hmac.new(b"", b"cookie-session", sha1).hexdigest()
        assertEquals("17e7d4270a5cbd57a761758998afa10e86631266",
                HexFormat.of().formatHex(Signer.deriveKey(new byte[0], utf8("cookie-session"))));
    }

    @Test
    void needsAKey() {
        assertThrows(IllegalArgumentException.class, () -> new Signer(List.of(), "s"));
    }
}
