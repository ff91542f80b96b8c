package org.kinbridge.school;

import org.kinbridge.shared.DomainException;
import org.kinbridge.shared.ProblemKind;

/** An admin tried something only the school's main admin may do. */
public class NotMainAdminException extends DomainException {

    public NotMainAdminException() {
        super(ProblemKind.FORBIDDEN, "not_main_admin",
                "Only your school's main administrator may do this. Other administrators can see the status.");
    }
}
