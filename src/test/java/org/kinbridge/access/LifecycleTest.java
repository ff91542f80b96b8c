package org.kinbridge.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The reasons engine's pure rules: which facts give which reasons, and where reasons move each state. */
class LifecycleTest {

    /** An adult on the roster, flagged, with one live, eligible link to a student on roll. */
    private static Lifecycle.Facts eligible() {
        return new Lifecycle.Facts(true, true, 1, 1, 1, false, false);
    }

    private static Set<RevokeReason> reasons(boolean onRoster, boolean flagged, int live, int eligible, int onRoll,
                                             boolean restricted, boolean replaced) {
        return Lifecycle.reasons(new Lifecycle.Facts(onRoster, flagged, live, eligible, onRoll, restricted, replaced));
    }

    private static Optional<AccountState> next(AccountState current, Set<RevokeReason> reasons, boolean activated) {
        return Lifecycle.next(Optional.ofNullable(current), reasons, activated);
    }

    @Test
    void anEligibleAdultHasNoReasons() {
        assertEquals(Set.of(), Lifecycle.reasons(eligible()));
    }

    @Test
    void noActiveStudentsWhenNoLinkIsLiveAndNoFormerChildIsOnRoll() {
        assertEquals(Set.of(RevokeReason.NO_ACTIVE_STUDENTS), reasons(true, true, 0, 0, 0, false, false));
    }

    @Test
    void contactNotLinkedWhenChildrenAreStillOnRollButTheLinkEnded() {
        assertEquals(Set.of(RevokeReason.CONTACT_NOT_LINKED), reasons(true, true, 0, 0, 2, false, false));
    }

    @Test
    void contactNotLinkedWhenTheAdultsOwnRowIsNoLongerActive() {
        assertEquals(Set.of(RevokeReason.CONTACT_NOT_LINKED), reasons(false, true, 1, 1, 1, false, false));
        assertEquals(Set.of(RevokeReason.CONTACT_NOT_LINKED), reasons(false, true, 0, 0, 0, false, false),
                "an inactive row says not linked, not 'no students'");
    }

    @Test
    void relativesOffWhenOnlyRelativeLinksAreLive() {
        assertEquals(Set.of(RevokeReason.RELATIVES_OFF), reasons(true, true, 2, 0, 2, false, false));
    }

    @Test
    void flagRestrictionAndReplacementAddUp() {
        assertEquals(Set.of(RevokeReason.FLAG_REMOVED), reasons(true, false, 1, 1, 1, false, false));
        assertEquals(Set.of(RevokeReason.RESTRICTED), reasons(true, true, 1, 1, 1, true, false));
        assertEquals(Set.of(RevokeReason.REPLACED), reasons(true, true, 1, 1, 1, false, true));
        assertEquals(EnumSet.of(RevokeReason.NO_ACTIVE_STUDENTS, RevokeReason.FLAG_REMOVED, RevokeReason.RESTRICTED,
                RevokeReason.REPLACED), reasons(true, false, 0, 0, 0, true, true));
    }

    @Test
    void anAdultWithoutAnAccountBecomesReadyOnlyWhenEligible() {
        assertEquals(Optional.of(AccountState.READY_TO_PROVISION), next(null, Set.of(), false));
        assertEquals(Optional.empty(), next(null, Set.of(RevokeReason.NO_ACTIVE_STUDENTS), false));
        assertEquals(Optional.empty(), next(null, Set.of(RevokeReason.RESTRICTED), false));
    }

    @Test
    void notYetProvisionedAccountsFollowEligibility() {
        for (AccountState state : EnumSet.of(AccountState.NOT_ELIGIBLE, AccountState.READY_TO_PROVISION)) {
            assertEquals(Optional.of(AccountState.READY_TO_PROVISION), next(state, Set.of(), false), state.name());
            assertEquals(Optional.of(AccountState.NOT_ELIGIBLE), next(state, Set.of(RevokeReason.FLAG_REMOVED), false), state.name());
            assertEquals(Optional.of(AccountState.NOT_ELIGIBLE), next(state, Set.of(RevokeReason.RESTRICTED), false),
                    "no account to suspend: " + state);
        }
    }

    @Test
    void reasonsMakeLiveAccountsReadyToRevokeButNeverRevokeThem() {
        for (AccountState state : EnumSet.of(AccountState.INVITED, AccountState.ACTIVE, AccountState.READY_TO_REVOKE)) {
            for (RevokeReason reason : EnumSet.complementOf(EnumSet.of(RevokeReason.RESTRICTED))) {
                Optional<AccountState> moved = next(state, Set.of(reason), true);
                assertEquals(Optional.of(AccountState.READY_TO_REVOKE), moved, state + " with " + reason);
            }
        }
    }

    @Test
    void aRestrictionSuspendsALiveAccountAtOnce() {
        for (AccountState state : EnumSet.of(AccountState.INVITED, AccountState.ACTIVE, AccountState.READY_TO_REVOKE)) {
            assertEquals(Optional.of(AccountState.SUSPENDED), next(state, Set.of(RevokeReason.RESTRICTED), false), state.name());
            assertEquals(Optional.of(AccountState.SUSPENDED), next(state,
                    EnumSet.of(RevokeReason.RESTRICTED, RevokeReason.NO_ACTIVE_STUDENTS), true), state.name());
        }
    }

    @Test
    void clearedReasonsRestoreActiveOrInvitedByWhetherAPasswordWasSet() {
        assertEquals(Optional.of(AccountState.ACTIVE), next(AccountState.READY_TO_REVOKE, Set.of(), true));
        assertEquals(Optional.of(AccountState.INVITED), next(AccountState.READY_TO_REVOKE, Set.of(), false));
        assertEquals(Optional.of(AccountState.ACTIVE), next(AccountState.ACTIVE, Set.of(), true));
        assertEquals(Optional.of(AccountState.INVITED), next(AccountState.INVITED, Set.of(), false));
    }

    @Test
    void suspendedAndRevokedOnlyMoveByAnAdmin() {
        for (Set<RevokeReason> reasons : java.util.List.<Set<RevokeReason>>of(Set.of(), Set.of(RevokeReason.RESTRICTED),
                Set.of(RevokeReason.NO_ACTIVE_STUDENTS))) {
            assertEquals(Optional.of(AccountState.SUSPENDED), next(AccountState.SUSPENDED, reasons, true));
            assertEquals(Optional.of(AccountState.REVOKED), next(AccountState.REVOKED, reasons, false));
        }
    }

    @Test
    void everyStateHasAnOutcomeForEveryReason() {
        for (AccountState state : AccountState.values()) {
            for (RevokeReason reason : RevokeReason.values()) {
                assertTrue(next(state, Set.of(reason), false).isPresent(), state + " " + reason);
            }
        }
    }

    @Test
    void statesHoldingAUsernameAndTheirAuditActions() {
        assertEquals(EnumSet.of(AccountState.INVITED, AccountState.ACTIVE, AccountState.SUSPENDED, AccountState.READY_TO_REVOKE),
                EnumSet.copyOf(java.util.Arrays.stream(AccountState.values()).filter(AccountState::holdsUsername).toList()));
        assertEquals("account.ready_to_revoke", AccountState.READY_TO_REVOKE.auditAction());
    }

    @Test
    void reasonsAreStoredInDeclarationOrderAndReadBack() {
        Set<RevokeReason> reasons = EnumSet.of(RevokeReason.RELATIVES_OFF, RevokeReason.NO_ACTIVE_STUDENTS, RevokeReason.REPLACED);
        String stored = RevokeReason.join(reasons);
        assertEquals("NO_ACTIVE_STUDENTS,REPLACED,RELATIVES_OFF", stored);
        assertEquals(reasons, RevokeReason.parse(stored));
        assertEquals("", RevokeReason.join(Set.of()));
        assertEquals(Set.of(), RevokeReason.parse(""));
        assertEquals(Set.of(), RevokeReason.parse(null));
        assertEquals(Set.of(RevokeReason.FLAG_REMOVED), RevokeReason.parse(" FLAG_REMOVED , "));
    }

    @Test
    void transitionsAreAuditedWithActorFromToReasonAndSource() {
        var entry = ReasonsEngine.transition(java.time.Instant.EPOCH, "reasons-engine", "par-1", Optional.empty(),
                AccountState.READY_TO_PROVISION, "eligible", "import:42");
        assertEquals("account.ready_to_provision", entry.action());
        assertEquals("reasons-engine", entry.actor());
        assertEquals("par-1", entry.subject());
        assertEquals("from NOT_ELIGIBLE to READY_TO_PROVISION; reason: eligible; source: import:42", entry.detail());
    }
}
