package org.kinbridge.family;

import org.kinbridge.shared.DomainException;
import org.kinbridge.shared.ProblemKind;

/** No person with this sourcedId belongs to the school. */
public class UnknownPersonException extends DomainException {

    public UnknownPersonException(String sourcedId) {
        super(ProblemKind.NOT_FOUND, "unknown_person", "No person " + sourcedId + " is on this school's roster.");
    }
}
