package org.kinbridge.web.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kinbridge.lti.registration.PlatformEndpoints;
import org.kinbridge.lti.registration.PlatformRegistration;
import org.kinbridge.lti.registration.PlatformRegistrations;
import org.kinbridge.lti.registration.RegistrationRepository;
import org.kinbridge.school.TenantService;
import org.kinbridge.shared.TenantId;
import org.kinbridge.shared.persistence.DatabaseReady;
import org.kinbridge.shared.persistence.StartupLock;

/** Seeds the demo school and registers the demo LMS once, under the start-up lock. */
@ApplicationScoped
public class DemoSeeder {

    private static final Logger LOG = Logger.getLogger(DemoSeeder.class.getName());
    static final TenantId DEMO_TENANT = new TenantId("demo");

    @Inject
    private DemoPlatform platform;

    @Inject
    private TenantService tenants;

    @Inject
    private PlatformRegistrations platformRegistrations;

    @Inject
    private RegistrationRepository registrations;

    @Inject
    private StartupLock startupLock;

    @Transactional
    void seed(@Observes DatabaseReady ready) {
        if (!platform.isEnabled()) {
            return;
        }
        startupLock.acquire();
        if (tenants.find(DEMO_TENANT).isEmpty()) {
            tenants.create(DEMO_TENANT, "Riverside Primary School (demo)");
        }
        if (registrations.byIssuerAndClient(platform.issuer(), DemoPlatform.CLIENT_ID).isEmpty()) {
            platformRegistrations.register(DEMO_TENANT,
                    new PlatformEndpoints(platform.issuer(), DemoPlatform.CLIENT_ID, platform.authLoginUrl(),
                            platform.tokenUrl(), platform.jwksUrl()),
                    List.of(DemoPlatform.DEPLOYMENT_ID), PlatformRegistration.Source.DEMO);
        }
        LOG.log(Level.INFO, "Demo mode: open {0}/ to launch Kinbridge from the demo LMS", platform.issuer());
    }
}
