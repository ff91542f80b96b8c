package org.kinbridge.roster.csv;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A Microsoft SDS v2.1 relationships.csv row: a student and one of their contacts.
 *
 * @param row                       the record number, the header being 1
 * @param userSourcedId             the student
 * @param relationshipUserSourcedId the contact
 * @param relationshipRole          parent, guardian, relative, or SDS's other, doctor, aide
 */
public record RelationshipRow(int row, String userSourcedId, String relationshipUserSourcedId, String relationshipRole) {

    public static final String FILE_NAME = "relationships.csv";
    static final List<String> REQUIRED_COLUMNS = List.of("userSourcedId", "relationshipUserSourcedId");

    static Optional<RelationshipRow> from(CsvRow row, Consumer<ImportIssue> issues) {
        Optional<String> student = Cells.required(row, "userSourcedId", issues);
        Optional<String> contact = student.flatMap(s -> Cells.required(row, "relationshipUserSourcedId", issues));
        return contact.map(c -> new RelationshipRow(row.number(), student.get(), c, row.value("relationshipRole")));
    }
}
