package org.kinbridge.access;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When failed attempts lock a subject (an account's username, or a client address): {@code maxFailures} failures
 * within {@code firstLock} of the first one lock it for {@code firstLock}; each further lock lasts twice as long as
 * the one before, at most {@code longestLock}. A successful attempt forgets everything (the caller clears it).
 */
public record LockoutPolicy(int maxFailures, Duration firstLock, Duration longestLock) {

    public LockoutPolicy {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1");
        }
        Objects.requireNonNull(firstLock, "firstLock");
        Objects.requireNonNull(longestLock, "longestLock");
        if (firstLock.isNegative() || firstLock.isZero() || longestLock.compareTo(firstLock) < 0) {
            throw new IllegalArgumentException("firstLock must be positive and longestLock at least as long");
        }
    }

    /** What is counted for one subject; stored in {@code access_attempt}. */
    public record Counter(int failures, Instant windowStartedAt, int lockouts, Optional<Instant> lockedUntil) {

        public static Counter none(Instant now) {
            return new Counter(0, now, 0, Optional.empty());
        }

        public boolean lockedAt(Instant now) {
            return lockedUntil.map(until -> until.isAfter(now)).orElse(false);
        }
    }

    /** The counter after one more failure at {@code now}; a new lock shows as one more lockout. */
    public Counter afterFailure(Counter counter, Instant now) {
        boolean windowOver = !counter.windowStartedAt().plus(firstLock).isAfter(now);
        int failures = (windowOver ? 0 : counter.failures()) + 1;
        Instant windowStart = windowOver ? now : counter.windowStartedAt();
        if (failures < maxFailures) {
            return new Counter(failures, windowStart, counter.lockouts(), counter.lockedUntil());
        }
        int lockouts = counter.lockouts() + 1;
        return new Counter(0, now, lockouts, Optional.of(now.plus(lockFor(lockouts))));
    }

    /**
     * Whether a counter can be forgotten at {@code now}: its window of failures is over and its last lock, if any,
     * ended a longest lock ago. A subject that stayed quiet that long starts afresh, so stored counters do not pile
     * up with every username or address ever tried.
     */
    public boolean forgettable(Counter counter, Instant now) {
        return !counter.windowStartedAt().isAfter(windowsStartedBefore(now))
                && counter.lockedUntil().map(until -> !until.isAfter(locksEndedBefore(now))).orElse(true);
    }

    /** The {@link #forgettable} test as two instants: windows started at or before this one are over. */
    public Instant windowsStartedBefore(Instant now) {
        return now.minus(firstLock);
    }

    /** The {@link #forgettable} test as two instants: locks ended at or before this one are forgotten. */
    public Instant locksEndedBefore(Instant now) {
        return now.minus(longestLock);
    }

    /** How long the {@code lockout}-th lock in a row lasts: doubling, capped. */
    public Duration lockFor(int lockout) {
        Duration lock = firstLock;
        for (int i = 1; i < lockout && lock.compareTo(longestLock) < 0; i++) {
            lock = lock.multipliedBy(2);
        }
        return lock.compareTo(longestLock) > 0 ? longestLock : lock;
    }
}
