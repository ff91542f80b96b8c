package org.kinbridge.roster;

import org.kinbridge.shared.DomainException;
import org.kinbridge.shared.ProblemKind;

/** The uploaded package is larger than the configured limit. */
public class PackageTooLargeException extends DomainException {

    public PackageTooLargeException(long limitBytes) {
        super(ProblemKind.INVALID, "package_too_large",
                "The package is larger than " + (limitBytes / (1024 * 1024)) + " MB, the most Kinbridge accepts.");
    }
}
