package org.kinbridge.roster.csv;

import org.kinbridge.shared.InvalidRequestException;

/**
 * The upload cannot be read as a roster package at all (not a zip, too big, a zip bomb, an unknown
 * OneRoster version, no users.csv, a file without its key columns). Nothing of it is imported.
 */
public class BrokenPackageException extends InvalidRequestException {

    public BrokenPackageException(String detail) {
        super("broken_package", detail);
    }
}
