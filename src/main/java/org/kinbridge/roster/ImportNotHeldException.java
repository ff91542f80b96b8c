package org.kinbridge.roster;

import org.kinbridge.shared.DomainException;
import org.kinbridge.shared.ProblemKind;

/** Only a HELD import can be confirmed or discarded. */
public class ImportNotHeldException extends DomainException {

    public ImportNotHeldException(String importId) {
        super(ProblemKind.CONFLICT, "import_not_held", "Import " + importId + " is not waiting for a decision.");
    }
}
