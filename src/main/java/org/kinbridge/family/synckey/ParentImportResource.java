package org.kinbridge.family.synckey;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.kinbridge.school.TenantService;
import org.kinbridge.shared.TenantId;

/** Operator API: a tenant's parent file with a sync key, previewed or applied at once (see README). */
@Path("api/v1/tenants/{tenantId}/parents/imports")
@Produces(MediaType.APPLICATION_JSON)
public class ParentImportResource {

    static final String OPERATOR = "operator";

    @Inject
    private TenantService tenants;

    @Inject
    private SyncKeyImportService imports;

    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    public ImportSummary upload(@PathParam("tenantId") String tenantId, @BeanParam ParentImportQuery query, InputStream body) {
        TenantId tenant = tenants.require(tenantId).id();
        ParentImportRequest request = query.toRequest();
        ParentFile file = imports.read(request, body);
        return request.preview() ? imports.preview(tenant, request, file) : imports.apply(tenant, request, file, OPERATOR);
    }
}
