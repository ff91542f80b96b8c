package org.kinbridge.school;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;

/** Operator API: tenants. Behind the operator bearer token (see the web layer's filter). */
@Path("api/v1/tenants")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class TenantResource {

    @Inject
    private TenantService tenants;

    @POST
    public Response create(NewTenant request, @Context UriInfo uri) {
        if (request == null) {
            request = new NewTenant(null);
        }
        Tenant tenant = tenants.create(request.name());
        return Response.created(uri.getAbsolutePathBuilder().path(tenant.id().value()).build())
                .entity(TenantView.of(tenant))
                .build();
    }

    @GET
    @Path("{tenantId}")
    public TenantView get(@PathParam("tenantId") String tenantId) {
        return TenantView.of(tenants.require(tenantId));
    }

    public record NewTenant(String name) {
    }

    public record TenantView(String id, String name, String createdAt) {
        static TenantView of(Tenant tenant) {
            return new TenantView(tenant.id().value(), tenant.name(), tenant.createdAt().toString());
        }
    }
}
