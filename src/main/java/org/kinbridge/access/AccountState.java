package org.kinbridge.access;

/** Where a parent account stands; stored by name. */
public enum AccountState {
    /** Not linked to a current student with access allowed (or never provisioned and lost it). */
    NOT_ELIGIBLE,
    /** Eligible, no account yet: an admin may provision. */
    READY_TO_PROVISION,
    /** Provisioned; an activation link or letter code is out. */
    INVITED,
    /** Password set; may sign in. */
    ACTIVE,
    /** Sign-in and data switched off (safeguarding, or by an admin); history kept. */
    SUSPENDED,
    /** Still works, but reasons say it should go: an admin decides. */
    READY_TO_REVOKE,
    /** Username, password and sessions removed; history and audit kept; may be provisioned again. */
    REVOKED;

    /** States whose holder has (or is about to have) a username. */
    public boolean holdsUsername() {
        return this == INVITED || this == ACTIVE || this == SUSPENDED || this == READY_TO_REVOKE;
    }

    public String auditAction() {
        return "account." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
