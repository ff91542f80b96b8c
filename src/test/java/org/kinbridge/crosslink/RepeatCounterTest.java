package org.kinbridge.crosslink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RepeatCounterTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void theFirstOfAKindPassesAndItsRepeatsAreCountedIntoTheNextWindow() {
        RepeatCounter counter = new RepeatCounter(Duration.ofMinutes(10), 100);
        assertEquals(OptionalInt.of(0), counter.firstInWindow("a", T0));
        assertEquals(OptionalInt.empty(), counter.firstInWindow("a", T0.plusSeconds(1)));
        assertEquals(OptionalInt.empty(), counter.firstInWindow("a", T0.plusSeconds(599)));
        assertEquals(OptionalInt.of(0), counter.firstInWindow("b", T0.plusSeconds(2)), "another kind has its own window");
        assertEquals(OptionalInt.of(2), counter.firstInWindow("a", T0.plusSeconds(600)), "the window is over: two repeats in it");
        assertEquals(OptionalInt.empty(), counter.firstInWindow("a", T0.plusSeconds(601)));
    }

    @Test
    void tooManyKindsAreForgottenRatherThanKept() {
        RepeatCounter counter = new RepeatCounter(Duration.ofMinutes(10), 2);
        counter.firstInWindow("a", T0);
        counter.firstInWindow("b", T0);
        assertEquals(OptionalInt.empty(), counter.firstInWindow("a", T0.plusSeconds(1)));
        assertEquals(OptionalInt.of(0), counter.firstInWindow("c", T0.plusSeconds(2)), "the third kind clears the others");
        assertEquals(OptionalInt.of(0), counter.firstInWindow("a", T0.plusSeconds(3)));
    }
}
