package org.kinbridge.lti.security;

import org.kinbridge.shared.DomainException;
import org.kinbridge.shared.ProblemKind;

/** An operator named a tool key id that does not exist. */
public class UnknownToolKeyException extends DomainException {

    public UnknownToolKeyException(String kid) {
        super(ProblemKind.NOT_FOUND, "unknown_key", "No tool key has the id " + kid + ".");
    }
}
