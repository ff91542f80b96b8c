package org.kinbridge.family;

import org.kinbridge.shared.DomainException;
import org.kinbridge.shared.ProblemKind;

/** This adult is already linked to this child. */
public class LinkExistsException extends DomainException {

    public LinkExistsException() {
        super(ProblemKind.CONFLICT, "link_exists", "This adult is already linked to this child.");
    }
}
