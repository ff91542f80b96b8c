package org.kinbridge.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinkRulesTest {

    private final FamilyTies ties = new FamilyTies();

    private void user(String id, String primaryRole, String... agents) {
        userWithStatus(id, "", primaryRole, agents);
    }

    private void userWithStatus(String id, String status, String primaryRole, String... agents) {
        assertTrue(ties.addUser(id, status, List.of(agents)));
        if (primaryRole != null) {
            ties.addRole(id, primaryRole, true);
        }
    }

    private LinkOutcome outcome() {
        return LinkRules.apply(ties);
    }

    private static ParentChildLink link(String student, String adult, GuardianRole role) {
        return new ParentChildLink(student, adult, role);
    }

    private void assertOnlyRejection(LinkRejection reason) {
        LinkOutcome outcome = outcome();
        assertEquals(Set.of(), outcome.links());
        assertEquals(Map.of(LinkOutcome.LINKS_VALID, 0, reason.countKey(), 1), outcome.counts());
        assertEquals(reason, outcome.rejected().get(0).reason());
    }

    @Test
    void aParentListedOnTheStudentRowIsLinked() {
        user("s1", "student", "p1");
        user("p1", "parent");
        LinkOutcome outcome = outcome();
        assertEquals(Set.of(link("s1", "p1", GuardianRole.PARENT)), outcome.links());
        assertEquals(1, outcome.count(LinkOutcome.LISTED_ON_STUDENT_ROW_ONLY));
    }

    @Test
    void aStudentListedOnTheGuardianRowIsLinked() {
        user("s1", "student");
        user("g1", "guardian", "s1");
        LinkOutcome outcome = outcome();
        assertEquals(Set.of(link("s1", "g1", GuardianRole.GUARDIAN)), outcome.links());
        assertEquals(1, outcome.count(LinkOutcome.LISTED_ON_GUARDIAN_ROW_ONLY));
    }

    @Test
    void aPairListedOnBothRowsIsOneLink() {
        user("s1", "student", "r1");
        user("r1", "relative", "s1");
        LinkOutcome outcome = outcome();
        assertEquals(Set.of(link("s1", "r1", GuardianRole.RELATIVE)), outcome.links());
        assertEquals(Map.of(LinkOutcome.LINKS_VALID, 1, LinkOutcome.LISTED_ON_BOTH_ROWS, 1), outcome.counts());
    }

    @Test
    void repeatedAndPaddedAgentIdsCountOnce() {
        user("s1", "student", "p1", " p1 ", "p1");
        user("p1", "parent");
        assertEquals(1, outcome().count(LinkOutcome.LINKS_VALID));
    }

    @Test
    void aTeacherWhoIsAlsoAGuardianIsThatChildsGuardian() {
        user("s1", "student", "t1");
        user("t1", "teacher");
        ties.addRole("t1", "guardian", false);
        assertEquals(Set.of(link("s1", "t1", GuardianRole.GUARDIAN)), outcome().links());
    }

    @Test
    void theAdultsPrimaryFamilyRoleIsReported() {
        user("s1", "student", "a1");
        user("a1", "relative");
        ties.addRole("a1", "parent", false);
        assertEquals(Set.of(link("s1", "a1", GuardianRole.RELATIVE)), outcome().links());
    }

    @Test
    void withoutAPrimaryFamilyRoleParentBeatsGuardianBeatsRelative() {
        user("s1", "student", "a1", "a2");
        user("a1", "teacher");
        ties.addRole("a1", "relative", false);
        ties.addRole("a1", "GUARDIAN", false);
        user("a2", null);
        ties.addRole("a2", "Relative", false);
        ties.addRole("a2", "parent", false);
        assertEquals(Set.of(link("s1", "a1", GuardianRole.GUARDIAN), link("s1", "a2", GuardianRole.PARENT)),
                outcome().links());
    }

    @Test
    void rolesAreComparedCaseInsensitively() {
        user("s1", "STUDENT", "p1");
        user("p1", "Parent");
        assertEquals(1, outcome().count(LinkOutcome.LINKS_VALID));
    }

    @Test
    void anIdListedButNotInUsersIsDangling() {
        user("s1", "student", "ghost");
        assertOnlyRejection(LinkRejection.DANGLING);
    }

    @Test
    void aUserListingThemselvesIsSelf() {
        user("s1", "student", "s1");
        assertOnlyRejection(LinkRejection.SELF);
    }

    @Test
    void aTeacherListedByAStudentIsRejected() {
        user("s1", "student", "t1");
        user("t1", "teacher");
        assertOnlyRejection(LinkRejection.TEACHER);
    }

    @Test
    void otherStaffListedByAStudentIsRejected() {
        user("s1", "student");
        user("a1", "siteAdministrator", "s1");
        assertOnlyRejection(LinkRejection.OTHER_STAFF);
    }

    @Test
    void anExtensionRoleCountsAsOtherStaff() {
        user("s1", "student", "x1");
        user("x1", "ext:coach");
        assertOnlyRejection(LinkRejection.OTHER_STAFF);
    }

    @Test
    void twoAdultsAreRejected() {
        user("t1", "teacher", "p1");
        user("p1", "parent");
        assertOnlyRejection(LinkRejection.ADULT_ADULT);
    }

    @Test
    void twoStudentsAreRejected() {
        user("s1", "student", "s2");
        user("s2", "student");
        assertOnlyRejection(LinkRejection.STUDENT_STUDENT);
    }

    @Test
    void aUserWithoutRolesIsRejected() {
        user("s1", "student", "n1");
        user("n1", null);
        assertOnlyRejection(LinkRejection.NO_ROLE);
    }

    @Test
    void anInactiveEndIsRejected() {
        user("s1", "student", "p1", "p2", "p3");
        userWithStatus("p1", "tobedeleted", "parent");
        userWithStatus("p2", "inactive", "parent");
        userWithStatus("p3", "Active", "parent");
        LinkOutcome outcome = outcome();
        assertEquals(Set.of(link("s1", "p3", GuardianRole.PARENT)), outcome.links());
        assertEquals(2, outcome.count(LinkRejection.INACTIVE));
    }

    @Test
    void anInactiveStudentIsRejectedToo() {
        userWithStatus("s1", "tobedeleted", "student", "p1");
        user("p1", "parent");
        assertOnlyRejection(LinkRejection.INACTIVE);
    }

    @Test
    void twoStudentsWhoAreAlsoParentsAreAmbiguous() {
        user("a", "student", "b");
        ties.addRole("a", "parent", false);
        user("b", "student");
        ties.addRole("b", "guardian", false);
        assertOnlyRejection(LinkRejection.AMBIGUOUS);
    }

    @Test
    void aRejectedPairListedOnBothRowsCountsOnce() {
        user("s1", "student", "t1");
        user("t1", "teacher", "s1");
        assertOnlyRejection(LinkRejection.TEACHER);
    }

    @Test
    void rolesAddUpAcrossOrgs() {
        user("s1", null, "p1");
        ties.addRole("s1", "student", true);
        ties.addRole("s1", "student", true);
        user("p1", null);
        ties.addRole("p1", "teacher", true);
        ties.addRole("p1", "parent", true);
        assertEquals(Set.of(link("s1", "p1", GuardianRole.PARENT)), outcome().links());
    }

    @Test
    void aRelationshipGivesItsRoleForThatPairOnly() {
        user("s1", "student");
        user("s2", "student");
        user("c1", null);
        ties.addRelationship("s1", "c1", "guardian");
        ties.addRelationship("s2", "c1", "relative");
        LinkOutcome outcome = outcome();
        assertEquals(Set.of(link("s1", "c1", GuardianRole.GUARDIAN), link("s2", "c1", GuardianRole.RELATIVE)),
                outcome.links());
        assertEquals(2, outcome.count(LinkOutcome.LISTED_IN_RELATIONSHIPS_CSV));
    }

    @Test
    void aRelationshipAlsoListedAsAnAgentIsOneLink() {
        user("s1", "student", "c1");
        user("c1", null);
        ties.addRelationship("s1", "c1", "parent");
        ties.addRelationship("c1", "s1", "parent");
        LinkOutcome outcome = outcome();
        assertEquals(Set.of(link("s1", "c1", GuardianRole.PARENT)), outcome.links());
        assertEquals(Map.of(LinkOutcome.LINKS_VALID, 1, LinkOutcome.LISTED_ON_STUDENT_ROW_ONLY, 1,
                LinkOutcome.LISTED_IN_RELATIONSHIPS_CSV, 1), outcome.counts());
    }

    @Test
    void aRelationshipWithANonFamilyRoleIsRejected() {
        user("s1", "student");
        user("d1", null);
        ties.addRelationship("s1", "d1", "doctor");
        assertOnlyRejection(LinkRejection.OTHER_STAFF);
    }

    @Test
    void aRelationshipToAMissingContactIsDangling() {
        user("s1", "student");
        ties.addRelationship("s1", "nobody", "parent");
        assertOnlyRejection(LinkRejection.DANGLING);
    }

    @Test
    void theFirstRowOfADuplicatedUserIsKept() {
        user("s1", "student", "p1");
        assertFalse(ties.addUser("s1", "", List.of()));
        user("p1", "parent");
        assertEquals(1, outcome().count(LinkOutcome.LINKS_VALID));
    }

    @Test
    void aRoleForAnUnknownUserIsRefused() {
        assertFalse(ties.addRole("nobody", "student", true));
    }

    @Test
    void sourcedIdsAreComparedExactly() {
        user("S1", "student", "p1");
        user("p1", "parent", "s1");
        LinkOutcome outcome = outcome();
        assertEquals(1, outcome.count(LinkOutcome.LINKS_VALID));
        assertEquals(1, outcome.count(LinkRejection.DANGLING));
    }
}
