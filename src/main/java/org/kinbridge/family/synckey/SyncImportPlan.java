package org.kinbridge.family.synckey;

import java.util.List;

/** Everything one parent file would change, and what it would leave alone; nothing written yet. */
public record SyncImportPlan(List<PlannedParent> parentsToCreate, List<PlannedParent> parentsToUpdate, int parentsUnchanged,
                             List<PlannedLink> linksToCreate, List<PlannedLink> linksToRestore, List<PlannedLink> linksToEnd,
                             int linksUnchanged, List<ImportIssue> issues) {

    public SyncImportPlan {
        parentsToCreate = List.copyOf(parentsToCreate);
        parentsToUpdate = List.copyOf(parentsToUpdate);
        linksToCreate = List.copyOf(linksToCreate);
        linksToRestore = List.copyOf(linksToRestore);
        linksToEnd = List.copyOf(linksToEnd);
        issues = List.copyOf(issues);
    }

    public boolean changesNothing() {
        return parentsToCreate.isEmpty() && parentsToUpdate.isEmpty() && linksToCreate.isEmpty()
                && linksToRestore.isEmpty() && linksToEnd.isEmpty();
    }
}
