package org.kinbridge.roster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kinbridge.shared.RecurringTasks;
import org.kinbridge.shared.persistence.DatabaseReady;

/**
 * Fails imports whose heartbeat stopped (the node running them crashed or restarted): their
 * transaction never committed, so nothing of them is applied, and they can be run again.
 */
@ApplicationScoped
public class StaleImportSweeper {

    private static final Logger LOG = Logger.getLogger(StaleImportSweeper.class.getName());

    @Inject
    private RecurringTasks recurring;

    @Inject
    private RosterImports imports;

    @Inject
    @ConfigProperty(name = "kinbridge.import.stale-after", defaultValue = "PT2M")
    private Duration staleAfter;

    void schedule(@Observes DatabaseReady ready) {
        Duration between = Duration.ofSeconds(Math.max(1, staleAfter.toSeconds() / 2));
        recurring.every(between, Duration.ZERO, "Checking for interrupted imports", () -> {
            int failed = imports.failStale(staleAfter);
            if (failed > 0) {
                LOG.log(Level.WARNING, "Marked {0} interrupted import(s) as failed", failed);
            }
        });
    }
}
