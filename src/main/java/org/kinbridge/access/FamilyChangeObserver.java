package org.kinbridge.access;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kinbridge.family.FamilyChanged;
import org.kinbridge.shared.TenantId;

/**
 * Runs the reasons engine once a family change has committed, off the committing thread, in a new
 * transaction. Changes that arrive while a run is queued for the tenant ride along with it.
 */
@ApplicationScoped
public class FamilyChangeObserver {

    private static final Logger LOG = Logger.getLogger(FamilyChangeObserver.class.getName());

    @Resource
    private ManagedExecutorService executor;

    @Inject
    private ReasonsEngine engine;

    /** A run this large leaves many account rows that only a vacuum makes cheap to count. */
    private static final int TIDY_AFTER_CHANGES = 10_000;

    private final Set<TenantId> queued = ConcurrentHashMap.newKeySet();

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) FamilyChanged change) {
        if (!queued.add(change.tenant())) {
            return;
        }
        executor.submit(() -> {
            queued.remove(change.tenant());
            try {
                ReasonsEngine.Outcome outcome = engine.recompute(change.tenant(), change.cause());
                if (outcome.changed() >= TIDY_AFTER_CHANGES) {
                    engine.tidyAfterLargeRun();
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Recomputing parent accounts failed for tenant " + change.tenant(), e);
            }
        });
    }
}
