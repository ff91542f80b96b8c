package org.kinbridge.roster.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The messy-file traits of real exports, one each. */
class CsvTableTest {

    private final List<ImportIssue> issues = new ArrayList<>();

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private List<UserRow> users(String csv) {
        return users(bytes(csv));
    }

    private List<UserRow> users(InputStream csv) {
        List<UserRow> rows = new ArrayList<>();
        CsvTable.stream("users.csv", csv, UserRow.REQUIRED_COLUMNS,
                row -> UserRow.from(row, issues::add).ifPresent(rows::add));
        return rows;
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstHeader() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "sourcedId,role\nu1,student\n".getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, file, 0, bom.length);
        System.arraycopy(body, 0, file, bom.length, body.length);
        assertEquals("u1", users(new ByteArrayInputStream(file)).get(0).sourcedId());
    }

    @Test
    void crlfLineEndsAndNoFinalNewlineAreRead() {
        List<UserRow> rows = users("sourcedId,role\r\nu1,student\r\nu2,parent");
        assertEquals(List.of("u1", "u2"), rows.stream().map(UserRow::sourcedId).toList());
        assertEquals("parent", rows.get(1).role());
    }

    @Test
    void whitespaceAroundValuesIsTrimmed() {
        UserRow row = users("sourcedId , role\n  u1 ,  student  \n").get(0);
        assertEquals("u1", row.sourcedId());
        assertEquals("student", row.role());
    }

    @Test
    void everyCellMayBeQuoted() {
        UserRow row = users("\"sourcedId\",\"role\",\"givenName\"\n\"u1\",\"student\",\"名01\"\n").get(0);
        assertEquals("u1", row.sourcedId());
        assertEquals("名01", row.givenName());
    }

    @Test
    void columnsAreFoundByNameInAnyOrderAndCase() {
        UserRow row = users("ROLE,givenname,SourcedID\nteacher,Ann,t1\n").get(0);
        assertEquals("t1", row.sourcedId());
        assertEquals("teacher", row.role());
        assertEquals("Ann", row.givenName());
    }

    @Test
    void unknownColumnsAreIgnored() {
        UserRow row = users("sourcedId,ext_favouriteColour,metadata.x,role\nu1,blue,y,student\n").get(0);
        assertEquals("student", row.role());
        assertEquals(List.of(), issues);
    }

    @Test
    void booleansAreReadInAnyCase() {
        List<UserRow> rows = users("sourcedId,enabledUser\nu1,TRUE\nu2,true\nu3,False\nu4,\n");
        assertEquals(List.of(Optional.of(true), Optional.of(true), Optional.of(false), Optional.empty()),
                rows.stream().map(UserRow::enabledUser).toList());
    }

    @Test
    void severalIdsInOneQuotedCellAreSplitAndTrimmed() {
        UserRow row = users("sourcedId,agentSourcedIds\nu1,\"p1, p2 ,p3,,\"\n").get(0);
        assertEquals(List.of("p1", "p2", "p3"), row.agentSourcedIds());
    }

    @Test
    void theOneRosterOneZeroColumnAgentsIsAccepted() {
        UserRow row = users("sourcedId,agents\nu1,\"p1,p2\"\n").get(0);
        assertEquals(List.of("p1", "p2"), row.agentSourcedIds());
    }

    @Test
    void shortRowsReadMissingCellsAsEmpty() {
        UserRow row = users("sourcedId,role,agentSourcedIds\nu1\n").get(0);
        assertEquals("", row.role());
        assertEquals(List.of(), row.agentSourcedIds());
    }

    @Test
    void blankRowsAreSkippedButCountedInRowNumbers() {
        List<UserRow> rows = users("sourcedId\nu1\n,\nu2\n");
        assertEquals(List.of(2, 4), rows.stream().map(UserRow::row).toList());
    }

    @Test
    void aHashIsAValueNotAComment() {
        assertEquals("#42", users("sourcedId\n#42\n").get(0).sourcedId());
    }

    @Test
    void aQuotedCellMayHoldCommasAndQuotes() {
        UserRow row = users("sourcedId,givenName\nu1,\"O\"\"Neil, Jr\"\n").get(0);
        assertEquals("O\"Neil, Jr", row.givenName());
    }

    @Test
    void aFileWithoutItsKeyColumnIsRefused() {
        BrokenPackageException e = assertThrows(BrokenPackageException.class, () -> users("id,role\nu1,student\n"));
        assertEquals("broken_package", e.error());
        assertTrue(e.detail().contains("sourcedId"), e.detail());
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThrows(BrokenPackageException.class, () -> users(""));
    }

    @Test
    void aCellFarTooLongIsRefusedWithoutEchoingIt() {
        String huge = "x".repeat(70_000);
        BrokenPackageException e = assertThrows(BrokenPackageException.class,
                () -> users("sourcedId\n\"" + huge + "\"\n"));
        assertTrue(e.detail().startsWith("users.csv"), e.detail());
        assertTrue(e.detail().length() < 200);
    }

    @Test
    void aZipEntryGrowingPastItsMeasuredSizeStopsTheFile() {
        InputStream capped = new org.kinbridge.shared.LimitedInputStream(bytes("sourcedId\nu1\nu2\nu3\n"), 12,
                () -> new BrokenPackageException("users.csv inflates past its measured size; the archive is inconsistent."));
        BrokenPackageException e = assertThrows(BrokenPackageException.class, () -> users(capped));
        assertTrue(e.detail().contains("inconsistent"), e.detail());
    }

    @Test
    void manyRowsStreamOneAtATime() {
        int count = 200_000;
        InputStream generated = new InputStream() {
            private final byte[] header = "sourcedId,role,agentSourcedIds\n".getBytes(StandardCharsets.US_ASCII);
            private byte[] current = header;
            private int position;
            private int row;

            @Override
            public int read() {
                if (position == current.length) {
                    if (row == count) {
                        return -1;
                    }
                    current = ("u" + row++ + ",student,\"p1, p2\"\n").getBytes(StandardCharsets.US_ASCII);
                    position = 0;
                }
                return current[position++];
            }
        };
        int[] seen = {0};
        CsvTable.stream("users.csv", generated, UserRow.REQUIRED_COLUMNS, row -> seen[0]++);
        assertEquals(count, seen[0]);
    }
}
