package org.kinbridge.family;

import java.util.Objects;

/**
 * A valid link: this adult is this student's family contact, in the role reported for it.
 *
 * @param studentSourcedId  the student's OneRoster sourcedId
 * @param guardianSourcedId the adult's OneRoster sourcedId
 * @param guardianRole      the adult's primary family role, else the strongest one they hold
 */
public record ParentChildLink(String studentSourcedId, String guardianSourcedId, GuardianRole guardianRole) {

    public ParentChildLink {
        Objects.requireNonNull(studentSourcedId, "studentSourcedId");
        Objects.requireNonNull(guardianSourcedId, "guardianSourcedId");
        Objects.requireNonNull(guardianRole, "guardianRole");
    }
}
