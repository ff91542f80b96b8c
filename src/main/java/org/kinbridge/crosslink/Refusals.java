package org.kinbridge.crosslink;

import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kinbridge.audit.AuditEntry;
import org.kinbridge.audit.AuditLog;
import org.kinbridge.crosslink.protocol.MessageVerifier;
import org.kinbridge.school.TenantService;
import org.kinbridge.shared.DomainException;
import org.kinbridge.shared.TenantId;

/**
 * Records a refused peer message: in the audit trail of the school it was addressed to, if that school is
 * ours, in a transaction of its own (the message's own one rolled back); always in the log. Anyone can send a
 * forged message naming a school, so the same refusal from the same sender reaches the school's audit page once per
 * {@link #AUDIT_WINDOW} (per node): the next entry after the window says how many more came in between.
 */
@ApplicationScoped
public class Refusals {

    private static final Logger LOG = Logger.getLogger(Refusals.class.getName());

    @Inject
    private AuditLog audit;

    @Inject
    private TenantService tenants;

    @Inject
    private Clock clock;

    static final Duration AUDIT_WINDOW = Duration.ofMinutes(10);

    private final RepeatCounter repeats = new RepeatCounter(AUDIT_WINDOW, 10_000);

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(SignedJWT jwt, DomainException refusal) {
        String sender = sender(jwt);
        LOG.log(Level.WARNING, "Refused a cross-link message from {0}: {1} ({2})", new Object[] {sender, refusal.error(), refusal.detail()});
        String school = MessageVerifier.claimedRecipientSchool(jwt);
        if (school == null || school.isBlank() || school.length() > 64) {
            return;
        }
        TenantId tenant = new TenantId(school);
        if (tenants.find(tenant).isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        repeats.firstInWindow(school + "\u0001" + sender + "\u0001" + refusal.error(), now).ifPresent(repeatsBefore -> {
            String more = repeatsBefore == 0 ? "" : " (" + repeatsBefore + " more like it were refused in the "
                    + AUDIT_WINDOW.toMinutes() + " minutes before, not listed)";
            audit.record(tenant, new AuditEntry(now, "peer " + sender, "crosslink.message_refused",
                    "crosslink-peer:" + sender, refusal.error() + ": " + refusal.detail() + more));
        });
    }

    private static String sender(SignedJWT jwt) {
        try {
            String issuer = jwt.getJWTClaimsSet().getIssuer();
            return issuer == null ? "(no sender)" : issuer.length() > 200 ? issuer.substring(0, 200) : issuer;
        } catch (ParseException e) {
            return "(unreadable)";
        }
    }
}
