package org.kinbridge.crosslink;

import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.text.ParseException;
import java.time.Clock;
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
 * ours, in a transaction of its own (the message's own one rolled back); always in the log.
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

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(SignedJWT jwt, DomainException refusal) {
        String sender = sender(jwt);
        LOG.log(Level.WARNING, "Refused a cross-link message from {0}: {1} ({2})", new Object[] {sender, refusal.error(), refusal.detail()});
        String school = MessageVerifier.claimedRecipientSchool(jwt);
        if (school == null || school.isBlank() || school.length() > 64) {
            return;
        }
        TenantId tenant = new TenantId(school);
        if (tenants.find(tenant).isPresent()) {
            audit.record(tenant, new AuditEntry(clock.instant(), "peer " + sender, "crosslink.message_refused",
                    "crosslink-peer:" + sender, refusal.error() + ": " + refusal.detail()));
        }
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
