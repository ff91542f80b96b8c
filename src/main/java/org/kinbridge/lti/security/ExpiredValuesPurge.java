package org.kinbridge.lti.security;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kinbridge.shared.persistence.DatabaseReady;

/** Clears expired login states and nonces every few minutes so the tables stay small. */
@ApplicationScoped
public class ExpiredValuesPurge {

    private static final Logger LOG = Logger.getLogger(ExpiredValuesPurge.class.getName());

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @Inject
    private OneTimeValues oneTimeValues;

    void schedule(@Observes DatabaseReady ready) {
        scheduler.scheduleWithFixedDelay(this::purge, 5, 5, TimeUnit.MINUTES);
    }

    private void purge() {
        try {
            oneTimeValues.purgeExpired();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Purging expired login states failed; will try again", e);
        }
    }
}
