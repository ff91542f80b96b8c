package org.kinbridge.lti.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kinbridge.shared.persistence.DatabaseReady;
import org.kinbridge.shared.persistence.StartupLock;

/**
 * The tool's key pairs, kept in the database so every node and every restart signs with the same key.
 * Rotation adds a new signing key and keeps the old one published until it is retired.
 */
@ApplicationScoped
public class ToolKeys {

    private static final Logger LOG = Logger.getLogger(ToolKeys.class.getName());

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private StartupLock startupLock;

    @Transactional
    void ensureSigningKey(@Observes DatabaseReady ready) {
        startupLock.acquire();
        if (em.createNamedQuery("ToolKey.active", ToolKey.class).getResultList().isEmpty()) {
            ToolKey key = newKey();
            LOG.log(Level.INFO, "Created the tool signing key {0}", key.kid());
        }
    }

    /** The key that signs everything the tool sends now. */
    @Transactional
    public RSAKey signingKey() {
        List<ToolKey> active = em.createNamedQuery("ToolKey.active", ToolKey.class).getResultList();
        if (active.isEmpty()) {
            throw new IllegalStateException("No active tool key: the database is not initialised");
        }
        return active.get(0).keyPair();
    }

    /** The public halves of every key not yet retired, newest first. */
    @Transactional
    public JWKSet publicKeys() {
        List<ToolKey> keys = em.createNamedQuery("ToolKey.published", ToolKey.class).getResultList();
        return new JWKSet(keys.stream().<JWK>map(k -> k.keyPair().toPublicJWK()).toList());
    }

    /** Makes a new signing key; the previous one stays published. Returns the new key id. */
    @Transactional
    public String rotate() {
        startupLock.acquire();
        em.createNamedQuery("ToolKey.active", ToolKey.class).getResultList().forEach(ToolKey::stopSigning);
        em.flush();
        return newKey().kid();
    }

    /** Stops publishing a key that no longer signs. */
    @Transactional
    public void retire(String kid) {
        ToolKey key = em.find(ToolKey.class, kid);
        if (key == null) {
            throw new UnknownToolKeyException(kid);
        }
        key.retire(clock.instant());
    }

    private ToolKey newKey() {
        try {
            RSAKey pair = new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
            ToolKey key = new ToolKey(pair, clock.instant());
            em.persist(key);
            return key;
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not generate an RSA key pair", e);
        }
    }
}
