package org.kinbridge.access;

import java.time.Instant;
import java.util.List;

/**
 * A parent account as the Account Manager lists it.
 *
 * @param inviteStatus {@code EXPIRED} when the activation link ran out, {@code BOUNCED} when the welcome mail failed,
 *                     {@code QUEUED}/{@code SENT} for mail, {@code WITHDRAWN} for a queued mail a "no messages"
 *                     restriction stopped, {@code LETTER} for a printed code, else empty
 */
public record AccountRow(String personSourcedId, String name, String email, String username, AccountState state,
                         List<Reason> reasons, String inviteStatus, String mailError, Instant lastInvitedAt,
                         Instant activatedAt) {

    public record Reason(String code, String text) {
    }
}
