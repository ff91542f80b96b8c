package org.kinbridge.school;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kinbridge.shared.InvalidRequestException;
import org.kinbridge.shared.TenantId;

/** Creates tenants and answers who they are. */
@ApplicationScoped
public class TenantService {

    private static final Logger LOG = Logger.getLogger(TenantService.class.getName());

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Transactional
    public Tenant create(String name) {
        return create(TenantId.newId(), name);
    }

    /** Creates a tenant with a chosen id (demo data uses a fixed one). */
    @Transactional
    public Tenant create(TenantId id, String name) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty()) {
            throw new InvalidRequestException("invalid_tenant", "A tenant needs a name.");
        }
        if (trimmed.length() > Tenant.MAX_NAME_LENGTH) {
            throw new InvalidRequestException("invalid_tenant", "A tenant name is at most 200 characters.");
        }
        Tenant tenant = new Tenant(id, trimmed, clock.instant());
        em.persist(tenant);
        LOG.log(Level.INFO, "Created tenant {0}", id);
        return tenant;
    }

    @Transactional
    public Optional<Tenant> find(TenantId id) {
        return Optional.ofNullable(em.find(Tenant.class, id.value()));
    }

    /** The tenant, or {@link UnknownTenantException}; accepts the raw id from a URL. */
    @Transactional
    public Tenant require(String rawId) {
        if (rawId == null || rawId.isBlank() || rawId.length() > 64) {
            throw new UnknownTenantException(String.valueOf(rawId));
        }
        return find(new TenantId(rawId)).orElseThrow(() -> new UnknownTenantException(rawId));
    }
}
