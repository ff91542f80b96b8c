package org.kinbridge.family;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kinbridge.shared.TenantId;

/**
 * Rebuilds a tenant's family filters once the bulk import that marked them stale has committed, off the importing
 * thread, so the import does not wait for it. If this never runs (the node stopped), the first reader rebuilds them.
 */
@ApplicationScoped
public class FamilyFilterRebuilds {

    private static final Logger LOG = Logger.getLogger(FamilyFilterRebuilds.class.getName());

    /** Fired inside the transaction that marked the tenant's filters stale. */
    public record Due(TenantId tenant) {
    }

    @Resource
    private ManagedExecutorService executor;

    @Inject
    private FamilyFilters filters;

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Due due) {
        executor.submit(() -> {
            try {
                filters.rebuildIfStale(due.tenant());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Rebuilding the family filters failed for tenant " + due.tenant()
                        + "; the next reader rebuilds them", e);
            }
        });
    }
}
