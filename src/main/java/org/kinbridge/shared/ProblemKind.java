package org.kinbridge.shared;

/** The few kinds of failure a use case can report; the web layer turns each into an HTTP status. */
public enum ProblemKind {
    INVALID,
    UNAUTHENTICATED,
    FORBIDDEN,
    NOT_FOUND,
    CONFLICT,
    TOO_MANY_REQUESTS
}
