package org.kinbridge.roster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.kinbridge.family.FamilyTies;
import org.kinbridge.family.PeopleStore;
import org.kinbridge.family.Relationship;
import org.kinbridge.family.RosterPerson;
import org.kinbridge.roster.csv.FileMode;
import org.kinbridge.roster.csv.ImportIssue;
import org.kinbridge.roster.csv.RelationshipRow;
import org.kinbridge.roster.csv.RoleRow;
import org.kinbridge.roster.csv.RosterPackage;
import org.kinbridge.roster.csv.UserRow;
import org.kinbridge.shared.TenantId;

/**
 * The first pass over a package: the family ties the link rules need (for a delta, merged over what
 * is stored, so the result equals a bulk load of the merged rows), the roles.csv roles per user,
 * the relationships, and every per-row issue. Writes nothing.
 */
final class RosterSnapshot {

    final boolean delta;
    final FamilyTies ties = new FamilyTies();
    final Map<String, List<String>> rolesFromRolesFile = new HashMap<>();
    final Map<String, String> primaryFromRolesFile = new HashMap<>();
    final Set<String> inactiveInPackage = new HashSet<>();
    final List<Relationship> relationships = new ArrayList<>();
    final boolean hasRelationships;
    final Map<String, Integer> rowsRead = new LinkedHashMap<>();
    final List<ImportIssue> issues = new ArrayList<>();
    int issueCount;

    private final Set<String> usersGivenRoles = new HashSet<>();

    private RosterSnapshot(boolean delta, boolean hasRelationships) {
        this.delta = delta;
        this.hasRelationships = hasRelationships;
    }

    static RosterSnapshot read(RosterPackage pkg, TenantId tenant, PeopleStore people, Consumer<Map<String, Integer>> everyChunk) {
        RosterSnapshot snapshot = new RosterSnapshot(pkg.modeOf(UserRow.FILE_NAME) == FileMode.DELTA,
                pkg.modeOf(RelationshipRow.FILE_NAME) != FileMode.ABSENT);
        Consumer<ImportIssue> issues = snapshot::issue;
        pkg.readUsers(row -> snapshot.user(row, issues, everyChunk), issues);
        if (pkg.modeOf(RoleRow.FILE_NAME) != FileMode.ABSENT) {
            pkg.readRoles(row -> snapshot.role(row, issues, everyChunk), issues);
        }
        if (snapshot.hasRelationships) {
            pkg.readRelationships(row -> snapshot.relationship(row, everyChunk), issues);
        }
        if (snapshot.delta) {
            snapshot.mergeStored(tenant, people);
        }
        return snapshot;
    }

    String mode() {
        return delta ? "DELTA" : "BULK";
    }

    private void user(UserRow row, Consumer<ImportIssue> issues, Consumer<Map<String, Integer>> everyChunk) {
        count(UserRow.FILE_NAME, everyChunk);
        if (!ties.addUser(row.sourcedId(), row.status(), row.agentSourcedIds())) {
            issues.accept(new ImportIssue(UserRow.FILE_NAME, row.row(), "sourcedId", "duplicate_user",
                    "A user with sourcedId " + row.sourcedId() + " appears earlier in the file; this row is ignored."));
            return;
        }
        if (!row.active()) {
            inactiveInPackage.add(row.sourcedId());
        }
        if (row.role() != null && !row.role().isBlank()) {
            ties.addRole(row.sourcedId(), row.role(), true);
            usersGivenRoles.add(row.sourcedId());
        }
    }

    private void role(RoleRow row, Consumer<ImportIssue> issues, Consumer<Map<String, Integer>> everyChunk) {
        count(RoleRow.FILE_NAME, everyChunk);
        if (!row.active()) {
            return;
        }
        if (!ties.addRole(row.userSourcedId(), row.role(), row.primary())) {
            issues.accept(new ImportIssue(RoleRow.FILE_NAME, row.row(), "userSourcedId", "unknown_user",
                    "No user " + row.userSourcedId() + " in users.csv; this role is ignored."));
            return;
        }
        usersGivenRoles.add(row.userSourcedId());
        rolesFromRolesFile.computeIfAbsent(row.userSourcedId(), id -> new ArrayList<>(2)).add(row.role());
        if (row.primary()) {
            primaryFromRolesFile.put(row.userSourcedId(), row.role());
        }
    }

    private void relationship(RelationshipRow row, Consumer<Map<String, Integer>> everyChunk) {
        count(RelationshipRow.FILE_NAME, everyChunk);
        if (ties.addRelationship(row.userSourcedId(), row.relationshipUserSourcedId(), row.relationshipRole())) {
            relationships.add(new Relationship(row.userSourcedId(), row.relationshipUserSourcedId(), row.relationshipRole()));
        }
    }

    /** Delta: stored people the package does not mention keep their rows; mentioned ones keep stored roles if given none. */
    private void mergeStored(TenantId tenant, PeopleStore people) {
        people.forEach(tenant, person -> {
            boolean mentioned = ties.hasUser(person.sourcedId());
            if (!mentioned) {
                ties.addUser(person.sourcedId(), person.active() ? "active" : "tobedeleted", person.agentSourcedIds());
            }
            if (!mentioned || !usersGivenRoles.contains(person.sourcedId())) {
                grantStoredRoles(person);
            }
        });
        if (!hasRelationships) {
            people.forEachRelationship(tenant, r -> ties.addRelationship(r.userSourcedId(), r.relatedSourcedId(), r.role()));
        }
    }

    private void grantStoredRoles(RosterPerson person) {
        for (String role : person.roles()) {
            ties.addRole(person.sourcedId(), role, person.primaryRole().map(role::equalsIgnoreCase).orElse(false));
        }
    }

    private void issue(ImportIssue issue) {
        issueCount++;
        if (issues.size() < RosterImports.STORED_ISSUES) {
            issues.add(issue);
        }
    }

    private void count(String file, Consumer<Map<String, Integer>> everyChunk) {
        int rows = rowsRead.merge(file, 1, Integer::sum);
        if (rows % 20_000 == 0) {
            everyChunk.accept(rowsRead);
        }
    }
}
