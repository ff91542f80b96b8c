package org.kinbridge.family;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the link rules made of a roster: the valid links, the rejected pairs, and the counts an import
 * reports ({@code links_valid}, {@code excluded_teacher}, {@code listed_on_both_rows}, ...).
 *
 * @param links    one per student-adult pair
 * @param rejected each rejected pair once, in the direction it was first listed
 * @param counts   non-zero counts by key, plus {@code links_valid} always
 */
public record LinkOutcome(Set<ParentChildLink> links, List<RejectedLink> rejected, Map<String, Integer> counts) {

    public static final String LINKS_VALID = "links_valid";
    public static final String LISTED_ON_STUDENT_ROW_ONLY = "listed_on_student_row_only";
    public static final String LISTED_ON_GUARDIAN_ROW_ONLY = "listed_on_guardian_row_only";
    public static final String LISTED_ON_BOTH_ROWS = "listed_on_both_rows";
    public static final String LISTED_IN_RELATIONSHIPS_CSV = "listed_in_relationships_csv";

    public LinkOutcome {
        links = Collections.unmodifiableSet(links); // hundreds of thousands for a district: not copied
        rejected = List.copyOf(rejected);
        counts = Map.copyOf(counts);
    }

    /** The count under a key, zero if nothing was counted there. */
    public int count(String key) {
        return counts.getOrDefault(key, 0);
    }

    public int count(LinkRejection rejection) {
        return count(rejection.countKey());
    }
}
