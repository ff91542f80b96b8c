package org.kinbridge.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Random, URL-safe tokens and their hashes: one-time links are stored hashed, never as issued. */
public final class SecureTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecureTokens() {
    }

    /** A token with {@code bytes} bytes of entropy, base64url without padding. */
    public static String newToken(int bytes) {
        byte[] raw = new byte[bytes];
        RANDOM.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    public static String sha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** Compares two secrets in time that does not depend on where they differ. */
    public static boolean constantTimeEquals(String expected, String presented) {
        if (expected == null || presented == null) {
            return false;
        }
        // Hashing first makes the comparison independent of the lengths too.
        return MessageDigest.isEqual(
                sha256(expected).getBytes(StandardCharsets.US_ASCII),
                sha256(presented).getBytes(StandardCharsets.US_ASCII));
    }
}
