package com.example.flaskr;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes with PBKDF2-HMAC-SHA256 from the JDK, in Werkzeug's {@code generate_password_hash} text form
 * {@code pbkdf2:sha256:<iterations>$<salt>$<hex hash>}.
 */
final class Passwords {
    private static final int ITERATIONS = 100_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {}

    static String hash(String password) {
        byte[] saltBytes = new byte[12];
        RANDOM.nextBytes(saltBytes);
        String salt = HexFormat.of().formatHex(saltBytes);
        return "pbkdf2:sha256:" + ITERATIONS + "$" + salt + "$" + derive(password, salt, ITERATIONS);
    }

    static boolean check(String stored, String password) {
        String[] parts = stored.split("\\$");
        String[] method = parts[0].split(":");
        if (parts.length != 3 || method.length != 3 || !method[0].equals("pbkdf2") || !method[1].equals("sha256")) {
            return false;
        }
        String actual = derive(password, parts[1], Integer.parseInt(method[2]));
        return MessageDigest.isEqual(actual.getBytes(StandardCharsets.US_ASCII),
                parts[2].getBytes(StandardCharsets.US_ASCII));
    }

    private static String derive(String password, String salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt.getBytes(StandardCharsets.UTF_8),
                    iterations, 256);
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return HexFormat.of().formatHex(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is missing from this JDK", e);
        }
    }
}
