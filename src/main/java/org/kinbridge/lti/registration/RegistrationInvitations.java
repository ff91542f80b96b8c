package org.kinbridge.lti.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import org.kinbridge.shared.SecureTokens;
import org.kinbridge.shared.TenantId;

/**
 * Issues one-time registration links and guards their single use: a link is claimed before the
 * platform is contacted, so two tabs cannot register twice, and released if the platform fails.
 */
@ApplicationScoped
public class RegistrationInvitations {

    static final Duration LIFETIME = Duration.ofDays(7);

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private PlatformRegistrations registrations;

    /** A new link token for the tenant; only its hash is kept. */
    @Transactional
    public IssuedInvitation issue(TenantId tenant) {
        String token = SecureTokens.newToken(32);
        Instant now = clock.instant();
        RegistrationInvitation invitation = new RegistrationInvitation(tenant, SecureTokens.sha256(token), now, now.plus(LIFETIME));
        em.persist(invitation);
        return new IssuedInvitation(token, invitation.expiresAt());
    }

    /** The tenant an open link belongs to, without using it up (for the confirmation page). */
    @Transactional
    public TenantId peek(String token) {
        RegistrationInvitation invitation = findByToken(token);
        if (invitation == null || !invitation.isOpen(clock.instant())) {
            throw unusable();
        }
        return invitation.tenant();
    }

    /** Takes the link for this registration attempt; nobody else can use it until it is released. */
    @Transactional
    public TenantId claim(String token) {
        int claimed = em.createQuery("UPDATE RegistrationInvitation i SET i.status = :inProgress "
                        + "WHERE i.tokenHash = :hash AND i.status = :open AND i.expiresAt > :now")
                .setParameter("inProgress", RegistrationInvitation.Status.IN_PROGRESS)
                .setParameter("open", RegistrationInvitation.Status.OPEN)
                .setParameter("hash", hashOf(token))
                .setParameter("now", clock.instant())
                .executeUpdate();
        if (claimed != 1) {
            throw unusable();
        }
        return findByToken(token).tenant();
    }

    /** Gives a claimed link back after the platform could not be reached. */
    @Transactional
    public void release(String token) {
        em.createQuery("UPDATE RegistrationInvitation i SET i.status = :open WHERE i.tokenHash = :hash AND i.status = :inProgress")
                .setParameter("open", RegistrationInvitation.Status.OPEN)
                .setParameter("inProgress", RegistrationInvitation.Status.IN_PROGRESS)
                .setParameter("hash", hashOf(token))
                .executeUpdate();
    }

    /** Stores the platform and uses the link up, in one transaction. */
    @Transactional
    public PlatformRegistration complete(String token, PlatformEndpoints endpoints, Collection<String> deploymentIds) {
        RegistrationInvitation invitation = findByToken(token);
        PlatformRegistration registration = registrations.register(invitation.tenant(), endpoints, deploymentIds,
                PlatformRegistration.Source.DYNAMIC_REGISTRATION);
        invitation.usedFor(registration, clock.instant());
        return registration;
    }

    private RegistrationInvitation findByToken(String token) {
        return em.createQuery("SELECT i FROM RegistrationInvitation i WHERE i.tokenHash = :hash", RegistrationInvitation.class)
                .setParameter("hash", hashOf(token))
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    private static String hashOf(String token) {
        return SecureTokens.sha256(token == null ? "" : token);
    }

    private static RegistrationLinkRefusedException unusable() {
        return new RegistrationLinkRefusedException(
                "This registration link is unknown, expired or already used. Ask your Kinbridge operator for a new one.");
    }

    public record IssuedInvitation(String token, Instant expiresAt) {
    }
}
