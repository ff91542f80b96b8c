package org.kinbridge.roster;

import org.kinbridge.shared.DomainException;
import org.kinbridge.shared.ProblemKind;

/** The package of an earlier import is no longer stored, so it cannot be run again. */
public class PackageGoneException extends DomainException {

    public PackageGoneException(String importId) {
        super(ProblemKind.CONFLICT, "package_gone",
                "The package of import " + importId + " is no longer stored; upload it again.");
    }
}
