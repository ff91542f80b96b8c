package org.kinbridge.crosslink;

import java.util.Collection;
import java.util.Map;
import org.kinbridge.shared.TenantId;

/**
 * What the feed says of each guardian's account with us. Supplied by the application, which knows the feature
 * that runs parent accounts; crosslink does not depend on it. Without a supplier the feed says {@code unknown}.
 */
public interface GuardianAccounts {

    /** The feed's words for an account: see docs/crosslink-protocol.md, section 4. */
    enum Status {
        NONE, INVITED, ACTIVE, SUSPENDED, REVOKED, UNKNOWN;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** These guardians' statuses by sourcedId; a guardian not in the map has no account ({@link Status#NONE}). */
    Map<String, Status> statuses(TenantId tenant, Collection<String> guardians);
}
