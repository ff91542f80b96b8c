package org.kinbridge.family;

import java.util.Objects;
import org.kinbridge.shared.TenantId;

/**
 * Announces that people or links of a tenant changed (a roster import, a manual connect or remove).
 * Fired inside the changing transaction; observers that care about the committed result observe it
 * {@code during = TransactionPhase.AFTER_SUCCESS}. Family knows nothing of who listens.
 *
 * @param cause what changed it, e.g. {@code import:<id>} or {@code link.removed}
 */
public record FamilyChanged(TenantId tenant, String cause) {

    public FamilyChanged {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(cause, "cause");
    }
}
