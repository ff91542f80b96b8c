package org.kinbridge.family.synckey;

/** A stored link of an adult this import may own: whether it is active and which source made it. */
public record ExistingLink(String studentSourcedId, String guardianSourcedId, boolean active, String source) {
}
