package org.kinbridge.lti.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kinbridge.shared.TenantId;

/** Adds platforms to a tenant, keeping (issuer, client_id) unique across all tenants. */
@ApplicationScoped
public class PlatformRegistrations {

    private static final Logger LOG = Logger.getLogger(PlatformRegistrations.class.getName());
    private static final int MAX_DEPLOYMENTS = 100;

    @Inject
    private RegistrationRepository repository;

    @Inject
    private Clock clock;

    @Inject
    private Event<PlatformsChanged> platformsChanged;

    @Transactional
    public PlatformRegistration register(TenantId tenant, PlatformEndpoints endpoints, Collection<String> deploymentIds,
                                         PlatformRegistration.Source source) {
        List<String> deployments = checkedDeployments(deploymentIds);
        if (repository.byIssuerAndClient(endpoints.issuer(), endpoints.clientId()).isPresent()) {
            throw new DuplicatePlatformException();
        }
        PlatformRegistration registration = new PlatformRegistration(tenant, endpoints, deployments, source, clock.instant());
        repository.add(registration);
        LOG.log(Level.INFO, "Registered platform {0} (client {1}) for tenant {2} via {3}",
                new Object[] {endpoints.issuer(), endpoints.clientId(), tenant, source});
        platformsChanged.fire(new PlatformsChanged());
        return registration;
    }

    private static List<String> checkedDeployments(Collection<String> deploymentIds) {
        if (deploymentIds == null || deploymentIds.isEmpty()) {
            throw new InvalidPlatformException("deploymentIds needs at least one deployment id.");
        }
        if (deploymentIds.size() > MAX_DEPLOYMENTS) {
            throw new InvalidPlatformException("deploymentIds lists more than " + MAX_DEPLOYMENTS + " ids.");
        }
        for (String id : deploymentIds) {
            if (id == null || id.isBlank() || id.length() > 255) {
                throw new InvalidPlatformException("Each deployment id is 1 to 255 characters.");
            }
        }
        return deploymentIds.stream().map(String::trim).distinct().toList();
    }
}
