package org.kinbridge.family;

/** One link seen from a person: the other side, the role, and where the link came from. */
public record FamilyLink(String studentSourcedId, String guardianSourcedId, String otherSourcedId, String otherName,
                         String guardianRole, boolean active, String source, String sourceRef, boolean blocked) {
}
