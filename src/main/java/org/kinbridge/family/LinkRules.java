package org.kinbridge.family;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.kinbridge.family.FamilyTies.Member;
import org.kinbridge.family.FamilyTies.Relationship;

/**
 * DESIGN.md's "Link rules we hold to": one link per student-adult pair, whichever row lists it; one end
 * holds student, the other parent, guardian or relative, both exist and are active; extra roles do not
 * disqualify. Every other listed pair is rejected once, with a reason. Pure: no I/O, no clock.
 */
public final class LinkRules {

    private LinkRules() {
    }

    public static LinkOutcome apply(FamilyTies ties) {
        return apply(ties, id -> true);
    }

    /**
     * The rules for the pairs with at least one end in {@code focus} only: a delta import holds the
     * people it names and their neighbours, and every other pair is as the last import left it.
     */
    public static LinkOutcome applyAround(FamilyTies ties, Set<String> focus) {
        return apply(ties, focus::contains);
    }

    private static LinkOutcome apply(FamilyTies ties, Predicate<String> inFocus) {
        Tally tally = new Tally();
        for (Member member : ties.members()) {
            boolean memberInFocus = inFocus.test(member.sourcedId);
            for (String listedId : member.agents) {
                if (!memberInFocus && !inFocus.test(listedId)) {
                    continue;
                }
                Member listed = ties.member(listedId);
                boolean listedBack = listed != null && listed != member && listed.lists(member.sourcedId);
                if (listedBack && member.sourcedId.compareTo(listedId) > 0) {
                    continue; // both rows list the pair; it is decided from the other row
                }
                decide(member.sourcedId, member, listedId, listed,
                        ties.relationshipBetween(member.sourcedId, listedId), tally);
            }
        }
        for (Relationship relationship : ties.relationships()) {
            if (!inFocus.test(relationship.studentId()) && !inFocus.test(relationship.contactId())) {
                continue;
            }
            Member student = ties.member(relationship.studentId());
            Member contact = ties.member(relationship.contactId());
            boolean alsoAnAgent = (student != null && student.lists(relationship.contactId()))
                    || (contact != null && contact.lists(relationship.studentId()));
            if (!alsoAnAgent) {
                decide(relationship.studentId(), student, relationship.contactId(), contact,
                        Optional.of(relationship), tally);
            }
        }
        return tally.outcome();
    }

    private static void decide(String listerId, Member lister, String listedId, Member listed,
                               Optional<Relationship> relationship, Tally tally) {
        if (listerId.equals(listedId)) {
            tally.reject(listerId, listedId, LinkRejection.SELF);
            return;
        }
        if (lister == null || listed == null) {
            tally.reject(listerId, listedId, LinkRejection.DANGLING);
            return;
        }
        int listerRoles = lister.roles() | hintFor(listerId, relationship);
        int listedRoles = listed.roles() | hintFor(listedId, relationship);
        if (listerRoles == 0 || listedRoles == 0) {
            tally.reject(listerId, listedId, LinkRejection.NO_ROLE);
            return;
        }
        boolean listerIsChild = isChildOf(listerRoles, listedRoles);
        boolean listedIsChild = isChildOf(listedRoles, listerRoles);
        if (listerIsChild && listedIsChild) {
            tally.reject(listerId, listedId, LinkRejection.AMBIGUOUS);
            return;
        }
        if (!listerIsChild && !listedIsChild) {
            tally.reject(listerId, listedId, mismatch(listerRoles, listedRoles));
            return;
        }
        Member student = listerIsChild ? lister : listed;
        Member adult = listerIsChild ? listed : lister;
        if (!student.active || !adult.active) {
            tally.reject(listerId, listedId, LinkRejection.INACTIVE);
            return;
        }
        GuardianRole role = relationship.filter(r -> r.contactId().equals(adult.sourcedId))
                .flatMap(Relationship::role)
                .orElseGet(() -> reportedRole(adult, adult.roles() | hintFor(adult.sourcedId, relationship)));
        tally.link(new ParentChildLink(student.sourcedId, adult.sourcedId, role),
                student.lists(adult.sourcedId), adult.lists(student.sourcedId), relationship.isPresent());
    }

    private static boolean isChildOf(int childRoles, int adultRoles) {
        return RoleFlags.has(childRoles, RoleFlags.STUDENT) && RoleFlags.has(adultRoles, RoleFlags.FAMILY);
    }

    /** Neither end can be the child: say why in the admin's terms. */
    private static LinkRejection mismatch(int oneRoles, int otherRoles) {
        boolean oneIsStudent = RoleFlags.has(oneRoles, RoleFlags.STUDENT);
        boolean otherIsStudent = RoleFlags.has(otherRoles, RoleFlags.STUDENT);
        if (!oneIsStudent && !otherIsStudent) {
            return LinkRejection.ADULT_ADULT;
        }
        if (oneIsStudent && otherIsStudent) {
            return LinkRejection.STUDENT_STUDENT;
        }
        int adultRoles = oneIsStudent ? otherRoles : oneRoles;
        return RoleFlags.has(adultRoles, RoleFlags.TEACHER) ? LinkRejection.TEACHER : LinkRejection.OTHER_STAFF;
    }

    /** The role a relationships.csv row gives its contact, for that pair only. */
    private static int hintFor(String sourcedId, Optional<Relationship> relationship) {
        return relationship.filter(r -> r.contactId().equals(sourcedId))
                .map(Relationship::contactRoleFlag).orElse(0);
    }

    /** The adult's primary role if it is a family role, else the strongest family role they hold. */
    private static GuardianRole reportedRole(Member adult, int roles) {
        int primaryFamily = adult.primaryRoles() & RoleFlags.FAMILY;
        return RoleFlags.strongestFamilyRole(primaryFamily != 0 ? primaryFamily : roles & RoleFlags.FAMILY);
    }

    /** Collects the outcome while the rules run. */
    private static final class Tally {

        private final Set<ParentChildLink> links = new HashSet<>();
        private final List<RejectedLink> rejected = new ArrayList<>();
        private final Map<String, Integer> counts = new HashMap<>();

        void link(ParentChildLink link, boolean onStudentRow, boolean onGuardianRow, boolean inRelationships) {
            links.add(link);
            count(LinkOutcome.LINKS_VALID);
            if (onStudentRow && onGuardianRow) {
                count(LinkOutcome.LISTED_ON_BOTH_ROWS);
            } else if (onStudentRow) {
                count(LinkOutcome.LISTED_ON_STUDENT_ROW_ONLY);
            } else if (onGuardianRow) {
                count(LinkOutcome.LISTED_ON_GUARDIAN_ROW_ONLY);
            }
            if (inRelationships) {
                count(LinkOutcome.LISTED_IN_RELATIONSHIPS_CSV);
            }
        }

        void reject(String listerId, String listedId, LinkRejection reason) {
            rejected.add(new RejectedLink(listerId, listedId, reason));
            count(reason.countKey());
        }

        private void count(String key) {
            counts.merge(key, 1, Integer::sum);
        }

        LinkOutcome outcome() {
            counts.putIfAbsent(LinkOutcome.LINKS_VALID, 0);
            return new LinkOutcome(links, rejected, counts);
        }
    }
}
