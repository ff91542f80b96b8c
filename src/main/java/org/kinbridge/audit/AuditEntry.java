package org.kinbridge.audit;

import java.time.Instant;

/**
 * One thing that happened.
 *
 * @param actor   who did it: {@code operator}, {@code import:<id>}, or an admin's name and LTI id
 * @param action  what, as a stable code such as {@code link.created}
 * @param subject whom or what it was done to
 */
public record AuditEntry(Instant at, String actor, String action, String subject, String detail) {
}
