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
 * Brings a tenant's family filters up to date once the import that left them behind (a bulk import marks them stale, a
 * delta records the people it touched) has committed, off the importing thread, so the import does not wait for it.
 * If this never runs (the node stopped), the first reader does it.
 */
@ApplicationScoped
public class FamilyFilterRebuilds {

    private static final Logger LOG = Logger.getLogger(FamilyFilterRebuilds.class.getName());

    /** Fired inside the transaction that left the tenant's filters behind. */
    public record Due(TenantId tenant) {
    }

    @Resource
    private ManagedExecutorService executor;

    @Inject
    private FamilyFilters filters;

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Due due) {
        executor.submit(() -> {
            try {
                filters.catchUp(due.tenant());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Bringing the family filters up to date failed for tenant " + due.tenant()
                        + "; the next reader does it", e);
            }
        });
    }
}
