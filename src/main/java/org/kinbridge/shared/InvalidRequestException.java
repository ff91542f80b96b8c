package org.kinbridge.shared;

/** The request is well-formed HTTP but its content breaks a rule. */
public class InvalidRequestException extends DomainException {

    public InvalidRequestException(String error, String detail) {
        super(ProblemKind.INVALID, error, detail);
    }
}
