package org.kinbridge.roster.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kinbridge.family.GuardianRole;
import org.kinbridge.family.LinkOutcome;
import org.kinbridge.family.LinkRules;
import org.kinbridge.family.ParentChildLink;

/** From package rows to the link rules' input: roles from either file, statuses, duplicates. */
class FamilyTiesReaderTest {

    @TempDir
    Path temp;

    private final List<ImportIssue> issues = new ArrayList<>();

    private LinkOutcome linksOf(TestZips zip) {
        try (RosterPackage p = RosterPackage.open(zip.writeTo(temp))) {
            return LinkRules.apply(FamilyTiesReader.read(p, issues::add));
        }
    }

    @Test
    void oneRosterOneOneRolesComeFromUsers() {
        LinkOutcome outcome = linksOf(TestZips.with("users.csv",
                "\uFEFFsourcedId,status,role,agentSourcedIds\r\ns1,,student,\"p1, t1\"\r\np1,active,Parent,\r\n"
                        + "t1,active,teacher,"));
        assertEquals(Set.of(new ParentChildLink("s1", "p1", GuardianRole.PARENT)), outcome.links());
        assertEquals(1, outcome.count("excluded_teacher"));
    }

    @Test
    void oneRosterOneTwoRolesComeFromRolesAndMergeAcrossOrgs() {
        LinkOutcome outcome = linksOf(TestZips.with("users.csv", "sourcedId,agentSourcedIds\ns1,a1\na1,\n")
                .and("roles.csv", "userSourcedId,roleType,role,orgSourcedId\ns1,primary,student,o1\n"
                        + "a1,primary,teacher,o1\na1,secondary,relative,o2\na1,secondary,guardian,o2\n"));
        assertEquals(Set.of(new ParentChildLink("s1", "a1", GuardianRole.GUARDIAN)), outcome.links());
        assertEquals(List.of(), issues);
    }

    @Test
    void aRoleMarkedForDeletionIsNotHeld() {
        LinkOutcome outcome = linksOf(TestZips.with("users.csv", "sourcedId,agentSourcedIds\ns1,a1\na1,\n")
                .and("roles.csv", "userSourcedId,status,role\ns1,active,student\na1,tobedeleted,parent\n"));
        assertEquals(1, outcome.count("excluded_no_role"));
    }

    @Test
    void aRoleForAUserNotInUsersIsReported() {
        linksOf(TestZips.with("users.csv", "sourcedId\ns1\n").and("roles.csv", "userSourcedId,role\nghost,student\n"));
        assertEquals(List.of(ImportIssue.UNKNOWN_USER), issues.stream().map(ImportIssue::code).toList());
        assertEquals(2, issues.get(0).row());
    }

    @Test
    void aDuplicatedUserIsReportedAndItsFirstRowKept() {
        LinkOutcome outcome = linksOf(TestZips.with("users.csv",
                "sourcedId,role,agentSourcedIds\ns1,student,p1\np1,parent,\ns1,student,\n"));
        assertEquals(1, outcome.count(LinkOutcome.LINKS_VALID));
        assertEquals(List.of(new ImportIssue("users.csv", 4, "sourcedId", ImportIssue.DUPLICATE_SOURCED_ID,
                "User s1 appears on an earlier row too; this row is ignored.")), issues);
    }

    @Test
    void filesTheManifestMarksAbsentAreNotRead() {
        LinkOutcome outcome = linksOf(TestZips.with("users.csv", "sourcedId,agentSourcedIds\ns1,a1\na1,\n")
                .and("roles.csv", "userSourcedId,role\ns1,student\na1,parent\n")
                .and("manifest.csv", "propertyName,value\noneroster.version,1.2\nfile.users,bulk\nfile.roles,absent\n"));
        assertEquals(1, outcome.count("excluded_no_role"));
    }

    @Test
    void sdsRelationshipsGiveLinksWithTheirOwnRole() {
        LinkOutcome outcome = linksOf(TestZips.with("users.csv", "sourcedId,username\n1,a\n2,b\n")
                .and("roles.csv", "userSourcedId,orgSourcedId,role,isPrimary\n1,o,student,TRUE\n")
                .and("relationships.csv", "userSourcedId,relationshipUserSourcedId,relationshipRole\n1,2,relative\n"));
        assertEquals(Set.of(new ParentChildLink("1", "2", GuardianRole.RELATIVE)), outcome.links());
        assertEquals(1, outcome.count(LinkOutcome.LISTED_IN_RELATIONSHIPS_CSV));
    }
}
