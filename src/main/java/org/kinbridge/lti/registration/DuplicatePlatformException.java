package org.kinbridge.lti.registration;

import org.kinbridge.shared.DomainException;
import org.kinbridge.shared.ProblemKind;

/** A platform with this issuer and client_id is already registered (perhaps for another tenant). */
public class DuplicatePlatformException extends DomainException {

    public DuplicatePlatformException() {
        super(ProblemKind.CONFLICT, "platform_exists",
                "A platform with this issuer and client id is already registered.");
    }
}
