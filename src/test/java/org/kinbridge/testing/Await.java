package org.kinbridge.testing;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for something the server does in the background (a recompute, a mail) instead of sleeping blindly. */
public final class Await {

    private static final Duration DEFAULT = Duration.ofSeconds(30);

    private Await() {
    }

    /** Polls {@code condition} every 200 ms for up to 30 s; fails the test with {@code what} if it never holds. */
    public static void until(Supplier<Boolean> condition, String what) {
        long deadline = System.nanoTime() + DEFAULT.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.get()) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("Timed out waiting for: " + what);
    }
}
