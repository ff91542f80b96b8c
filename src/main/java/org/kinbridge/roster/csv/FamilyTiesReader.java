package org.kinbridge.roster.csv;

import java.util.function.Consumer;
import org.kinbridge.family.FamilyTies;

/**
 * Gathers what the link rules need from a package: users with their status and agents, their roles
 * (1.1's users.csv column, 1.2's and SDS's roles.csv) and SDS relationships. Files the manifest marks
 * absent are skipped. A delta package gives only its own rows: merging them with the stored ones is the
 * importer's work.
 */
public final class FamilyTiesReader {

    private FamilyTiesReader() {
    }

    public static FamilyTies read(RosterPackage rosterPackage, Consumer<ImportIssue> issues) {
        FamilyTies ties = new FamilyTies();
        if (rosterPackage.modeOf(UserRow.FILE_NAME) != FileMode.ABSENT) {
            rosterPackage.readUsers(user -> addUser(ties, user, issues), issues);
        }
        if (rosterPackage.modeOf(RoleRow.FILE_NAME) != FileMode.ABSENT) {
            rosterPackage.readRoles(role -> addRole(ties, role, issues), issues);
        }
        if (rosterPackage.modeOf(RelationshipRow.FILE_NAME) != FileMode.ABSENT) {
            rosterPackage.readRelationships(relationship -> ties.addRelationship(relationship.userSourcedId(),
                    relationship.relationshipUserSourcedId(), relationship.relationshipRole()), issues);
        }
        return ties;
    }

    private static void addUser(FamilyTies ties, UserRow user, Consumer<ImportIssue> issues) {
        if (!ties.addUser(user.sourcedId(), user.status(), user.agentSourcedIds())) {
            issues.accept(new ImportIssue(UserRow.FILE_NAME, user.row(), "sourcedId",
                    ImportIssue.DUPLICATE_SOURCED_ID,
                    "User " + user.sourcedId() + " appears on an earlier row too; this row is ignored."));
        } else if (!user.role().isEmpty()) {
            ties.addRole(user.sourcedId(), user.role(), true); // 1.1 has one role per user: the primary one
        }
    }

    private static void addRole(FamilyTies ties, RoleRow role, Consumer<ImportIssue> issues) {
        // A role marked tobedeleted (or inactive) is no longer held.
        if (role.active() && !ties.addRole(role.userSourcedId(), role.role(), role.primary())) {
            issues.accept(new ImportIssue(RoleRow.FILE_NAME, role.row(), "userSourcedId", ImportIssue.UNKNOWN_USER,
                    "The role is for user " + role.userSourcedId() + ", who is not in users.csv; it is ignored."));
        }
    }
}
