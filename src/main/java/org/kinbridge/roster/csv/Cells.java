package org.kinbridge.roster.csv;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/** Checks shared by every row type: status, booleans, required cells. */
final class Cells {

    private Cells() {
    }

    /**
     * The status as written (trimmed). An unknown value is kept, since the link rules treat anything but
     * blank or active as inactive, and reported so the school can fix its export.
     */
    static String checked(CsvRow row, Consumer<ImportIssue> issues) {
        String status = row.value("status");
        switch (status.toLowerCase(Locale.ROOT)) {
            case "", "active", "tobedeleted", "inactive" -> {
            }
            default -> issues.accept(row.issue("status", ImportIssue.UNKNOWN_STATUS,
                    "Status '" + status + "' is not active or tobedeleted; the record is taken as inactive."));
        }
        return status;
    }

    static boolean isActive(String status) {
        return status.isEmpty() || status.equalsIgnoreCase("active");
    }

    /** A OneRoster boolean: {@code true}/{@code false} in any case; blank is unknown. */
    static Optional<Boolean> booleanCell(CsvRow row, String column, Consumer<ImportIssue> issues) {
        String value = row.value(column);
        if (value.equalsIgnoreCase("true")) {
            return Optional.of(true);
        }
        if (value.equalsIgnoreCase("false")) {
            return Optional.of(false);
        }
        if (!value.isEmpty()) {
            issues.accept(row.issue(column, ImportIssue.NOT_A_BOOLEAN,
                    "'" + value + "' is not true or false; it is ignored."));
        }
        return Optional.empty();
    }

    /** The cell, or empty after reporting that a row needs it. */
    static Optional<String> required(CsvRow row, String column, Consumer<ImportIssue> issues) {
        String value = row.value(column);
        if (value.isEmpty()) {
            issues.accept(row.issue(column, ImportIssue.MISSING_VALUE, "The row has no " + column + "; it is skipped."));
            return Optional.empty();
        }
        return Optional.of(value);
    }
}
