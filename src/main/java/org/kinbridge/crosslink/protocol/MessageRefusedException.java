package org.kinbridge.crosslink.protocol;

import org.kinbridge.shared.DomainException;
import org.kinbridge.shared.ProblemKind;

/** A message from a peer broke a protocol rule; the code names the rule, the detail says it plainly. */
public class MessageRefusedException extends DomainException {

    public MessageRefusedException(ProblemKind kind, String code, String detail) {
        super(kind, code, detail);
    }

    static MessageRefusedException invalid(String code, String detail) {
        return new MessageRefusedException(ProblemKind.INVALID, code, detail);
    }

    static MessageRefusedException unauthenticated(String code, String detail) {
        return new MessageRefusedException(ProblemKind.UNAUTHENTICATED, code, detail);
    }
}
