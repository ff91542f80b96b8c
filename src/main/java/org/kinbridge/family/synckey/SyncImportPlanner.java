package org.kinbridge.family.synckey;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kinbridge.family.LinkSource;
import org.kinbridge.family.RosterPerson;

/**
 * Decides what a parent file changes, as pure code over what is stored. Per row: the parent is created,
 * updated or left as is; each matched child is linked unless the pair is blocked or the parent's new links are
 * on hold (then only the links they have stay); the parent's active
 * sync-key links to children the row no longer names are ended. Links of other sources are never
 * changed; parents absent from the file, or whose row was refused, are left exactly as they are.
 */
public final class SyncImportPlanner {

    private final ChildMatcher matcher;
    private final String childColumn;
    private final Map<String, String> parentFingerprints;
    private final Map<String, Map<String, ExistingLink>> linksByGuardian;
    private final Set<String> blockedPairs;
    private final Set<String> heldAdults;

    /**
     * @param childColumn        the children column(s), as issues about a row's children name them
     * @param parentFingerprints the stored fingerprint of each {@code sync:} person, by sourcedId
     * @param linksByGuardian    stored links of {@code sync:} adults, by guardian then student sourcedId
     * @param blockedPairs       {@link #pair(String, String)} of every blocked student and adult
     * @param heldAdults         sourcedIds of adults whose new links are on hold
     */
    public SyncImportPlanner(ChildMatcher matcher, String childColumn, Map<String, String> parentFingerprints,
                             Map<String, Map<String, ExistingLink>> linksByGuardian, Set<String> blockedPairs,
                             Set<String> heldAdults) {
        this.matcher = matcher;
        this.childColumn = childColumn;
        this.parentFingerprints = parentFingerprints;
        this.linksByGuardian = linksByGuardian;
        this.blockedPairs = blockedPairs;
        this.heldAdults = heldAdults;
    }

    public static String pair(String studentSourcedId, String guardianSourcedId) {
        return studentSourcedId + '\u0000' + guardianSourcedId;
    }

    /** The person a row describes: an active adult whose only role is parent. */
    static RosterPerson personOf(ParentRow row) {
        return new RosterPerson(row.sourcedId(), true, Optional.empty(), List.of("parent"), Optional.empty(),
                row.givenName(), row.familyName(), null, row.email(), null, List.of(), List.of());
    }

    public SyncImportPlan plan(ParentFile file) {
        Accumulator plan = new Accumulator(new ArrayList<>(file.issues()));
        for (ParentRow row : file.rows()) {
            planParent(row, plan);
            planLinks(row, plan);
        }
        plan.issues.sort(Comparator.comparingInt(ImportIssue::row));
        return new SyncImportPlan(plan.parentsToCreate, plan.parentsToUpdate, plan.parentsUnchanged, plan.linksToCreate,
                plan.linksToRestore, plan.linksToEnd, plan.linksUnchanged, plan.issues);
    }

    private void planParent(ParentRow row, Accumulator plan) {
        RosterPerson person = personOf(row);
        String stored = parentFingerprints.get(row.sourcedId());
        if (stored == null) {
            plan.parentsToCreate.add(new PlannedParent(row.row(), row.syncValue(), person));
        } else if (!stored.equals(person.fingerprint())) {
            plan.parentsToUpdate.add(new PlannedParent(row.row(), row.syncValue(), person));
        } else {
            plan.parentsUnchanged++;
        }
    }

    private void planLinks(ParentRow row, Accumulator plan) {
        String guardian = row.sourcedId();
        Map<String, ExistingLink> stored = linksByGuardian.getOrDefault(guardian, Map.of());
        Set<String> wanted = new LinkedHashSet<>();
        for (String childId : row.childIds()) {
            matchedChild(row, childId, plan).ifPresent(wanted::add);
        }
        for (String student : wanted) {
            PlannedLink link = new PlannedLink(row.row(), row.syncValue(), student, guardian);
            ExistingLink current = stored.get(student);
            if (heldAdults.contains(guardian) && (current == null || !current.active())) {
                plan.issues.add(ImportIssue.warning(row.row(), childColumn, ImportIssue.NEW_LINKS_HELD, "New links for this "
                        + "parent are on hold (a restriction is recorded), so " + student + " is not linked."));
            } else if (current == null) {
                plan.linksToCreate.add(link);
            } else if (current.active()) {
                plan.linksUnchanged++;
            } else if (isSyncKey(current)) {
                plan.linksToRestore.add(link);
            } else {
                plan.issues.add(ImportIssue.warning(row.row(), childColumn, ImportIssue.ENDED_ELSEWHERE, "The ended "
                        + current.source() + " link between " + student + " and this parent is left ended: this import "
                        + "restores only links it made."));
            }
        }
        stored.values().stream()
                .filter(link -> link.active() && isSyncKey(link) && !wanted.contains(link.studentSourcedId()))
                .sorted(Comparator.comparing(ExistingLink::studentSourcedId))
                .forEach(link -> plan.linksToEnd.add(new PlannedLink(row.row(), row.syncValue(), link.studentSourcedId(), guardian)));
    }

    private Optional<String> matchedChild(ParentRow row, String childId, Accumulator plan) {
        ChildMatcher.Match match = matcher.match(childId);
        if (match.ambiguous()) {
            plan.issues.add(ImportIssue.warning(row.row(), childColumn, ImportIssue.AMBIGUOUS_CHILD, "More than one active student has "
                    + matcher.describe(childId) + "; name the child by another id."));
            return Optional.empty();
        }
        if (!match.found()) {
            plan.issues.add(ImportIssue.warning(row.row(), childColumn, ImportIssue.UNKNOWN_CHILD, "No active student of this school has "
                    + matcher.describe(childId) + "."));
            return Optional.empty();
        }
        if (blockedPairs.contains(pair(match.studentSourcedId(), row.sourcedId()))) {
            plan.issues.add(ImportIssue.warning(row.row(), childColumn, ImportIssue.BLOCKED_PAIR, "An admin blocked linking "
                    + match.studentSourcedId() + " to this parent, so they are not linked."));
            return Optional.empty();
        }
        return Optional.of(match.studentSourcedId());
    }

    private static boolean isSyncKey(ExistingLink link) {
        return LinkSource.SYNC_KEY.name().equals(link.source());
    }

    private static final class Accumulator {
        final List<ImportIssue> issues;
        final List<PlannedParent> parentsToCreate = new ArrayList<>();
        final List<PlannedParent> parentsToUpdate = new ArrayList<>();
        final List<PlannedLink> linksToCreate = new ArrayList<>();
        final List<PlannedLink> linksToRestore = new ArrayList<>();
        final List<PlannedLink> linksToEnd = new ArrayList<>();
        int parentsUnchanged;
        int linksUnchanged;

        Accumulator(List<ImportIssue> issues) {
            this.issues = issues;
        }
    }
}
