package org.kinbridge.access;

import org.kinbridge.shared.DomainException;
import org.kinbridge.shared.ProblemKind;

/** No such adult or account in this tenant (also what a forged id gets). */
public class UnknownAccountException extends DomainException {

    public UnknownAccountException(String person) {
        super(ProblemKind.NOT_FOUND, "unknown_account", "No parent account or adult " + person + " here.");
    }
}
