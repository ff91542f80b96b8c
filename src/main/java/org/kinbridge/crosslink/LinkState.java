package org.kinbridge.crosslink;

/** Where a link between this school and a peer product stands. No row at all is DESIGN.md's NONE. */
public enum LinkState {
    PENDING, LINKED, DENIED, CANCELLED, EXPIRED, UNLINKED;

    /** A new request may be made from this state (after the cooldown). */
    public boolean isFinished() {
        return this != PENDING && this != LINKED;
    }
}
