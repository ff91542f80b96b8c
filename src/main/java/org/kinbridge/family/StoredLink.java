package org.kinbridge.family;

/** A parent-child link as stored: who, in which role, whether it is active, and where it came from. */
public record StoredLink(String studentSourcedId, String guardianSourcedId, String guardianRole, boolean active,
                         LinkSource source, String sourceRef) {
}
