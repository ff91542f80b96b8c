package org.kinbridge.access;

import java.util.Locale;
import org.kinbridge.shared.InvalidRequestException;

/** The Account Manager's tabs, each a condition on the stored state (and reasons). */
public enum AccountTab {
    PROVISION("(a.state = 'READY_TO_PROVISION' OR (a.state = 'REVOKED' AND a.reasons = ''))"),
    ACTIVE("a.state IN ('INVITED', 'ACTIVE', 'SUSPENDED')"),
    REVOKE("a.state = 'READY_TO_REVOKE'"),
    REVOKED("a.state = 'REVOKED'"),
    NOT_ELIGIBLE("a.state = 'NOT_ELIGIBLE'");

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
