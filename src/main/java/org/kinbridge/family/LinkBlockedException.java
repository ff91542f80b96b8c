package org.kinbridge.family;

import org.kinbridge.shared.DomainException;
import org.kinbridge.shared.ProblemKind;

/** This adult is blocked from being linked to this child; the block was recorded by an admin. */
public class LinkBlockedException extends DomainException {

    public LinkBlockedException() {
        super(ProblemKind.CONFLICT, "link_blocked", "This adult is blocked from being linked to this child; the block was recorded by an admin.");
    }
}
