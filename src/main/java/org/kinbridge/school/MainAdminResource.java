package org.kinbridge.school;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Operator API: {@code GET|PUT /api/v1/tenants/{tenantId}/main-admin}, who may link the school to other
 * products. Behind the operator bearer token.
 */
@Path("api/v1/tenants/{tenantId}/main-admin")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class MainAdminResource {

    @Inject
    private TenantService tenants;

    @Inject
    private MainSchoolAdmins mainAdmins;

    @GET
    public MainAdminView get(@PathParam("tenantId") String tenantId) {
        Tenant tenant = tenants.require(tenantId);
        return mainAdmins.find(tenant.id()).map(MainAdminView::of)
                .orElseThrow(() -> new UnknownAdminException("(none appointed yet)"));
    }

    @PUT
    public MainAdminView appoint(@PathParam("tenantId") String tenantId, Appointment appointment) {
        Tenant tenant = tenants.require(tenantId);
        Appointment body = appointment == null ? new Appointment(null, null, null) : appointment;
        return MainAdminView.of(mainAdmins.appointByOperator(tenant.id(), body.platformUserId(), body.name(), body.email()));
    }

    public record Appointment(String platformUserId, String name, String email) {
    }

    public record MainAdminView(String platformUserId, String name, String since, String appointedBy) {
        static MainAdminView of(MainAdmin admin) {
            return new MainAdminView(admin.platformUserId(), admin.name(), admin.since().toString(), admin.appointedBy());
        }
    }
}
