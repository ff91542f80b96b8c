package org.kinbridge.roster.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A bad row is reported and skipped (or kept, where it can still be used); the file goes on. */
class RowIssuesTest {

    private final List<ImportIssue> issues = new ArrayList<>();

    private <T> List<T> rows(String file, String csv, List<String> required,
                             BiFunction<CsvRow, Consumer<ImportIssue>, Optional<T>> mapping) {
        List<T> rows = new ArrayList<>();
        CsvTable.stream(file, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), required,
                row -> mapping.apply(row, issues::add).ifPresent(rows::add));
        return rows;
    }

    @Test
    void aUserWithoutSourcedIdIsSkippedAndTheNextRowRead() {
        List<UserRow> users = rows("users.csv", "sourcedId,role\n,student\nu2,parent\n",
                UserRow.REQUIRED_COLUMNS, UserRow::from);
        assertEquals(List.of("u2"), users.stream().map(UserRow::sourcedId).toList());
        assertEquals(List.of(new ImportIssue("users.csv", 2, "sourcedId", ImportIssue.MISSING_VALUE,
                "The row has no sourcedId; it is skipped.")), issues);
    }

    @Test
    void anUnknownStatusIsReportedAndTheRowKeptAsInactive() {
        UserRow user = rows("users.csv", "sourcedId,status\nu1,suspended\n", UserRow.REQUIRED_COLUMNS,
                UserRow::from).get(0);
        assertEquals(false, user.active());
        assertEquals(ImportIssue.UNKNOWN_STATUS, issues.get(0).code());
        assertEquals("status", issues.get(0).column());
    }

    @Test
    void legacyStatusesAreKnownAndInactive() {
        List<UserRow> users = rows("users.csv", "sourcedId,status\nu1,inactive\nu2,tobedeleted\nu3,ACTIVE\nu4,\n",
                UserRow.REQUIRED_COLUMNS, UserRow::from);
        assertEquals(List.of(false, false, true, true), users.stream().map(UserRow::active).toList());
        assertEquals(List.of(), issues);
    }

    @Test
    void aBadBooleanIsReportedAndTheRowKept() {
        UserRow user = rows("users.csv", "sourcedId,enabledUser\nu1,yes\n", UserRow.REQUIRED_COLUMNS,
                UserRow::from).get(0);
        assertEquals(Optional.empty(), user.enabledUser());
        assertEquals(ImportIssue.NOT_A_BOOLEAN, issues.get(0).code());
    }

    @Test
    void oneRosterOneTwoRolesTellPrimaryByRoleType() {
        List<RoleRow> roles = rows("roles.csv",
                "sourcedId,status,dataLastModified,userSourcedId,roleType,role,beginDate,endDate,orgSourcedId,,\r\n"
                        + "r1,active,2025-01-01,u1,primary,teacher,2024-03-06,2025-09-23,o1\r\n"
                        + "r2,active,2025-01-01,u1,secondary,guardian,2024-03-06,2025-09-23,o1",
                RoleRow.REQUIRED_COLUMNS, RoleRow::from);
        assertEquals(List.of(true, false), roles.stream().map(RoleRow::primary).toList());
        assertEquals("guardian", roles.get(1).role());
        assertEquals(List.of(), issues);
    }

    @Test
    void sdsRolesTellPrimaryByIsPrimary() {
        List<RoleRow> roles = rows("roles.csv", "userSourcedId,orgSourcedId,role,isPrimary\nu1,o1,student,TRUE\n"
                + "u1,o2,student,FALSE\n", RoleRow.REQUIRED_COLUMNS, RoleRow::from);
        assertEquals(List.of(true, false), roles.stream().map(RoleRow::primary).toList());
    }

    @Test
    void aRoleWithoutRoleIsSkipped() {
        List<RoleRow> roles = rows("roles.csv", "userSourcedId,role\nu1,\nu2,student\n",
                RoleRow.REQUIRED_COLUMNS, RoleRow::from);
        assertEquals(1, roles.size());
        assertEquals("role", issues.get(0).column());
    }

    @Test
    void relationshipsNeedBothEnds() {
        List<RelationshipRow> rows = rows("relationships.csv",
                "userSourcedId,relationshipUserSourcedId,relationshipRole\ns1,c1,guardian\ns2,,parent\n",
                RelationshipRow.REQUIRED_COLUMNS, RelationshipRow::from);
        assertEquals(List.of(new RelationshipRow(2, "s1", "c1", "guardian")), rows);
        assertEquals(3, issues.get(0).row());
        assertTrue(issues.get(0).message().contains("relationshipUserSourcedId"));
    }

    @Test
    void orgsAreReadMinimally() {
        List<OrgRow> orgs = rows("orgs.csv", "sourcedId,name,type,parentSourcedId\n110003,School,school,110004\n",
                OrgRow.REQUIRED_COLUMNS, OrgRow::from);
        assertEquals(new OrgRow(2, "110003", "", "School", "school", "", "110004"), orgs.get(0));
    }
}
