package org.kinbridge.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Parent password hashing (PBKDF2-SHA256, salted) and the activation page's strength check. */
class PasswordsTest {

    private static final String GOOD = "Maple-Harbour-42!";

    @Test
    void aHashIsSaltedPbkdf2InTheDocumentedFormatAndMatchesOnlyItsPassword() {
        String stored = Passwords.hash(GOOD);
        String[] parts = stored.split("\\$");
        assertEquals(4, parts.length, stored);
        assertEquals("pbkdf2-sha256", parts[0]);
        assertEquals(String.valueOf(Passwords.ITERATIONS), parts[1]);
        assertEquals(16, Base64.getDecoder().decode(parts[2]).length, "16-byte salt");
        assertEquals(32, Base64.getDecoder().decode(parts[3]).length, "256-bit key");
        assertFalse(stored.contains(GOOD));
        assertTrue(Passwords.matches(GOOD, stored));
        assertFalse(Passwords.matches("maple-harbour-42!", stored), "case matters");
        assertFalse(Passwords.matches(GOOD + " ", stored));
        assertFalse(Passwords.matches("", stored));
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTime() {
        String first = Passwords.hash(GOOD);
        String second = Passwords.hash(GOOD);
        assertNotEquals(first, second);
        assertTrue(Passwords.matches(GOOD, second));
    }

    @Test
    void theIterationCountIsReadFromTheStoredHash() {
        // The count is part of the stored form: the same salt and key under another count is another hash.
        String stored = Passwords.hash(GOOD);
        String[] parts = stored.split("\\$");
        String other = "pbkdf2-sha256$1000$" + parts[2] + "$" + parts[3];
        assertFalse(Passwords.matches(GOOD, other), "same salt and key, other count: must not match");
    }

    @Test
    void missingOrMalformedHashesNeverMatch() {
        assertFalse(Passwords.matches(GOOD, null));
        assertFalse(Passwords.matches(null, Passwords.hash(GOOD)));
        assertFalse(Passwords.matches(GOOD, ""));
        assertFalse(Passwords.matches(GOOD, "plain-text-password"));
        assertFalse(Passwords.matches(GOOD, "bcrypt$10$c2FsdA$aGFzaA"));
        assertFalse(Passwords.matches(GOOD, "pbkdf2-sha256$1000$c2FsdA"));
    }

    @Test
    void theDummyCheckRunsWithoutAnAccount() {
        Passwords.dummyCheck(GOOD);
        Passwords.dummyCheck(null);
    }

    @Test
    void aStrongPasswordPasses() {
        assertEquals(Optional.empty(), Passwords.weakness(GOOD, "paula.brook@mail.example", "Paula Brook"));
        assertEquals(Optional.empty(), Passwords.weakness("correct horse battery staple", "p@x", "Paula Brook"),
                "16+ characters need no mix of classes");
    }

    @Test
    void lengthLimits() {
        assertWeak(null, "at least 10");
        assertWeak("Ab1!xyzQ9", "at least 10");
        assertWeak("Ab1!" + "x".repeat(197), "at most 200");
        assertEquals(Optional.empty(), Passwords.weakness("Ab1!" + "xyzw".repeat(49), null, null), "200 is allowed");
    }

    @Test
    void shortPasswordsNeedThreeCharacterClasses() {
        assertWeak("abcdefghjk", "three of");
        assertWeak("abcdefGHJK", "three of");
        assertEquals(Optional.empty(), Passwords.weakness("abcdefGH42", null, null));
        assertEquals(Optional.empty(), Passwords.weakness("abcdefgh4!", null, null));
    }

    @Test
    void repetitivePasswordsFail() {
        assertWeak("Aa1!Aa1!Aa1!Aa1!", "different characters");
    }

    @Test
    void commonWordsUsernameAndNameFail() {
        assertWeak("MyPassword#2024", "\"password\"");
        assertWeak("Welcome-Home-77", "\"welcome\"");
        assertWeak("Xk-Paula.Brook-9", "username", "paula.brook@mail.example", null);
        assertWeak("Zq!Brook-Tree-81", "name", "p.b@mail.example", "Paula Brook");
        assertEquals(Optional.empty(), Passwords.weakness("Zq!Bro0k-Tree-81", "p.b@mail.example", "Al Bo"),
                "name parts under 4 characters are ignored");
    }

    private static void assertWeak(String password, String expected) {
        assertWeak(password, expected, null, null);
    }

    private static void assertWeak(String password, String expected, String username, String name) {
        Optional<String> weakness = Passwords.weakness(password, username, name);
        assertTrue(weakness.isPresent(), () -> "should be weak: " + password);
        assertTrue(weakness.get().contains(expected), weakness.get());
    }
}
