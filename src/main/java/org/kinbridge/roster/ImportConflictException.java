package org.kinbridge.roster;

import org.kinbridge.shared.DomainException;
import org.kinbridge.shared.ProblemKind;

/** A school runs one import at a time, so two packages never interleave their changes. */
public class ImportConflictException extends DomainException {

    public ImportConflictException() {
        super(ProblemKind.CONFLICT, "import_running",
                "An import is already running for this school; wait for it to finish.");
    }
}
