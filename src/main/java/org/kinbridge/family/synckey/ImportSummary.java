package org.kinbridge.family.synckey;

import java.util.ArrayList;
import java.util.List;

/**
 * What a parent file changed (or, for a preview, would change): counts, the first changes and issues
 * in row order (at most {@link #MAX_LISTED} of each; the counts are always complete). {@code rowsRefused}
 * counts the rows left out whole (their issues say {@code rowRefused}).
 */
public record ImportSummary(boolean preview, int parentsCreated, int parentsUpdated, int parentsUnchanged,
                            int linksCreated, int linksEnded, int linksUnchanged, int rowsRefused, int issueCount,
                            List<ImportIssue> issues, List<ParentChange> parents, List<LinkChange> links) {

    static final int MAX_LISTED = 1000;

    static ImportSummary of(boolean preview, SyncImportPlan plan) {
        List<ParentChange> parents = new ArrayList<>();
        plan.parentsToCreate().forEach(p -> parents.add(ParentChange.of(p, "create")));
        plan.parentsToUpdate().forEach(p -> parents.add(ParentChange.of(p, "update")));
        List<LinkChange> links = new ArrayList<>();
        plan.linksToCreate().forEach(l -> links.add(LinkChange.of(l, "create")));
        plan.linksToRestore().forEach(l -> links.add(LinkChange.of(l, "restore")));
        plan.linksToEnd().forEach(l -> links.add(LinkChange.of(l, "end")));
        parents.sort(java.util.Comparator.comparingInt(ParentChange::row));
        links.sort(java.util.Comparator.comparingInt(LinkChange::row));
        return new ImportSummary(preview, plan.parentsToCreate().size(), plan.parentsToUpdate().size(), plan.parentsUnchanged(),
                plan.linksToCreate().size() + plan.linksToRestore().size(), plan.linksToEnd().size(), plan.linksUnchanged(),
                (int) plan.issues().stream().filter(ImportIssue::rowRefused).mapToInt(ImportIssue::row).distinct().count(),
                plan.issues().size(), first(plan.issues()), first(parents), first(links));
    }

    private static <T> List<T> first(List<T> items) {
        return List.copyOf(items.size() <= MAX_LISTED ? items : items.subList(0, MAX_LISTED));
    }

    /** A parent to create or update, by row and sync value. */
    public record ParentChange(int row, String syncValue, String sourcedId, String action) {
        static ParentChange of(PlannedParent parent, String action) {
            return new ParentChange(parent.row(), parent.syncValue(), parent.person().sourcedId(), action);
        }
    }

    /** A link to create, restore (counted as created) or end. */
    public record LinkChange(int row, String syncValue, String studentSourcedId, String guardianSourcedId, String action) {
        static LinkChange of(PlannedLink link, String action) {
            return new LinkChange(link.row(), link.syncValue(), link.studentSourcedId(), link.guardianSourcedId(), action);
        }
    }
}
