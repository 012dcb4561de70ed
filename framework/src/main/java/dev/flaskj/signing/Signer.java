package dev.flaskj.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA1 signatures with itsdangerous's "hmac" key derivation, signing with the current key and verifying with
 * the current key and then the fallback keys.
 *
 * <p>itsdangerous: {@code Signer(secret_keys, salt, key_derivation="hmac", digest_method=hashlib.sha1)}. The key
 * actually used is {@code HMAC-SHA1(secret, salt)}; a signature is the URL-safe Base64, unpadded, of
 * {@code HMAC-SHA1(derived key, message)} (27 characters). Thread-safe.
 * <pre>{@code
 * Signer signer = new Signer(List.of("dev".getBytes(UTF_8)), "cookie-session");
 * String sig = signer.signature("eyJ1c2VybmFtZSI6ImFsaWNlIn0.ZVPxAA");   // SgQvo235z98CwxmEa4WqerYiP6k
 * }</pre>
 *
 * <p><b>Key order.</b> {@code secretKeys.get(0)} is Flask's {@code SECRET_KEY} and signs; the rest are
 * {@code SECRET_KEY_FALLBACKS} in config order and only verify. Flask 3.1.1+ builds itsdangerous's list as
 * {@code [*SECRET_KEY_FALLBACKS, SECRET_KEY]}; itsdangerous signs with the last key and verifies from last to
 * first, so verification tries {@code SECRET_KEY}, then the fallbacks from the last configured to the first. This
 * class tries them in exactly that order: index 0, then n-1 down to 1 (Flask 3.1.1 and later; Flask 3.1.0 had
 * the order backwards, GHSA-4grg-w6v8-c28g).
 */
public final class Signer {
    private static final String ALGORITHM = "HmacSHA1";

    private final Hmac[] verifiers;

    /**
     * A signer for the given keys (at least one; raw bytes, UTF-8 for a string key) and salt.
     *
     * <p>An empty key is taken as it is, as itsdangerous takes it: this class only computes and compares
     * signatures. Deciding which configured values are keys at all is the caller's job; Flask's session layer
     * never passes an empty key, since anyone can sign with one.
     *
     * @param salt the namespace of the signatures; Flask's session uses {@code "cookie-session"}
     */
    public Signer(List<byte[]> secretKeys, String salt) {
        Objects.requireNonNull(secretKeys, "secretKeys == null");
        Objects.requireNonNull(salt, "salt == null");
        if (secretKeys.isEmpty()) {
            throw new IllegalArgumentException("secretKeys is empty: at least the current SECRET_KEY is needed");
        }
        byte[] saltBytes = salt.getBytes(StandardCharsets.UTF_8);
        List<Hmac> macs = new ArrayList<>(secretKeys.size());
        macs.add(new Hmac(deriveKey(secretKeys.get(0), saltBytes)));
        for (int i = secretKeys.size() - 1; i >= 1; i--) {
            macs.add(new Hmac(deriveKey(secretKeys.get(i), saltBytes)));
        }
        this.verifiers = macs.toArray(new Hmac[0]);
    }

    /**
     * itsdangerous: {@code Signer.derive_key} with {@code key_derivation="hmac"}:
     * {@code HMAC-SHA1(key=secret, msg=salt)}.
     */
    public static byte[] deriveKey(byte[] secret, byte[] salt) {
        Objects.requireNonNull(secret, "secret == null");
        Mac mac = newMac(secret);
        return mac.doFinal(salt);
    }

    /** The signature of {@code message} (ASCII) with the current key. */
    public String signature(String message) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(verifiers[0].compute(ascii(message)));
    }

    /** {@code message + "." + signature(message)}, as itsdangerous's {@code Signer.sign}. */
    public String sign(String message) {
        return message + '.' + signature(message);
    }

    /**
     * Whether {@code signature} is the signature of {@code message} under any of the keys. Compared in constant
     * time; only the canonical Base64 form is accepted (itsdangerous's decoder is laxer, but never needs to be for
     * tokens it wrote itself).
     */
    public boolean verify(String message, String signature) {
        byte[] given = ascii(signature);
        byte[] bytes = ascii(message);
        for (Hmac hmac : verifiers) {
            byte[] expected = Base64.getUrlEncoder().withoutPadding().encode(hmac.compute(bytes));
            // Constant time within one comparison; stopping at the first matching key (as itsdangerous does)
            // only reveals which of the app's keys signed a token the client already holds.
            if (MessageDigest.isEqual(expected, given)) {
                return true;
            }
        }
        return false;
    }

    // Non-ASCII cannot occur in a token we or itsdangerous wrote; '?' makes such input fail verification.
    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static Mac newMac(byte[] key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            // An empty key is legal in HMAC (and in Python) but SecretKeySpec refuses it; HMAC pads keys with
            // zero bytes up to the block size, so one zero byte is the same key.
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, ALGORITHM));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available in this JVM", e);
        }
    }

    /** One derived key and an initialised Mac for it. */
    private static final class Hmac {
        private final byte[] key;
        private final Mac prototype;

        Hmac(byte[] key) {
            this.key = key;
            this.prototype = newMac(key);
        }

        // Mac objects are not thread-safe: each call works on a clone of the initialised prototype, which is
        // much cheaper than Mac.getInstance + init. The prototype itself is never updated.
        byte[] compute(byte[] message) {
            Mac mac;
            try {
                mac = (Mac) prototype.clone();
            } catch (CloneNotSupportedException e) {
                mac = newMac(key);
            }
            return mac.doFinal(message);
        }
    }
}
