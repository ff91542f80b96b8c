package org.kinbridge.family;

/** An SDS relationships.csv pair as stored: the user, the related person and the role between them. */
public record Relationship(String userSourcedId, String relatedSourcedId, String role) {
}
