package org.kinbridge.shared.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * A cluster-wide lock for start-up one-offs (first key pair, demo data): a row lock on the single
 * {@code startup_lock} row, held until the caller's transaction ends.
 */
@ApplicationScoped
public class StartupLock {

    @PersistenceContext
    private EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void acquire() {
        em.createNativeQuery("SELECT id FROM startup_lock WHERE id = 1 FOR UPDATE").getResultList();
    }
}
