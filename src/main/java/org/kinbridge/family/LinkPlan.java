package org.kinbridge.family;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What applying a roster's links would change: links to create or bring back, links whose role
 * changes, and roster links that end because no current row lists them any more. Pairs an admin
 * blocked, and new links of adults whose new links are on hold, are skipped and counted.
 */
public record LinkPlan(List<ParentChildLink> toCreate, List<ParentChildLink> toReactivate,
                       List<ParentChildLink> toChangeRole, List<StoredLink> toEnd, int unchanged, int activeBefore,
                       int skippedAsBlocked) {

    public LinkPlan {
        // A district's first import creates hundreds of thousands: wrapped read-only, not copied.
        toCreate = Collections.unmodifiableList(toCreate);
        toReactivate = Collections.unmodifiableList(toReactivate);
        toChangeRole = Collections.unmodifiableList(toChangeRole);
        toEnd = Collections.unmodifiableList(toEnd);
    }

    /** Both ends of every link this plan creates, brings back, re-roles or ends. */
    public Set<String> peopleTouched() {
        Set<String> people = new LinkedHashSet<>();
        Stream.of(toCreate, toReactivate, toChangeRole).flatMap(List::stream)
                .forEach(link -> people.addAll(List.of(link.studentSourcedId(), link.guardianSourcedId())));
        toEnd.forEach(link -> people.addAll(List.of(link.studentSourcedId(), link.guardianSourcedId())));
        return people;
    }

    /** The share of currently active links this plan would end, 0 when there are none. */
    public double endingShare() {
        return activeBefore == 0 ? 0 : (double) toEnd.size() / activeBefore;
    }
}
