package org.kinbridge.roster.csv;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A roles.csv row: OneRoster 1.2 ({@code roleType} primary/secondary) or SDS v2.1 ({@code isPrimary}).
 * Begin and end dates are not read: linking ignores them.
 *
 * @param row           the record number in roles.csv, the header being 1
 * @param sourcedId     the role record's own id, empty in SDS
 * @param status        as written
 * @param userSourcedId whose role it is
 * @param role          such as {@code student}, {@code guardian}, {@code ext:coach}
 * @param primary       1.2 {@code roleType=primary} or SDS {@code isPrimary=true}
 * @param orgSourcedId  where the role is held
 */
public record RoleRow(int row, String sourcedId, String status, String userSourcedId, String role, boolean primary,
                      String orgSourcedId) {

    public static final String FILE_NAME = "roles.csv";
    static final List<String> REQUIRED_COLUMNS = List.of("userSourcedId", "role");

    public boolean active() {
        return Cells.isActive(status);
    }

    static Optional<RoleRow> from(CsvRow row, Consumer<ImportIssue> issues) {
        Optional<String> user = Cells.required(row, "userSourcedId", issues);
        Optional<String> role = user.flatMap(u -> Cells.required(row, "role", issues));
        if (role.isEmpty()) {
            return Optional.empty();
        }
        boolean primary = row.value("roleType").equalsIgnoreCase("primary")
                || Cells.booleanCell(row, "isPrimary", issues).orElse(false);
        return Optional.of(new RoleRow(row.number(), row.value("sourcedId"), Cells.checked(row, issues), user.get(),
                role.get(), primary, row.value("orgSourcedId")));
    }
}
