package org.kinbridge.access;

import org.kinbridge.shared.DomainException;
import org.kinbridge.shared.ProblemKind;

/** A parent may not get in (wrong or used code, wrong password, suspended, restricted); the sentence says what to do. */
public class AccessRefusedException extends DomainException {

    public AccessRefusedException(ProblemKind kind, String error, String detail) {
        super(kind, error, detail);
    }
}
