package org.kinbridge.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kinbridge.shared.InvalidRequestException;

/** Activation credentials, welcome-mail references, bulk actions and tabs: the access model's small rules. */
class InvitationsAndActionsTest {

    @Test
    void letterCodesAreTwelveUnambiguousCharactersInGroupsOfFour() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String code = Invitations.newLetterCode();
            assertTrue(code.matches("[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}"), code);
            seen.add(code);
        }
        assertEquals(200, seen.size(), "codes are random");
    }

    @Test
    void codesAreHashedCaseAndDashInsensitivelyButLinkTokensExactly() {
        String code = "ABCD-EFGH-JKLM";
        assertEquals(Invitations.hash(code), Invitations.hash("abcd efgh jklm"));
        assertEquals(Invitations.hash(code), Invitations.hash(" abcdefghjklm "));
        assertNotEquals(Invitations.hash(code), Invitations.hash("ABCD-EFGH-JKLN"));
        String token = Invitations.newLinkToken();
        assertTrue(token.length() > 16);
        assertNotEquals(Invitations.hash(token), Invitations.hash(token.toUpperCase()));
        assertEquals(43, Invitations.hash(token).length(), "SHA-256, base64url without padding");
        assertTrue(!Invitations.hash(token).contains(token));
    }

    @Test
    void usernameIsTheEmailThenTheRosterUsernameThenTheId() {
        assertEquals("paula@mail.example", Invitations.usernameFor(" Paula@Mail.Example ", "pb", "par-1"));
        assertEquals("paula.b", Invitations.usernameFor(null, " Paula.B ", "par-1"));
        assertEquals("paula.b", Invitations.usernameFor("no-at-sign", "Paula.B", "par-1"));
        assertEquals("par-1", Invitations.usernameFor(null, " ", "PAR-1"));
    }

    @Test
    void aWelcomeMailReferenceNamesTheInvitationAndThePerson() {
        List<Object> params = new ArrayList<>();
        String reference = MailOutcomes.reference("AbC_-9", "par-1");
        assertEquals("AbC_-9:par-1", reference);
        assertEquals(" WHERE tenant_id = ? AND person_sourced_id = ? AND invite_ref = ?", MailOutcomes.where("t1", reference, params));
        assertEquals(List.of("t1", "par-1", "AbC_-9"), params);
    }

    @Test
    void aPersonIdWithTheSeparatorStaysWhole() {
        List<Object> params = new ArrayList<>();
        String where = MailOutcomes.where("t1", MailOutcomes.reference("ref", "urn:x:par-1"), params);
        assertEquals(List.of("t1", "urn:x:par-1", "ref"), params, where);
    }

    @Test
    void anOldOrOverlongReferenceMatchesOnTheInvitationAlone() {
        List<Object> params = new ArrayList<>();
        assertEquals(" WHERE tenant_id = ? AND invite_ref = ?", MailOutcomes.where("t1", "ref-only", params));
        assertEquals(List.of("t1", "ref-only"), params);
        String longId = "p".repeat(252);
        assertEquals("ref:" + "p".repeat(251), MailOutcomes.reference("ref", "p".repeat(251)), "255 characters fit");
        assertEquals("ref", MailOutcomes.reference("ref", longId), "the outbox column holds 255 characters");
    }

    @Test
    void bulkActionsApplyOnlyFromTheirStates() {
        assertEquals(EnumSet.of(AccountState.READY_TO_PROVISION, AccountState.REVOKED), BulkAction.PROVISION.from);
        assertEquals(EnumSet.of(AccountState.INVITED), BulkAction.RESEND.from);
        assertEquals(EnumSet.of(AccountState.SUSPENDED), BulkAction.RESUME.from);
        assertTrue(!BulkAction.REVOKE.from.contains(AccountState.REVOKED) && !BulkAction.REVOKE.from.contains(AccountState.NOT_ELIGIBLE));
        assertTrue(!BulkAction.SUSPEND.from.contains(AccountState.SUSPENDED));
        assertEquals(BulkAction.PROVISION, BulkAction.of(" provision "));
        assertThrows(InvalidRequestException.class, () -> BulkAction.of("delete"));
        assertThrows(InvalidRequestException.class, () -> BulkAction.of(null));
    }

    @Test
    void tabsParseLeniently() {
        assertEquals(AccountTab.PROVISION, AccountTab.of(null));
        assertEquals(AccountTab.NOT_ELIGIBLE, AccountTab.of("not-eligible"));
        assertEquals(AccountTab.REVOKE, AccountTab.of(" Revoke "));
        assertThrows(InvalidRequestException.class, () -> AccountTab.of("everyone"));
    }
}
