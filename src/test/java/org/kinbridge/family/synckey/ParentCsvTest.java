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

    private static final ParentImportRequest BY_PARENT_ID = ParentImportRequest.fromQuery("ParentId", "Children", "SYNC_KEY",
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
    void everyRowSharingASyncValueIsRefusedAndReported() {
        ParentFile file = read("ParentId,Children\nP1,S1\nP2,S2\nP1,S3\n");
        assertEquals(List.of("P2"), file.rows().stream().map(ParentRow::syncValue).toList());
        assertEquals(List.of(2, 4), file.issues().stream().map(ImportIssue::row).toList());
        assertTrue(file.issues().stream().allMatch(i -> i.code().equals(ImportIssue.DUPLICATE_SYNC_VALUE)
                && i.column().equals("ParentId") && i.message().contains("rows 2, 4")), file.issues().toString());
    }

    @Test
    void aRowWithoutASyncValueIsRefusedAndARowWithoutChildrenIsKeptWithAWarning() {
        ParentFile file = read("ParentId,Children\n ,S1\nP2,\n");
        assertEquals(List.of("P2"), file.rows().stream().map(ParentRow::syncValue).toList());
        assertEquals(List.of(), file.rows().get(0).childIds());
        assertEquals(List.of(new ImportIssue(2, "ParentId", ImportIssue.MISSING_VALUE, "The row has no sync value, so it cannot be imported."),
                new ImportIssue(3, "Children", ImportIssue.MISSING_VALUE,
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
        ParentImportRequest named = ParentImportRequest.fromQuery("ParentId", "Children", "USERNAME", "First", "Last", "Mail", "true");
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
                () -> ParentImportRequest.fromQuery("a", "b", "EMAIL", null, null, null, null)).error());
        assertEquals("missing_parameter", assertThrows(org.kinbridge.shared.InvalidRequestException.class,
                () -> ParentImportRequest.fromQuery(" ", "b", "USERNAME", null, null, null, null)).error());
        assertEquals("invalid_columns", assertThrows(org.kinbridge.shared.InvalidRequestException.class,
                () -> ParentImportRequest.fromQuery("Id", "id", "USERNAME", null, null, null, null)).error());
        assertEquals("invalid_preview", assertThrows(org.kinbridge.shared.InvalidRequestException.class,
                () -> ParentImportRequest.fromQuery("a", "b", "username", null, null, null, "yes")).error());
        assertEquals(ChildMatch.USERNAME, ParentImportRequest.fromQuery("a", "b", "username", null, null, null, null).childMatch());
    }
}
