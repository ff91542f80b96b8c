package org.kinbridge.crosslink;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Lets the first of a kind of event through per window and counts the repeats after it, so a flood of the same
 * event is reported once with its count. Bounded: past {@code maxKinds} kinds it forgets them all and starts again
 * (a flood of distinct kinds is then reported once per kind, as without it).
 */
final class RepeatCounter {

    private final Duration window;
    private final int maxKinds;
    private final Map<String, Seen> seen = new HashMap<>();

    private record Seen(Instant windowStart, int repeats) {
    }

    RepeatCounter(Duration window, int maxKinds) {
        this.window = window;
        this.maxKinds = maxKinds;
    }

    /**
     * @return if this event opens a new window for its kind, how many repeats the previous window saw after its
     *         first (0 for a kind not seen before); empty for a repeat within the window
     */
    synchronized OptionalInt firstInWindow(String kind, Instant at) {
        Seen before = seen.get(kind);
        if (before != null && at.isBefore(before.windowStart().plus(window))) {
            seen.put(kind, new Seen(before.windowStart(), before.repeats() + 1));
            return OptionalInt.empty();
        }
        if (before == null && seen.size() >= maxKinds) {
            seen.clear();
        }
        seen.put(kind, new Seen(at, 0));
        return OptionalInt.of(before == null ? 0 : before.repeats());
    }
}
