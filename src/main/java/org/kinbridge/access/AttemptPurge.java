package org.kinbridge.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Logger;
import org.kinbridge.shared.RecurringTasks;
import org.kinbridge.shared.persistence.DatabaseReady;

/**
 * Forgets the failed-attempt counters of quiet usernames and addresses every hour: a guesser trying thousands of
 * made-up usernames would otherwise leave a row for each behind for good.
 */
@ApplicationScoped
public class AttemptPurge {

    private static final Logger LOG = Logger.getLogger(AttemptPurge.class.getName());

    @Inject
    private RecurringTasks recurring;

    @Inject
    private SignInGuard guard;

    void schedule(@Observes DatabaseReady ready) {
        recurring.every(Duration.ofHours(1), Duration.ofMinutes(10), "Forgetting old failed attempts", () -> {
            int forgotten = guard.forgetQuietSubjects();
            LOG.fine(() -> "Forgot the failed attempts of " + forgotten + " quiet usernames and addresses");
        });
    }
}
