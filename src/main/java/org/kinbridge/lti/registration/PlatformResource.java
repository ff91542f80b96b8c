package org.kinbridge.lti.registration;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.kinbridge.school.TenantService;

/** Operator API: register a platform for a tenant. */
@Path("api/v1/tenants/{tenantId}/platforms")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PlatformResource {

    @Inject
    private TenantService tenants;

    @Inject
    private PlatformRegistrations registrations;

    @POST
    public Response register(@PathParam("tenantId") String tenantId, NewPlatform request) {
        var tenant = tenants.require(tenantId);
        if (request == null) {
            throw new InvalidPlatformException("A JSON body with the platform's issuer, clientId and URLs is required.");
        }
        PlatformRegistration registration = registrations.register(tenant.id(),
                new PlatformEndpoints(request.issuer(), request.clientId(), request.authLoginUrl(),
                        request.authTokenUrl(), request.jwksUrl()),
                request.deploymentIds(), PlatformRegistration.Source.OPERATOR);
        return Response.status(Response.Status.CREATED).entity(Map.of("id", registration.id())).build();
    }

    public record NewPlatform(String issuer, String clientId, String authLoginUrl, String authTokenUrl,
                              String jwksUrl, List<String> deploymentIds) {
    }
}
