package org.kinbridge.family;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the link rules need to know about a roster, kept small: per user only the sourcedId,
 * whether they are active, role bits and the agent ids their row lists; plus relationships.csv's pairs.
 * Users come first; roles and relationships then refer to them. Not thread-safe: one import fills it.
 */
public final class FamilyTies {

    private final Map<String, Member> members = new HashMap<>();
    private final Map<String, Relationship> relationships = new LinkedHashMap<>();

    /**
     * Adds a user row. A status other than blank or {@code active} makes the user inactive.
     *
     * @return false if a user with this sourcedId was already added; the first row is kept
     */
    public boolean addUser(String sourcedId, String status, Collection<String> agentSourcedIds) {
        String id = requireId(sourcedId);
        if (members.containsKey(id)) {
            return false;
        }
        members.put(id, new Member(id, isActive(status), distinctIds(agentSourcedIds)));
        return true;
    }

    /**
     * Gives a user one more role: 1.1's users.csv {@code role} (primary), or a roles.csv row. Roles add
     * up across orgs; their dates do not matter for linking.
     *
     * @return false if no user with this sourcedId was added
     */
    public boolean addRole(String userSourcedId, String role, boolean primary) {
        Member member = members.get(requireId(userSourcedId));
        if (member == null) {
            return false;
        }
        member.grant(RoleFlags.of(role), primary);
        return true;
    }

    /**
     * Adds an SDS relationships.csv pair. Its role holds for this pair only, so one contact can be a
     * guardian of one child and a relative of another.
     *
     * @return false if this pair (in either order) was already added; the first row is kept
     */
    public boolean addRelationship(String studentSourcedId, String contactSourcedId, String relationshipRole) {
        String student = requireId(studentSourcedId);
        String contact = requireId(contactSourcedId);
        return relationships.putIfAbsent(pairKey(student, contact),
                new Relationship(student, contact, RoleFlags.of(relationshipRole),
                        GuardianRole.fromRosterName(relationshipRole))) == null;
    }

    public int userCount() {
        return members.size();
    }

    public boolean hasUser(String sourcedId) {
        return sourcedId != null && members.containsKey(sourcedId.trim());
    }

    Member member(String sourcedId) {
        return members.get(sourcedId);
    }

    Collection<Member> members() {
        return members.values();
    }

    Collection<Relationship> relationships() {
        return relationships.values();
    }

    Optional<Relationship> relationshipBetween(String oneId, String otherId) {
        return Optional.ofNullable(relationships.get(pairKey(oneId, otherId)));
    }

    static boolean isActive(String status) {
        return status == null || status.isBlank() || status.trim().equalsIgnoreCase("active");
    }

    private static String pairKey(String oneId, String otherId) {
        // Unordered: a pair is one link whichever way round it was written.
        return oneId.compareTo(otherId) <= 0 ? oneId + '\u0000' + otherId : otherId + '\u0000' + oneId;
    }

    private static String requireId(String sourcedId) {
        Objects.requireNonNull(sourcedId, "sourcedId");
        String id = sourcedId.trim();
        if (id.isEmpty()) {
            throw new IllegalArgumentException("A sourcedId is not blank");
        }
        return id;
    }

    private static String[] distinctIds(Collection<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return Member.NO_AGENTS;
        }
        // Once per users.csv row: a loop, not a stream.
        List<String> distinct = new ArrayList<>(ids.size());
        for (String id : ids) {
            String trimmed = id == null ? "" : id.trim();
            if (!trimmed.isEmpty() && !distinct.contains(trimmed)) {
                distinct.add(trimmed);
            }
        }
        return distinct.toArray(String[]::new);
    }

    /** One user, as compact as a district's worth of them needs to be. */
    static final class Member {

        static final String[] NO_AGENTS = new String[0];

        final String sourcedId;
        final boolean active;
        final String[] agents;
        private byte roles;
        private byte primaryRoles;

        Member(String sourcedId, boolean active, String[] agents) {
            this.sourcedId = sourcedId;
            this.active = active;
            this.agents = agents.length == 0 ? NO_AGENTS : agents;
        }

        void grant(int flag, boolean primary) {
            roles |= (byte) flag;
            if (primary) {
                primaryRoles |= (byte) flag;
            }
        }

        int roles() {
            return roles;
        }

        int primaryRoles() {
            return primaryRoles;
        }

        boolean lists(String otherId) {
            // Agent lists are a handful of ids; a scan beats a set per user.
            return Arrays.asList(agents).contains(otherId);
        }
    }

    /** One relationships.csv row: the role holds for this pair only. */
    record Relationship(String studentId, String contactId, int contactRoleFlag, Optional<GuardianRole> role) {
    }
}
