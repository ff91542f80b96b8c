package org.kinbridge.shared;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is making a panel request, as proven by their launch-scoped panel token.
 *
 * @param tenant          the customer the launch belongs to; every read is scoped by it
 * @param platformUserId  the LTI {@code sub} of the launching user
 * @param personSourcedId the OneRoster sourcedId from {@code lis.person_sourcedid}, if the platform sent it
 * @param displayName     the name the platform gave, for screens and the audit trail
 * @param role            what the launch allows
 * @param menteeIds       for a parent launch, the platform user ids it was given in {@code role_scope_mentor}
 */
public record Caller(TenantId tenant, String platformUserId, Optional<String> personSourcedId,
                     String displayName, Role role, List<String> menteeIds) {

    public Caller {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(platformUserId, "platformUserId");
        Objects.requireNonNull(role, "role");
        menteeIds = List.copyOf(menteeIds);
    }

    public boolean isSchoolAdmin() {
        return role == Role.SCHOOL_ADMIN;
    }

    /** How the audit trail names this caller: their name and their id at the platform. */
    public String auditName() {
        return displayName + " (" + platformUserId + ")";
    }

    public void requireSchoolAdmin() {
        if (!isSchoolAdmin()) {
            throw new NotAuthorisedException("Only a school administrator may do this.");
        }
    }
}
