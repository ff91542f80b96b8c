package org.kinbridge.access;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The reasons engine's rules as pure code: what an adult's family facts mean (their reasons), and where those
 * reasons move an account. Nothing is revoked here: a restriction suspends, anything else waits for an admin.
 */
public final class Lifecycle {

    private Lifecycle() {
    }

    /**
     * What the roster says about one adult.
     *
     * @param onRoster        the adult's own row is active
     * @param flagged         the parental-access flag ({@code enabledUser}) is not switched off
     * @param liveLinks       active links to active students
     * @param eligibleLinks   those of them whose role gives access here (relatives only if allowed)
     * @param studentsOnRoll  students the adult is or was linked to who are still active
     * @param restricted      a restriction on login or data is in force
     * @param replaced        another, newer account holds the same username
     */
    public record Facts(boolean onRoster, boolean flagged, int liveLinks, int eligibleLinks, int studentsOnRoll,
                        boolean restricted, boolean replaced) {
    }

    public static Set<RevokeReason> reasons(Facts facts) {
        EnumSet<RevokeReason> reasons = EnumSet.noneOf(RevokeReason.class);
        if (!facts.onRoster()) {
            reasons.add(RevokeReason.CONTACT_NOT_LINKED);
        } else if (facts.liveLinks() == 0) {
            reasons.add(facts.studentsOnRoll() == 0 ? RevokeReason.NO_ACTIVE_STUDENTS : RevokeReason.CONTACT_NOT_LINKED);
        } else if (facts.eligibleLinks() == 0) {
            reasons.add(RevokeReason.RELATIVES_OFF);
        }
        if (!facts.flagged()) {
            reasons.add(RevokeReason.FLAG_REMOVED);
        }
        if (facts.restricted()) {
            reasons.add(RevokeReason.RESTRICTED);
        }
        if (facts.replaced()) {
            reasons.add(RevokeReason.REPLACED);
        }
        return reasons;
    }

    /**
     * The state an account moves to given its reasons; empty when an adult without an account stays without one.
     *
     * @param current   the stored state, empty when no account row exists
     * @param activated whether a password was ever set (decides ACTIVE or INVITED when reasons clear)
     */
    public static Optional<AccountState> next(Optional<AccountState> current, Set<RevokeReason> reasons, boolean activated) {
        boolean eligible = reasons.isEmpty();
        if (current.isEmpty()) {
            return eligible ? Optional.of(AccountState.READY_TO_PROVISION) : Optional.empty();
        }
        return Optional.of(switch (current.get()) {
            case NOT_ELIGIBLE, READY_TO_PROVISION -> eligible ? AccountState.READY_TO_PROVISION : AccountState.NOT_ELIGIBLE;
            case INVITED, ACTIVE, READY_TO_REVOKE -> reasons.contains(RevokeReason.RESTRICTED) ? AccountState.SUSPENDED
                    : !eligible ? AccountState.READY_TO_REVOKE
                    : activated ? AccountState.ACTIVE : AccountState.INVITED;
            case SUSPENDED -> AccountState.SUSPENDED;
            case REVOKED -> AccountState.REVOKED;
        });
    }
}
