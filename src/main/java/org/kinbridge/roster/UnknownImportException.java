package org.kinbridge.roster;

import org.kinbridge.shared.DomainException;
import org.kinbridge.shared.ProblemKind;

/** No import with this id belongs to the tenant. */
public class UnknownImportException extends DomainException {

    public UnknownImportException(String importId) {
        super(ProblemKind.NOT_FOUND, "unknown_import", "No import " + importId + " exists for this school.");
    }
}
