package org.kinbridge.lti.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.kinbridge.shared.RecurringTasks;
import org.kinbridge.shared.persistence.DatabaseReady;

/** Clears expired login states and nonces every few minutes so the tables stay small. */
@ApplicationScoped
public class ExpiredValuesPurge {

    @Inject
    private RecurringTasks recurring;

    @Inject
    private OneTimeValues oneTimeValues;

    void schedule(@Observes DatabaseReady ready) {
        recurring.every(Duration.ofMinutes(5), Duration.ofMinutes(5), "Purging expired login states", oneTimeValues::purgeExpired);
    }
}
