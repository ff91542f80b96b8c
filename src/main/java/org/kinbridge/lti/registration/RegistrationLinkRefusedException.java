package org.kinbridge.lti.registration;

import org.kinbridge.shared.DomainException;
import org.kinbridge.shared.ProblemKind;

/** A Dynamic Registration link that is unknown, used, expired, or whose platform answered badly. */
public class RegistrationLinkRefusedException extends DomainException {

    public RegistrationLinkRefusedException(String detail) {
        super(ProblemKind.INVALID, "registration_refused", detail);
    }
}
