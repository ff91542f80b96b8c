package org.kinbridge.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LockoutPolicyTest {

    private static final LockoutPolicy POLICY = new LockoutPolicy(5, Duration.ofMinutes(15), Duration.ofHours(1));
    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    private static LockoutPolicy.Counter fail(LockoutPolicy.Counter counter, int times, Instant at) {
        LockoutPolicy.Counter after = counter;
        for (int i = 0; i < times; i++) {
            after = POLICY.afterFailure(after, at);
        }
        return after;
    }

    @Test
    void theFifthFailureWithinTheWindowLocksForTheFirstLockDuration() {
        LockoutPolicy.Counter four = fail(LockoutPolicy.Counter.none(T0), 4, T0.plusSeconds(60));
        assertFalse(four.lockedAt(T0.plusSeconds(61)));
        assertEquals(4, four.failures());

        LockoutPolicy.Counter five = POLICY.afterFailure(four, T0.plusSeconds(120));
        assertEquals(1, five.lockouts());
        assertEquals(Optional.of(T0.plusSeconds(120).plus(Duration.ofMinutes(15))), five.lockedUntil());
        assertTrue(five.lockedAt(T0.plusSeconds(121)));
        assertFalse(five.lockedAt(T0.plusSeconds(120).plus(Duration.ofMinutes(15))), "the lock ends when it says");
    }

    @Test
    void failuresSpreadBeyondTheWindowStartCountingAfresh() {
        LockoutPolicy.Counter four = fail(LockoutPolicy.Counter.none(T0), 4, T0);
        LockoutPolicy.Counter later = POLICY.afterFailure(four, T0.plus(Duration.ofMinutes(15)));
        assertEquals(1, later.failures());
        assertEquals(0, later.lockouts());
    }

    @Test
    void eachFurtherLockLastsTwiceAsLongUpToTheLongest() {
        assertEquals(Duration.ofMinutes(15), POLICY.lockFor(1));
        assertEquals(Duration.ofMinutes(30), POLICY.lockFor(2));
        assertEquals(Duration.ofHours(1), POLICY.lockFor(3));
        assertEquals(Duration.ofHours(1), POLICY.lockFor(40));

        LockoutPolicy.Counter first = fail(LockoutPolicy.Counter.none(T0), 5, T0);
        Instant afterFirst = first.lockedUntil().orElseThrow();
        LockoutPolicy.Counter second = fail(first, 5, afterFirst);
        assertEquals(2, second.lockouts());
        assertEquals(Optional.of(afterFirst.plus(Duration.ofMinutes(30))), second.lockedUntil());
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LockoutPolicy(0, Duration.ofMinutes(1), Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> new LockoutPolicy(5, Duration.ZERO, Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> new LockoutPolicy(5, Duration.ofHours(2), Duration.ofHours(1)));
    }

    @Test
    void aCounterIsForgottenOnceItsWindowIsOverAndItsLastLockEndedALongestLockAgo() {
        LockoutPolicy.Counter two = fail(LockoutPolicy.Counter.none(T0), 2, T0);
        assertFalse(POLICY.forgettable(two, T0.plus(Duration.ofMinutes(14))), "its failures still count");
        assertTrue(POLICY.forgettable(two, T0.plus(Duration.ofMinutes(15))));

        LockoutPolicy.Counter locked = fail(LockoutPolicy.Counter.none(T0), 5, T0);
        Instant lockEnds = locked.lockedUntil().orElseThrow();
        assertFalse(POLICY.forgettable(locked, lockEnds), "a lock that just ended still doubles the next one");
        assertFalse(POLICY.forgettable(locked, lockEnds.plus(Duration.ofMinutes(59))));
        assertTrue(POLICY.forgettable(locked, lockEnds.plus(Duration.ofHours(1))), "quiet for a longest lock: starts afresh");
    }
}
