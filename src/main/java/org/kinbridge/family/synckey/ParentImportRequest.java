package org.kinbridge.family.synckey;

import java.util.Locale;
import java.util.Optional;
import org.kinbridge.shared.InvalidRequestException;

/**
 * What an admin chose for one parent file: the sync column, the children column and how its ids are
 * matched, the name and email columns (defaults {@code givenName}, {@code familyName}, {@code email},
 * optional in the file unless named explicitly), and whether only to preview.
 */
public record ParentImportRequest(String syncColumn, String childColumn, ChildMatch childMatch,
                                  Optional<String> givenNameColumn, Optional<String> familyNameColumn,
                                  Optional<String> emailColumn, boolean preview) {

    static final String DEFAULT_GIVEN_NAME = "givenName";
    static final String DEFAULT_FAMILY_NAME = "familyName";
    static final String DEFAULT_EMAIL = "email";

    public ParentImportRequest {
        syncColumn = required("syncColumn", syncColumn);
        childColumn = required("childColumn", childColumn);
        if (childMatch == null) {
            throw new InvalidRequestException("invalid_child_match", "childMatch is INTERNAL_ID, SYNC_KEY or USERNAME.");
        }
        if (syncColumn.equalsIgnoreCase(childColumn)) {
            throw new InvalidRequestException("invalid_columns", "syncColumn and childColumn must be different columns.");
        }
        givenNameColumn = givenNameColumn.map(String::trim).filter(c -> !c.isEmpty());
        familyNameColumn = familyNameColumn.map(String::trim).filter(c -> !c.isEmpty());
        emailColumn = emailColumn.map(String::trim).filter(c -> !c.isEmpty());
    }

    /** The request as query parameters spell it; absent name columns take their defaults. */
    public static ParentImportRequest fromQuery(String syncColumn, String childColumn, String childMatch,
                                                String givenNameColumn, String familyNameColumn, String emailColumn,
                                                String preview) {
        return new ParentImportRequest(syncColumn, childColumn, ChildMatch.named(childMatch),
                Optional.ofNullable(givenNameColumn), Optional.ofNullable(familyNameColumn),
                Optional.ofNullable(emailColumn), flag(preview));
    }

    private static boolean flag(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidRequestException("invalid_preview", "preview is true or false.");
        };
    }

    private static String required(String parameter, String column) {
        if (column == null || column.isBlank()) {
            throw new InvalidRequestException("missing_parameter", parameter + " names a column of the file and is required.");
        }
        if (column.length() > 200) {
            throw new InvalidRequestException("invalid_columns", parameter + " is at most 200 characters.");
        }
        return column.trim();
    }
}
