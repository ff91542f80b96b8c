package org.kinbridge.roster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.kinbridge.family.FamilyTies;
import org.kinbridge.family.Relationship;
import org.kinbridge.family.RosterPerson;
import org.kinbridge.roster.csv.FileMode;
import org.kinbridge.roster.csv.ImportIssue;
import org.kinbridge.roster.csv.RelationshipRow;
import org.kinbridge.roster.csv.RoleRow;
import org.kinbridge.roster.csv.RosterPackage;
import org.kinbridge.roster.csv.UserRow;

/**
 * What reading a package learns, in one pass over users.csv: roles.csv is read first (it is small per
 * user), so each users.csv row becomes its stored person the moment it is read and can be written
 * while the rest of the file is still being parsed. Collects the family ties the link rules need,
 * the relationships, and every per-row issue. Writes nothing itself.
 */
final class RosterSnapshot {

    final boolean delta;
    final boolean hasRelationships;
    final FamilyTies ties = new FamilyTies();
    final Set<String> inactiveInPackage = new HashSet<>();
    final List<Relationship> relationships = new ArrayList<>();
    final Map<String, Integer> rowsRead = new LinkedHashMap<>();
    final List<ImportIssue> issues = new ArrayList<>();
    int issueCount;

    /**
     * roles.csv's roles waiting for their users.csv row; what is left once users are read names unknown
     * users. A district has a handful of distinct role sets, so users share one {@link PackageRoles} each.
     */
    private final Map<String, PackageRoles> rolesWaiting = new HashMap<>();
    private final Map<PackageRoles, PackageRoles> distinctRoles = new HashMap<>();
    private final Set<String> usersGivenRoles = new HashSet<>();
    private final Consumer<Map<String, Integer>> everyChunk;

    private RosterSnapshot(boolean delta, boolean hasRelationships, Consumer<Map<String, Integer>> everyChunk) {
        this.delta = delta;
        this.hasRelationships = hasRelationships;
        this.everyChunk = everyChunk;
    }

    /** Starts reading a package: its mode, and roles.csv. */
    static RosterSnapshot begin(RosterPackage pkg, Consumer<Map<String, Integer>> everyChunk) {
        RosterSnapshot snapshot = new RosterSnapshot(pkg.modeOf(UserRow.FILE_NAME) == FileMode.DELTA,
                pkg.modeOf(RelationshipRow.FILE_NAME) != FileMode.ABSENT, everyChunk);
        if (pkg.modeOf(RoleRow.FILE_NAME) != FileMode.ABSENT) {
            pkg.readRoles(snapshot::role, snapshot::issue);
        }
        return snapshot;
    }

    String mode() {
        return delta ? "DELTA" : "BULK";
    }

    /** A users.csv row as the person to store, roles included; empty for a repeated sourcedId (reported). */
    Optional<RosterPerson> user(UserRow row) {
        count(UserRow.FILE_NAME);
        if (!ties.addUser(row.sourcedId(), row.status(), row.agentSourcedIds())) {
            issue(new ImportIssue(UserRow.FILE_NAME, row.row(), "sourcedId", "duplicate_user",
                    "A user with sourcedId " + row.sourcedId() + " appears earlier in the file; this row is ignored."));
            return Optional.empty();
        }
        if (!row.active()) {
            inactiveInPackage.add(row.sourcedId());
        }
        List<String> roles = new ArrayList<>(2);
        Optional<String> primary = Optional.ofNullable(row.role()).filter(r -> !r.isBlank());
        primary.ifPresent(role -> {
            ties.addRole(row.sourcedId(), role, true);
            roles.add(role);
        });
        PackageRoles fromRolesFile = rolesWaiting.remove(row.sourcedId());
        if (fromRolesFile != null) {
            fromRolesFile.names().forEach(role -> ties.addRole(row.sourcedId(), role, role.equals(fromRolesFile.primary())));
            roles.addAll(fromRolesFile.names());
            if (primary.isEmpty()) {
                primary = Optional.ofNullable(fromRolesFile.primary());
            }
        }
        if (delta && !roles.isEmpty()) {
            usersGivenRoles.add(row.sourcedId()); // a delta's users given no roles keep their stored ones
        }
        List<String> orgs = new ArrayList<>(row.orgSourcedIds());
        Optional.ofNullable(row.primaryOrgSourcedId()).filter(o -> !o.isBlank() && !orgs.contains(o)).ifPresent(orgs::add);
        return Optional.of(new RosterPerson(row.sourcedId(), row.active(), row.enabledUser(), roles,
                primary.map(String::toLowerCase), row.givenName(), row.familyName(), row.username(), row.email(),
                row.identifier(), row.agentSourcedIds(), orgs));
    }

    /** After users.csv: roles of users it does not hold are reported; relationships.csv is read. */
    void finishReading(RosterPackage pkg) {
        if (!rolesWaiting.isEmpty()) {
            // Rare: read roles.csv again for the row numbers, rather than keep one per role row all along.
            Set<String> unknownUsers = Set.copyOf(rolesWaiting.keySet());
            pkg.readRoles(row -> {
                if (row.active() && unknownUsers.contains(row.userSourcedId())) {
                    issue(new ImportIssue(RoleRow.FILE_NAME, row.row(), "userSourcedId", "unknown_user",
                            "No user " + row.userSourcedId() + " in users.csv; this role is ignored."));
                }
            }, ignored -> { });
            rolesWaiting.clear();
        }
        if (hasRelationships) {
            pkg.readRelationships(this::relationship, this::issue);
        }
    }

    /** Whether this package gave the user any role (a delta user given none keeps the stored ones). */
    boolean gaveRoles(String sourcedId) {
        return usersGivenRoles.contains(sourcedId);
    }

    /** Adds a stored person's roles to the ties (a delta's user given no roles, or an unchanged neighbour). */
    void grantStoredRoles(RosterPerson person) {
        for (String role : person.roles()) {
            ties.addRole(person.sourcedId(), role, person.primaryRole().map(role::equalsIgnoreCase).orElse(false));
        }
    }

    private void role(RoleRow row) {
        count(RoleRow.FILE_NAME);
        if (!row.active()) {
            return;
        }
        PackageRoles before = rolesWaiting.get(row.userSourcedId());
        PackageRoles after = before == null ? new PackageRoles(List.of(row.role()), row.primary() ? row.role() : null)
                : before.with(row.role(), row.primary());
        rolesWaiting.put(row.userSourcedId(), distinctRoles.computeIfAbsent(after, roles -> roles));
    }

    private void relationship(RelationshipRow row) {
        count(RelationshipRow.FILE_NAME);
        if (ties.addRelationship(row.userSourcedId(), row.relationshipUserSourcedId(), row.relationshipRole())) {
            relationships.add(new Relationship(row.userSourcedId(), row.relationshipUserSourcedId(), row.relationshipRole()));
        }
    }

    void issue(ImportIssue issue) {
        issueCount++;
        if (issues.size() < RosterImports.STORED_ISSUES) {
            issues.add(issue);
        }
    }

    private void count(String file) {
        int rows = rowsRead.merge(file, 1, Integer::sum);
        if (rows % 20_000 == 0) {
            everyChunk.accept(rowsRead);
        }
    }

    /** One user's active roles.csv roles, and the primary one; shared by every user who has the same. */
    private record PackageRoles(List<String> names, String primary) {

        PackageRoles with(String role, boolean isPrimary) {
            List<String> more = new ArrayList<>(names);
            more.add(role);
            return new PackageRoles(List.copyOf(more), isPrimary ? role : primary);
        }
    }
}
