package org.kinbridge.lti.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.kinbridge.shared.TenantId;

/**
 * Finds platform registrations the way launches need them: by issuer and client_id, since one issuer
 * (Canvas, for one) can serve many customers under different client ids.
 */
@ApplicationScoped
public class RegistrationRepository {

    @PersistenceContext
    private EntityManager em;

    public Optional<PlatformRegistration> find(String id) {
        return Optional.ofNullable(em.find(PlatformRegistration.class, id));
    }

    public List<PlatformRegistration> byIssuer(String issuer) {
        return em.createNamedQuery("PlatformRegistration.byIssuer", PlatformRegistration.class)
                .setParameter("issuer", issuer)
                .getResultList();
    }

    public Optional<PlatformRegistration> byIssuerAndClient(String issuer, String clientId) {
        return em.createNamedQuery("PlatformRegistration.byIssuerAndClient", PlatformRegistration.class)
                .setParameter("issuer", issuer)
                .setParameter("clientId", clientId)
                .getResultStream()
                .findFirst();
    }

    public List<PlatformRegistration> byTenant(TenantId tenant) {
        return em.createNamedQuery("PlatformRegistration.byTenant", PlatformRegistration.class)
                .setParameter("tenantId", tenant.value())
                .getResultList();
    }

    public List<PlatformRegistration> all() {
        return em.createNamedQuery("PlatformRegistration.all", PlatformRegistration.class).getResultList();
    }

    void add(PlatformRegistration registration) {
        em.persist(registration);
    }
}
