package org.kinbridge.web.panel;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.kinbridge.lti.registration.PlatformRegistration;
import org.kinbridge.lti.registration.RegistrationRepository;
import org.kinbridge.school.MainAdmin;
import org.kinbridge.school.MainSchoolAdmins;
import org.kinbridge.school.Tenant;
import org.kinbridge.school.TenantService;
import org.kinbridge.shared.Caller;
import org.kinbridge.shared.CurrentCaller;

/**
 * The panel's own API. Every answer is scoped by the caller's tenant taken from the panel token;
 * no request parameter can name another tenant.
 */
@Path("api/panel")
@Produces(MediaType.APPLICATION_JSON)
public class PanelResource {

    @Inject
    private CurrentCaller currentCaller;

    @Inject
    private TenantService tenants;

    @Inject
    private RegistrationRepository registrations;

    @Inject
    private MainSchoolAdmins mainAdmins;

    /** Who the panel is open for, and for which school. */
    @GET
    @Path("me")
    public Me me() {
        Caller caller = currentCaller.require();
        String school = tenants.find(caller.tenant()).map(Tenant::name).orElse("");
        Optional<MainAdmin> main = caller.isSchoolAdmin() ? mainAdmins.find(caller.tenant()) : Optional.empty();
        return new Me(caller.tenant().value(), school, caller.displayName(), caller.role().name(),
                caller.personSourcedId(), caller.menteeIds(), main.map(MainAdmin::name),
                main.map(m -> m.platformUserId().equals(caller.platformUserId())).orElse(false));
    }

    /** The LMS platforms connected to this school (admins only). */
    @GET
    @Path("platforms")
    public List<ConnectedPlatform> platforms() {
        Caller caller = currentCaller.require();
        caller.requireSchoolAdmin();
        return registrations.byTenant(caller.tenant()).stream().map(ConnectedPlatform::of).toList();
    }

    public record Me(String tenantId, String schoolName, String name, String role,
                     Optional<String> personSourcedId, List<String> menteeIds, Optional<String> mainAdmin,
                     boolean youAreMainAdmin) {
    }

    public record ConnectedPlatform(String id, String issuer, String clientId, List<String> deploymentIds, String source) {
        static ConnectedPlatform of(PlatformRegistration registration) {
            return new ConnectedPlatform(registration.id(), registration.issuer(), registration.clientId(),
                    registration.deploymentIds().stream().sorted().toList(), registration.source().name());
        }
    }
}
