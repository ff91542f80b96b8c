package org.kinbridge.access;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.kinbridge.shared.InvalidRequestException;

/** What an admin can do to many accounts at once, and from which states each applies. */
public enum BulkAction {
    PROVISION("Provision and send welcome email", EnumSet.of(AccountState.READY_TO_PROVISION, AccountState.REVOKED)),
    PRINT("Print letters", EnumSet.of(AccountState.READY_TO_PROVISION, AccountState.REVOKED, AccountState.INVITED)),
    RESEND("Re-send welcome email", EnumSet.of(AccountState.INVITED)),
    REVOKE("Revoke access", EnumSet.of(AccountState.INVITED, AccountState.ACTIVE, AccountState.SUSPENDED,
            AccountState.READY_TO_REVOKE)),
    SUSPEND("Suspend", EnumSet.of(AccountState.INVITED, AccountState.ACTIVE, AccountState.READY_TO_REVOKE)),
    RESUME("Resume", EnumSet.of(AccountState.SUSPENDED));

    final String label;
    final Set<AccountState> from;

    BulkAction(String label, Set<AccountState> from) {
        this.label = label;
        this.from = from;
    }

    public static BulkAction of(String name) {
        try {
            return valueOf(name == null ? "" : name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("invalid_action", "action is provision, print, resend, revoke, suspend or resume.");
        }
    }
}
