package org.kinbridge.family.synckey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a parent file changes, given what is stored. */
class SyncImportPlannerTest {

    private static final List<Student> STUDENTS = List.of(new Student("stu-1", "ava", "S1"),
            new Student("stu-2", "ben", "S2"), new Student("stu-3", "cara", "S3"));

    private final Map<String, String> fingerprints = new HashMap<>();
    private final Map<String, Map<String, ExistingLink>> links = new HashMap<>();
    private final Set<String> held = new java.util.HashSet<>();

    private static ParentRow row(int number, String sync, String given, String... children) {
        return new ParentRow(number, sync, given, "Brook", null, List.of(children));
    }

    private SyncImportPlan plan(Set<String> blocked, ParentRow... rows) {
        return new SyncImportPlanner(new ChildMatcher(ChildMatch.SYNC_KEY, STUDENTS), "Children", fingerprints, links, blocked, held)
                .plan(new ParentFile(List.of(rows), List.of()));
    }

    private void stored(ParentRow row) {
        fingerprints.put(row.sourcedId(), SyncImportPlanner.personOf(row).fingerprint());
    }

    private void link(String student, String guardian, boolean active, String source) {
        links.computeIfAbsent(guardian, g -> new HashMap<>()).put(student, new ExistingLink(student, guardian, active, source));
    }

    @Test
    void aNewParentIsCreatedAsAParentPersonWithAPrefixedIdAndLinked() {
        SyncImportPlan plan = plan(Set.of(), row(2, "P1", "Paula", "S1", "stu-2"));
        assertEquals(1, plan.parentsToCreate().size());
        var person = plan.parentsToCreate().get(0).person();
        assertEquals("sync:P1", person.sourcedId());
        assertEquals(List.of("parent"), person.roles());
        assertTrue(person.active());
        assertEquals(List.of(new PlannedLink(2, "P1", "stu-1", "sync:P1"), new PlannedLink(2, "P1", "stu-2", "sync:P1")),
                plan.linksToCreate());
    }

    @Test
    void theSameFileAgainChangesNothing() {
        ParentRow paula = row(2, "P1", "Paula", "S1", "S2");
        stored(paula);
        link("stu-1", "sync:P1", true, "SYNC_KEY");
        link("stu-2", "sync:P1", true, "SYNC_KEY");
        SyncImportPlan plan = plan(Set.of(), paula);
        assertTrue(plan.changesNothing(), plan.toString());
        assertEquals(1, plan.parentsUnchanged());
        assertEquals(2, plan.linksUnchanged());
    }

    @Test
    void aChangedRowUpdatesTheParentAndEndsOnlyItsOwnLinksToChildrenNoLongerListed() {
        stored(row(2, "P1", "Paula", "S1", "S2"));
        link("stu-1", "sync:P1", true, "SYNC_KEY");
        link("stu-2", "sync:P1", true, "SYNC_KEY");
        link("stu-3", "sync:P1", true, "MANUAL");
        SyncImportPlan plan = plan(Set.of(), row(5, "P1", "Pauline", "S1"));
        assertEquals("Pauline", plan.parentsToUpdate().get(0).person().givenName());
        assertEquals(List.of(new PlannedLink(5, "P1", "stu-2", "sync:P1")), plan.linksToEnd());
        assertEquals(1, plan.linksUnchanged());
        assertEquals(List.of(), plan.linksToCreate());
    }

    @Test
    void anEndedSyncKeyLinkIsRestoredButAnEndedLinkOfAnotherSourceIsLeftAndReported() {
        ParentRow paula = row(2, "P1", "Paula", "S1", "S2");
        stored(paula);
        link("stu-1", "sync:P1", false, "SYNC_KEY");
        link("stu-2", "sync:P1", false, "MANUAL");
        SyncImportPlan plan = plan(Set.of(), paula);
        assertEquals(List.of(new PlannedLink(2, "P1", "stu-1", "sync:P1")), plan.linksToRestore());
        assertEquals(List.of(), plan.linksToCreate());
        assertEquals(ImportIssue.ENDED_ELSEWHERE, plan.issues().get(0).code());
    }

    @Test
    void aBlockedPairIsNeverLinkedAndAnExistingSyncLinkToItEnds() {
        ParentRow paula = row(3, "P1", "Paula", "S1", "S2");
        stored(paula);
        link("stu-2", "sync:P1", true, "SYNC_KEY");
        SyncImportPlan plan = plan(Set.of(SyncImportPlanner.pair("stu-1", "sync:P1"), SyncImportPlanner.pair("stu-2", "sync:P1")), paula);
        assertEquals(List.of(), plan.linksToCreate());
        assertEquals(List.of(new PlannedLink(3, "P1", "stu-2", "sync:P1")), plan.linksToEnd());
        assertEquals(List.of(ImportIssue.BLOCKED_PAIR, ImportIssue.BLOCKED_PAIR), plan.issues().stream().map(ImportIssue::code).toList());
    }

    @Test
    void aParentWhoseNewLinksAreHeldKeepsTheirLinksButGetsNoNewOrRestoredOne() {
        ParentRow paula = row(4, "P1", "Paula", "S1", "S2", "S3");
        stored(paula);
        link("stu-1", "sync:P1", true, "SYNC_KEY");
        link("stu-2", "sync:P1", false, "SYNC_KEY");
        held.add("sync:P1");
        SyncImportPlan plan = plan(Set.of(), paula);
        assertEquals(1, plan.linksUnchanged());
        assertEquals(List.of(), plan.linksToCreate());
        assertEquals(List.of(), plan.linksToRestore());
        assertEquals(List.of(), plan.linksToEnd());
        assertEquals(List.of(ImportIssue.NEW_LINKS_HELD, ImportIssue.NEW_LINKS_HELD),
                plan.issues().stream().map(ImportIssue::code).toList());
    }

    @Test
    void unknownChildrenAreReportedPerRowAndTheRestIsLinked() {
        SyncImportPlan plan = plan(Set.of(), row(2, "P1", "Paula", "S1", "S9"), row(3, "P2", "Peter", "nobody"));
        assertEquals(1, plan.linksToCreate().size());
        assertEquals(List.of(2, 3), plan.issues().stream().map(ImportIssue::row).toList());
        assertTrue(plan.issues().stream().allMatch(i -> i.code().equals(ImportIssue.UNKNOWN_CHILD) && i.column().equals("Children")));
        assertTrue(plan.issues().get(0).message().contains("'S9'"), plan.issues().get(0).message());
    }

    @Test
    void parentsAbsentFromTheFileAreLeftAlone() {
        stored(row(2, "P0", "Gone", "S3"));
        link("stu-3", "sync:P0", true, "SYNC_KEY");
        SyncImportPlan plan = plan(Set.of(), row(2, "P1", "Paula", "S1"));
        assertEquals(List.of(), plan.linksToEnd());
        assertEquals(0, plan.parentsUnchanged());
    }

    @Test
    void fileIssuesAndMatchIssuesComeBackInRowOrder() {
        SyncImportPlan plan = new SyncImportPlanner(new ChildMatcher(ChildMatch.USERNAME, STUDENTS), "Kids", fingerprints, links, Set.of(), Set.of())
                .plan(new ParentFile(List.of(row(4, "P1", "Paula", "zed")),
                        List.of(ImportIssue.refusal(2, "Id", ImportIssue.MISSING_VALUE, "m"), ImportIssue.refusal(6, "Id", ImportIssue.MISSING_VALUE, "m"))));
        assertEquals(List.of(2, 4, 6), plan.issues().stream().map(ImportIssue::row).toList());
        assertEquals(List.of(true, false, true), plan.issues().stream().map(ImportIssue::rowRefused).toList(),
                "an unknown child leaves the row imported");
        ImportSummary summary = ImportSummary.of(true, plan);
        assertEquals(2, summary.rowsRefused());
        assertEquals(3, summary.issueCount());
    }
}
