package org.kinbridge.shared;

/** The caller is known but their role does not allow this action. */
public class NotAuthorisedException extends DomainException {

    public NotAuthorisedException(String detail) {
        super(ProblemKind.FORBIDDEN, "forbidden", detail);
    }
}
