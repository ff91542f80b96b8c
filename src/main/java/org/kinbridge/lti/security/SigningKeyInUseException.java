package org.kinbridge.lti.security;

import org.kinbridge.shared.DomainException;
import org.kinbridge.shared.ProblemKind;

/** The key an operator asked to retire still signs; a rotation must come first. */
public class SigningKeyInUseException extends DomainException {

    public SigningKeyInUseException(String kid) {
        super(ProblemKind.CONFLICT, "key_in_use", "Key " + kid + " still signs; rotate to a new key before retiring it.");
    }
}
