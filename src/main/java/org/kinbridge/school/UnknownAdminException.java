package org.kinbridge.school;

import org.kinbridge.shared.DomainException;
import org.kinbridge.shared.ProblemKind;

/** The main-admin role was to go to someone who has never opened Kinbridge as an administrator here. */
public class UnknownAdminException extends DomainException {

    public UnknownAdminException(String platformUserId) {
        super(ProblemKind.NOT_FOUND, "unknown_admin", "No administrator with the id " + platformUserId
                + " has opened Kinbridge for this school yet; they need to open it once from the LMS first.");
    }
}
