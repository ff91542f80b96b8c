package org.kinbridge.lti.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.kinbridge.shared.SecureTokens;

/**
 * OIDC state and nonce, kept in the shared database so any node can finish a login another node
 * started, and so each is usable once: consuming is a delete (or an insert under a primary key)
 * that only one request can win.
 */
@ApplicationScoped
public class OneTimeValues {

    static final Duration LOGIN_LIFETIME = Duration.ofMinutes(10);

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    /** A fresh state and nonce for a login through this registration. */
    @Transactional
    public IssuedLogin beginLogin(String registrationId, String targetLinkUri) {
        String state = SecureTokens.newToken(32);
        String nonce = SecureTokens.newToken(32);
        em.persist(new LoginState(SecureTokens.sha256(state), nonce, registrationId, targetLinkUri,
                clock.instant().plus(LOGIN_LIFETIME)));
        return new IssuedLogin(state, nonce);
    }

    /** The login this state was issued for, removing it so it cannot be used again. */
    @Transactional
    public Optional<LoginState> consumeState(String state) {
        LoginState found = em.find(LoginState.class, SecureTokens.sha256(state));
        if (found == null) {
            return Optional.empty();
        }
        int deleted = em.createQuery("DELETE FROM LoginState s WHERE s.stateHash = :hash")
                .setParameter("hash", SecureTokens.sha256(state))
                .executeUpdate();
        if (deleted == 0 || found.hasExpired(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(found);
    }

    /**
     * Records that the platform used this nonce. Returns false when it was seen before (a replay).
     * Runs in its own transaction so a replay is caught even when the launch later fails.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean firstUseOfNonce(String issuer, String nonce, Instant keepUntil) {
        String key = SecureTokens.sha256(issuer + "\n" + nonce);
        if (em.find(UsedNonce.class, key) != null) {
            return false;
        }
        em.persist(new UsedNonce(key, keepUntil));
        em.flush();
        return true;
    }

    /** Drops expired states and nonces; called periodically. */
    @Transactional
    public int purgeExpired() {
        Instant now = clock.instant();
        int states = em.createQuery("DELETE FROM LoginState s WHERE s.expiresAt < :now").setParameter("now", now).executeUpdate();
        int nonces = em.createQuery("DELETE FROM UsedNonce n WHERE n.expiresAt < :now").setParameter("now", now).executeUpdate();
        return states + nonces;
    }

    /** What the login hands to the platform: the state and nonce in clear, only here. */
    public record IssuedLogin(String state, String nonce) {
    }
}
