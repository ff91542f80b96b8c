package org.kinbridge.roster.csv;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * An orgs.csv row: the schools (and districts above them) a tenant's people belong to.
 *
 * @param row             the record number in orgs.csv, the header being 1
 * @param parentSourcedId the org above, empty at the top
 */
public record OrgRow(int row, String sourcedId, String status, String name, String type, String identifier,
                     String parentSourcedId) {

    public static final String FILE_NAME = "orgs.csv";
    static final List<String> REQUIRED_COLUMNS = List.of("sourcedId");

    public boolean active() {
        return Cells.isActive(status);
    }

    static Optional<OrgRow> from(CsvRow row, Consumer<ImportIssue> issues) {
        return Cells.required(row, "sourcedId", issues).map(sourcedId -> new OrgRow(row.number(), sourcedId,
                Cells.checked(row, issues), row.value("name"), row.value("type"), row.value("identifier"),
                row.valueOfFirst("parentSourcedId", "parent")));
    }
}
