package org.kinbridge.shared;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Housekeeping that runs on every node at a fixed delay (purges, sweeps). A failed round is logged and the next one
 * tries again: one bad round must not stop the schedule, which an exception escaping the task would.
 */
@ApplicationScoped
public class RecurringTasks {

    private static final Logger LOG = Logger.getLogger(RecurringTasks.class.getName());

    @Resource
    private ManagedScheduledExecutorService scheduler;

    /** Runs {@code task} after {@code firstAfter}, then {@code between} after each round ends; {@code what} names it in the log. */
    public void every(Duration between, Duration firstAfter, String what, Runnable task) {
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, what + " failed; will try again", e);
            }
        }, firstAfter.toMillis(), between.toMillis(), TimeUnit.MILLISECONDS);
    }
}
