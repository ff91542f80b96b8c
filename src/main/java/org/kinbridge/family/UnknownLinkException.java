package org.kinbridge.family;

import org.kinbridge.shared.DomainException;
import org.kinbridge.shared.ProblemKind;

/** There is no active link between this adult and this child. */
public class UnknownLinkException extends DomainException {

    public UnknownLinkException() {
        super(ProblemKind.NOT_FOUND, "unknown_link", "There is no active link between this adult and this child.");
    }
}
