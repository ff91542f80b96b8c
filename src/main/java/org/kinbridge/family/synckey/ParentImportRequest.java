package org.kinbridge.family.synckey;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.kinbridge.shared.InvalidRequestException;

/**
 * What an admin chose for one parent file: the sync column, the children column(s) and how their ids
 * are matched, the name and email columns (defaults {@code givenName}, {@code familyName}, {@code email},
 * optional in the file unless named explicitly), and whether only to preview.
 *
 * @param childColumns one or more columns naming the parent's children (e.g. one {@code Children} column
 *                     with several ids per cell, or {@code Child1}, {@code Child2}, ...), in the file's spelling
 */
public record ParentImportRequest(String syncColumn, List<String> childColumns, ChildMatch childMatch,
                                  Optional<String> givenNameColumn, Optional<String> familyNameColumn,
                                  Optional<String> emailColumn, boolean preview) {

    static final String DEFAULT_GIVEN_NAME = "givenName";
    static final String DEFAULT_FAMILY_NAME = "familyName";
    static final String DEFAULT_EMAIL = "email";
    /** More child columns than any family needs; it bounds the work one request can ask for. */
    private static final int MAX_CHILD_COLUMNS = 20;

    public ParentImportRequest {
        syncColumn = required("syncColumn", syncColumn);
        childColumns = distinctChildColumns(syncColumn, childColumns);
        if (childMatch == null) {
            throw new InvalidRequestException("invalid_child_match", "childMatch is INTERNAL_ID, SYNC_KEY or USERNAME.");
        }
        givenNameColumn = givenNameColumn.map(String::trim).filter(c -> !c.isEmpty());
        familyNameColumn = familyNameColumn.map(String::trim).filter(c -> !c.isEmpty());
        emailColumn = emailColumn.map(String::trim).filter(c -> !c.isEmpty());
    }

    /** The request as query parameters spell it ({@code childColumn} may repeat); absent name columns take their defaults. */
    public static ParentImportRequest fromQuery(String syncColumn, List<String> childColumns, String childMatch,
                                                String givenNameColumn, String familyNameColumn, String emailColumn,
                                                String preview) {
        return new ParentImportRequest(syncColumn, childColumns, ChildMatch.named(childMatch),
                Optional.ofNullable(givenNameColumn), Optional.ofNullable(familyNameColumn),
                Optional.ofNullable(emailColumn), flag(preview));
    }

    /** The child columns as one label, for issues about a row's children. */
    String childColumnsLabel() {
        return String.join(", ", childColumns);
    }

    private static List<String> distinctChildColumns(String syncColumn, List<String> named) {
        if (named == null || named.isEmpty()) {
            throw new InvalidRequestException("missing_parameter", "childColumn names a column of the file and is required.");
        }
        if (named.size() > MAX_CHILD_COLUMNS) {
            throw new InvalidRequestException("invalid_columns", "childColumn is given at most " + MAX_CHILD_COLUMNS + " times.");
        }
        List<String> columns = new ArrayList<>();
        for (String column : named) {
            String child = required("childColumn", column);
            if (child.equalsIgnoreCase(syncColumn)) {
                throw new InvalidRequestException("invalid_columns", "syncColumn and childColumn must be different columns.");
            }
            if (columns.stream().noneMatch(child::equalsIgnoreCase)) {
                columns.add(child);
            }
        }
        return List.copyOf(columns);
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
