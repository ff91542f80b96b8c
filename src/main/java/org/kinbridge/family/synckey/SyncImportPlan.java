package org.kinbridge.family.synckey;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

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

    /** Everyone this plan writes: the parents it creates or updates and both ends of each link it changes. */
    public Set<String> people() {
        Set<String> people = new LinkedHashSet<>();
        Stream.of(parentsToCreate, parentsToUpdate).flatMap(List::stream).forEach(parent -> people.add(parent.person().sourcedId()));
        Stream.of(linksToCreate, linksToRestore, linksToEnd).flatMap(List::stream)
                .forEach(link -> people.addAll(List.of(link.studentSourcedId(), link.guardianSourcedId())));
        return people;
    }

    public boolean changesNothing() {
        return parentsToCreate.isEmpty() && parentsToUpdate.isEmpty() && linksToCreate.isEmpty()
                && linksToRestore.isEmpty() && linksToEnd.isEmpty();
    }
}
