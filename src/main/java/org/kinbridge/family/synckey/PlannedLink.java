package org.kinbridge.family.synckey;

/** A link this import creates, restores or ends, with the row and sync value behind it. */
public record PlannedLink(int row, String syncValue, String studentSourcedId, String guardianSourcedId) {
}
