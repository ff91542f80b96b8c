package org.kinbridge.family.synckey;

import org.kinbridge.shared.InvalidRequestException;

/** The upload cannot be read as a parent file at all (not CSV, empty, a chosen column missing, too large). */
public class BrokenParentFileException extends InvalidRequestException {

    public BrokenParentFileException(String error, String detail) {
        super(error, detail);
    }

    static BrokenParentFileException missingColumn(String parameter, String column) {
        return new BrokenParentFileException("missing_column",
                "The file has no '" + column + "' column (named by " + parameter + ").");
    }

    static BrokenParentFileException tooLarge(long maxBytes) {
        String limit = maxBytes >= 1024 * 1024 ? (maxBytes / (1024 * 1024)) + " MB" : maxBytes + " bytes";
        return new BrokenParentFileException("file_too_large",
                "The file is larger than " + limit + ", the most Kinbridge accepts.");
    }
}
