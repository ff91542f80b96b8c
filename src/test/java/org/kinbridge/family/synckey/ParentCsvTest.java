package org.kinbridge.family.synckey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading parent files as admins export them from a spreadsheet or a SIS. */
class ParentCsvTest {

    private static final ParentImportRequest BY_PARENT_ID = ParentImportRequest.fromQuery("ParentId", List.of("Children"), "SYNC_KEY",
            null, null, null, null);

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static ParentFile read(String csv) {
        return read(csv, BY_PARENT_ID);
    }

    private static ParentFile read(String csv, ParentImportRequest request) {
        return ParentCsv.read(bytes(csv), request, ParentCsv.DEFAULT_MAX_BYTES);
    }

    @Test
    void readsRowsWithHeadersMatchedByNameWhateverTheirCase() {
        ParentFile file = read("email,CHILDREN,givenname,parentid,FamilyName\nm@x.test,S1,Mia,P1,Brook\n");
        assertEquals(List.of(new ParentRow(2, "P1", "Mia", "Brook", "m@x.test", List.of("S1"))), file.rows());
        assertEquals(List.of(), file.issues());
    }

    @Test
    void toleratesAByteOrderMarkAndCrlf() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "ParentId,Children\r\nP1,S1\r\nP2,S2\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, file, 0, bom.length);
        System.arraycopy(body, 0, file, bom.length, body.length);
        ParentFile read = ParentCsv.read(new ByteArrayInputStream(file), BY_PARENT_ID, ParentCsv.DEFAULT_MAX_BYTES);
        assertEquals(List.of("P1", "P2"), read.rows().stream().map(ParentRow::syncValue).toList());
        assertEquals(List.of("S2"), read.rows().get(1).childIds());
    }

    @Test
    void aChildrenCellMayHoldSeveralIdsSeparatedByCommasOrSemicolons() {
        ParentFile file = read("ParentId,Children\nP1,\"S1, S2;S3 ;; S1\"\nP2,S4;S5\n");
        assertEquals(List.of("S1", "S2", "S3"), file.rows().get(0).childIds());
        assertEquals(List.of("S4", "S5"), file.rows().get(1).childIds());
    }

    @Test
    void childrenMaySpreadOverSeveralColumnsAndAreCollectedInOrderOnce() {
        ParentImportRequest request = ParentImportRequest.fromQuery("ParentId", List.of("Child1", "CHILD2", "child1"), "SYNC_KEY",
                null, null, null, null);
        assertEquals(List.of("Child1", "CHILD2"), request.childColumns(), "a column named twice counts once");
        ParentFile file = read("ParentId,Child1,Child2,Child3\nP1,S1,\"S2; S1\",S9\nP2,,,S8\n", request);
        assertEquals(List.of("S1", "S2"), file.rows().get(0).childIds(), "only the chosen columns");
        assertEquals(List.of(), file.rows().get(1).childIds());
        assertEquals(List.of(ImportIssue.warning(3, "Child1, CHILD2", ImportIssue.MISSING_VALUE,
                "The row names no child, so this parent is linked to nobody by this import.")), file.issues());
        assertEquals("missing_column", assertThrows(BrokenParentFileException.class,
                () -> read("ParentId,Child1\nP1,S1\n", request)).error());
    }

    @Test
    void theColumnsToChooseFromComeWithTheFirstRowsAndTheRowCount() {
        String longCell = "z".repeat(100);
        ParentFileColumns columns = ParentCsv.columns(bytes("\uFEFFParentId, Children ,,parentid,Email\n"
                + "P1,\"S1,S2\",x,y,a@x.test\n\nP2,S3\nP3," + longCell + "\nP4,S5\n"), ParentCsv.DEFAULT_MAX_BYTES);
        assertEquals(List.of("ParentId", "Children", "Email"), columns.columns(), "named columns, each name once");
        assertEquals(List.of(List.of("P1", "S1,S2", "a@x.test"), List.of("P2", "S3", ""), List.of("P3", "z".repeat(59) + "…", "")),
                columns.sampleRows());
        assertEquals(4, columns.rowCount(), "blank lines are not rows");
        assertEquals("empty_file", assertThrows(BrokenParentFileException.class,
                () -> ParentCsv.columns(bytes(""), ParentCsv.DEFAULT_MAX_BYTES)).error());
        assertEquals("file_too_large", assertThrows(BrokenParentFileException.class,
                () -> ParentCsv.columns(bytes("ParentId,Children\n" + "P,S\n".repeat(1000)), 2048)).error());
    }

    @Test
    void everyRowSharingASyncValueIsRefusedAndReported() {
        ParentFile file = read("ParentId,Children\nP1,S1\nP2,S2\nP1,S3\n");
        assertEquals(List.of("P2"), file.rows().stream().map(ParentRow::syncValue).toList());
        assertEquals(List.of(2, 4), file.issues().stream().map(ImportIssue::row).toList());
        assertTrue(file.issues().stream().allMatch(i -> i.code().equals(ImportIssue.DUPLICATE_SYNC_VALUE) && i.rowRefused()
                && i.column().equals("ParentId") && i.message().contains("rows 2, 4")), file.issues().toString());
    }

    @Test
    void aRowWithoutASyncValueIsRefusedAndARowWithoutChildrenIsKeptWithAWarning() {
        ParentFile file = read("ParentId,Children\n ,S1\nP2,\n");
        assertEquals(List.of("P2"), file.rows().stream().map(ParentRow::syncValue).toList());
        assertEquals(List.of(), file.rows().get(0).childIds());
        assertEquals(List.of(ImportIssue.refusal(2, "ParentId", ImportIssue.MISSING_VALUE, "The row has no sync value, so it cannot be imported."),
                ImportIssue.warning(3, "Children", ImportIssue.MISSING_VALUE,
                        "The row names no child, so this parent is linked to nobody by this import.")), file.issues());
    }

    @Test
    void aSyncValueTooLongForAnIdIsRefused() {
        ParentFile file = read("ParentId,Children\n" + "x".repeat(251) + ",S1\n" + "y".repeat(250) + ",S1\n");
        assertEquals(1, file.rows().size());
        assertEquals(ImportIssue.VALUE_TOO_LONG, file.issues().get(0).code());
    }

    @Test
    void blankLinesAreSkippedAndRowsKeepTheirRecordNumbers() {
        ParentFile file = read("ParentId,Children\nP1,S1\n,\n\nP2,S2");
        assertEquals(List.of(2, 4), file.rows().stream().map(ParentRow::row).toList());
    }

    @Test
    void nameColumnsAreOptionalUnlessNamedExplicitly() {
        ParentFile file = read("ParentId,Children\nP1,S1\n");
        assertNull(file.rows().get(0).givenName());
        ParentImportRequest named = ParentImportRequest.fromQuery("ParentId", List.of("Children"), "USERNAME", "First", "Last", "Mail", "true");
        ParentFile mapped = read("ParentId,Children,first,last,mail\nP1,S1,Ann,Lee,a@x.test\n", named);
        assertEquals(new ParentRow(2, "P1", "Ann", "Lee", "a@x.test", List.of("S1")), mapped.rows().get(0));
        BrokenParentFileException missing = assertThrows(BrokenParentFileException.class,
                () -> read("ParentId,Children\nP1,S1\n", named));
        assertEquals("missing_column", missing.error());
        assertTrue(missing.detail().contains("'First'") && missing.detail().contains("givenNameColumn"), missing.detail());
    }

    @Test
    void aMissingChosenColumnRefusesTheFileNamingIt() {
        BrokenParentFileException e = assertThrows(BrokenParentFileException.class, () -> read("Parent,Children\nP1,S1\n"));
        assertEquals("missing_column", e.error());
        assertEquals("The file has no 'ParentId' column (named by syncColumn).", e.detail());
        assertEquals("missing_column", assertThrows(BrokenParentFileException.class,
                () -> read("ParentId,Kids\nP1,S1\n")).error());
    }

    @Test
    void anEmptyOrMalformedFileIsRefused() {
        assertEquals("empty_file", assertThrows(BrokenParentFileException.class, () -> read("")).error());
        BrokenParentFileException unclosed = assertThrows(BrokenParentFileException.class,
                () -> read("ParentId,Children\nP1,\"S1\nP2,S2\n" + "x".repeat(70_000)));
        assertEquals("invalid_csv", unclosed.error());
    }

    @Test
    void aFileOverTheLimitIsRefused() {
        String csv = "ParentId,Children\n" + "P,S\n".repeat(1000);
        BrokenParentFileException e = assertThrows(BrokenParentFileException.class,
                () -> ParentCsv.read(bytes(csv), BY_PARENT_ID, 1024 * 1024 / 512));
        assertEquals("file_too_large", e.error());
    }

    @Test
    void requestsAreCheckedBeforeAnyFileIsRead() {
        assertEquals("invalid_child_match", assertThrows(org.kinbridge.shared.InvalidRequestException.class,
                () -> ParentImportRequest.fromQuery("a", List.of("b"), "EMAIL", null, null, null, null)).error());
        assertEquals("missing_parameter", assertThrows(org.kinbridge.shared.InvalidRequestException.class,
                () -> ParentImportRequest.fromQuery(" ", List.of("b"), "USERNAME", null, null, null, null)).error());
        assertEquals("invalid_columns", assertThrows(org.kinbridge.shared.InvalidRequestException.class,
                () -> ParentImportRequest.fromQuery("Id", List.of("id"), "USERNAME", null, null, null, null)).error());
        assertEquals("invalid_preview", assertThrows(org.kinbridge.shared.InvalidRequestException.class,
                () -> ParentImportRequest.fromQuery("a", List.of("b"), "username", null, null, null, "yes")).error());
        assertEquals(ChildMatch.USERNAME, ParentImportRequest.fromQuery("a", List.of("b"), "username", null, null, null, null).childMatch());
        assertEquals("missing_parameter", assertThrows(org.kinbridge.shared.InvalidRequestException.class,
                () -> ParentImportRequest.fromQuery("a", List.of(), "USERNAME", null, null, null, null)).error());
        assertEquals("invalid_columns", assertThrows(org.kinbridge.shared.InvalidRequestException.class,
                () -> ParentImportRequest.fromQuery("Id", List.of("Kids", "ID"), "USERNAME", null, null, null, null)).error());
    }
}
