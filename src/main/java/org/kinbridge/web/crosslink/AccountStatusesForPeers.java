package org.kinbridge.web.crosslink;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.kinbridge.access.AccountDirectory;
import org.kinbridge.access.AccountState;
import org.kinbridge.crosslink.GuardianAccounts;
import org.kinbridge.shared.TenantId;

/**
 * Tells linked products where each guardian's parent account stands, in the feed's own words: an account that
 * still works while an admin decides on revoking it is active; one never provisioned (or not eligible) is none.
 */
@ApplicationScoped
public class AccountStatusesForPeers implements GuardianAccounts {

    @Inject
    private AccountDirectory accounts;

    @Override
    public Map<String, Status> statuses(TenantId tenant, Collection<String> guardians) {
        Map<String, Status> statuses = new HashMap<>();
        accounts.states(tenant, guardians).forEach((person, state) -> statuses.put(person, statusOf(state)));
        return statuses;
    }

    static Status statusOf(AccountState state) {
        return switch (state) {
            case NOT_ELIGIBLE, READY_TO_PROVISION -> Status.NONE;
            case INVITED -> Status.INVITED;
            case ACTIVE, READY_TO_REVOKE -> Status.ACTIVE;
            case SUSPENDED -> Status.SUSPENDED;
            case REVOKED -> Status.REVOKED;
        };
    }
}
