package org.kinbridge.access;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kinbridge.shared.persistence.DatabaseReady;

/**
 * Forgets the failed-attempt counters of quiet usernames and addresses every hour: a guesser trying thousands of
 * made-up usernames would otherwise leave a row for each behind for good.
 */
@ApplicationScoped
public class AttemptPurge {

    private static final Logger LOG = Logger.getLogger(AttemptPurge.class.getName());

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @Inject
    private SignInGuard guard;

    void schedule(@Observes DatabaseReady ready) {
        scheduler.scheduleWithFixedDelay(this::purge, 10, 60, TimeUnit.MINUTES);
    }

    private void purge() {
        try {
            int forgotten = guard.forgetQuietSubjects();
            LOG.fine(() -> "Forgot the failed attempts of " + forgotten + " quiet usernames and addresses");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Forgetting old failed attempts failed; will try again", e);
        }
    }
}
