package org.kinbridge.lti.registration;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.kinbridge.school.TenantService;
import org.kinbridge.shared.PublicUrl;

/** Operator API: one-time Dynamic Registration links, each tied to one tenant. */
@Path("api/v1/tenants/{tenantId}/registrations")
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
@Produces(MediaType.APPLICATION_JSON)
public class RegistrationLinkResource {

    @Inject
    private TenantService tenants;

    @Inject
    private RegistrationInvitations invitations;

    @Inject
    private PublicUrl publicUrl;

    @POST
    public Response create(@PathParam("tenantId") String tenantId) {
        var tenant = tenants.require(tenantId);
        RegistrationInvitations.IssuedInvitation issued = invitations.issue(tenant.id());
        String url = publicUrl.of("/lti/register?invitation=" + URLEncoder.encode(issued.token(), StandardCharsets.UTF_8));
        return Response.status(Response.Status.CREATED)
                .entity(Map.of("registrationUrl", url, "expiresAt", issued.expiresAt().toString()))
                .build();
    }
}
