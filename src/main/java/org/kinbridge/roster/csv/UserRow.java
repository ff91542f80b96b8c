package org.kinbridge.roster.csv;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A users.csv row, 1.0 to 1.2 (and SDS v2.1), with what linking and accounts need.
 *
 * @param row                 the record number in users.csv, the header being 1
 * @param sourcedId           the user's id, trimmed
 * @param status              as written: blank, active, tobedeleted, inactive (or something odd)
 * @param enabledUser         whether the user may log in; says nothing about family ties
 * @param role                1.0/1.1's single role, empty in 1.2 (roles.csv holds them)
 * @param orgSourcedIds       1.1's orgs
 * @param primaryOrgSourcedId 1.2's primary org, empty if none
 * @param agentSourcedIds     the people this row lists as family, from {@code agentSourcedIds} or 1.0's
 *                            {@code agents}
 */
public record UserRow(int row, String sourcedId, String status, Optional<Boolean> enabledUser, String role,
                      List<String> orgSourcedIds, String primaryOrgSourcedId, String username, String givenName,
                      String familyName, String identifier, String email, List<String> agentSourcedIds) {

    public static final String FILE_NAME = "users.csv";
    static final List<String> REQUIRED_COLUMNS = List.of("sourcedId");

    public UserRow {
        orgSourcedIds = List.copyOf(orgSourcedIds);
        agentSourcedIds = List.copyOf(agentSourcedIds);
    }

    public boolean active() {
        return Cells.isActive(status);
    }

    /** The row as a user, or empty (and an issue) if it cannot be one. */
    static Optional<UserRow> from(CsvRow row, Consumer<ImportIssue> issues) {
        return Cells.required(row, "sourcedId", issues).map(sourcedId -> new UserRow(
                row.number(),
                sourcedId,
                Cells.checked(row, issues),
                Cells.booleanCell(row, "enabledUser", issues),
                row.value("role"),
                row.ids("orgSourcedIds"),
                row.value("primaryOrgSourcedId"),
                row.value("username"),
                row.value("givenName"),
                row.value("familyName"),
                row.value("identifier"),
                row.value("email"),
                row.ids("agentSourcedIds", "agents")));
    }
}
