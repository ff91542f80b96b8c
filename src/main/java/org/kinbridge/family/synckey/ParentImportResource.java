package org.kinbridge.family.synckey;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
    public ImportSummary upload(@PathParam("tenantId") String tenantId,
                                @QueryParam("syncColumn") String syncColumn, @QueryParam("childColumn") String childColumn,
                                @QueryParam("childMatch") String childMatch, @QueryParam("givenNameColumn") String givenNameColumn,
                                @QueryParam("familyNameColumn") String familyNameColumn,
                                @QueryParam("emailColumn") String emailColumn, @QueryParam("preview") String preview,
                                InputStream body) {
        TenantId tenant = tenants.require(tenantId).id();
        ParentImportRequest request = ParentImportRequest.fromQuery(syncColumn, childColumn, childMatch, givenNameColumn,
                familyNameColumn, emailColumn, preview);
        ParentFile file = imports.read(request, body);
        return request.preview() ? imports.preview(tenant, request, file) : imports.apply(tenant, request, file, OPERATOR);
    }
}
