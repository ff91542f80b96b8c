package org.kinbridge.access;

import java.util.Locale;
import org.kinbridge.shared.InvalidRequestException;

/**
 * The Account Manager's tabs, each one range of an index in list order. {@code list_tab} is derived by the database
 * from state and reasons (migration V9_1): Ready to provision holds READY_TO_PROVISION and REVOKED without reasons,
 * Active holds INVITED, ACTIVE and SUSPENDED. A revoked account that is still eligible is listed under PROVISION, so
 * the Revoked tab reads the state itself.
 */
public enum AccountTab {
    PROVISION("a.list_tab = 'PROVISION'"),
    ACTIVE("a.list_tab = 'ACTIVE'"),
    REVOKE("a.list_tab = 'REVOKE'"),
    REVOKED("a.state = 'REVOKED'"),
    NOT_ELIGIBLE("a.list_tab = 'NOT_ELIGIBLE'");

    final String condition;

    AccountTab(String condition) {
        this.condition = condition;
    }

    public static AccountTab of(String name) {
        try {
            return valueOf((name == null ? "provision" : name).trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("invalid_tab", "tab is provision, active, revoke, revoked or not-eligible.");
        }
    }
}
