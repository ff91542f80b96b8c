package org.kinbridge.family.synckey;

/** An active student of the tenant, with the ids a parent file may use to name them. */
public record Student(String sourcedId, String username, String identifier) {
}
