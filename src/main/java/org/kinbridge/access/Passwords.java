package org.kinbridge.access;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Parent passwords: PBKDF2WithHmacSHA256 with a random salt, stored as {@code pbkdf2-sha256$iterations$salt$hash};
 * and the strength check the activation page applies.
 */
public final class Passwords {

    static final int ITERATIONS = 210_000;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final List<String> COMMON = List.of("password", "123456", "qwerty", "letmein", "welcome", "iloveyou",
            "admin", "monkey", "dragon", "football", "baseball", "abc123", "111111", "sunshine", "princess", "school");

    private Passwords() {
    }

    public static String hash(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return "pbkdf2-sha256$" + ITERATIONS + "$" + b64(salt) + "$" + b64(derive(password, salt, ITERATIONS));
    }

    public static boolean matches(String password, String stored) {
        if (password == null || stored == null) {
            return false;
        }
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !"pbkdf2-sha256".equals(parts[0])) {
            return false;
        }
        byte[] salt = Base64.getDecoder().decode(parts[2]);
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        return MessageDigest.isEqual(expected, derive(password, salt, Integer.parseInt(parts[1])));
    }

    /** Spends the same time as a real check, so unknown usernames cannot be told apart by timing. */
    public static void dummyCheck(String password) {
        derive(password == null ? "" : password, new byte[16], ITERATIONS);
    }

    /** Why a password is too weak, in words for the parent; empty when it is fine. */
    public static Optional<String> weakness(String password, String username, String name) {
        if (password == null || password.length() < 10) {
            return Optional.of("Use at least 10 characters.");
        }
        if (password.length() > 200) {
            return Optional.of("Use at most 200 characters.");
        }
        int classes = 0;
        classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
        classes += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
        if (password.length() < 16 && classes < 3) {
            return Optional.of("Mix at least three of: lower case, upper case, digits, symbols (or use 16 characters or more).");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (password.chars().distinct().count() < 5) {
            return Optional.of("Use more different characters.");
        }
        for (String common : COMMON) {
            if (lower.contains(common)) {
                return Optional.of("Avoid common words such as \"" + common + "\".");
            }
        }
        String local = username == null ? "" : username.toLowerCase(Locale.ROOT).split("@")[0];
        if (local.length() >= 4 && lower.contains(local)) {
            return Optional.of("Do not use your username in your password.");
        }
        for (String part : (name == null ? "" : name.toLowerCase(Locale.ROOT)).split("\\s+")) {
            if (part.length() >= 4 && lower.contains(part)) {
                return Optional.of("Do not use your name in your password.");
            }
        }
        return Optional.empty();
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            try {
                return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            } finally {
                spec.clearPassword();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JRE", e);
        }
    }

    private static String b64(byte[] bytes) {
        return new String(Base64.getEncoder().encode(bytes), StandardCharsets.US_ASCII);
    }
}
