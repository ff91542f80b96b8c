package org.kinbridge.roster;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.kinbridge.school.TenantService;
import org.kinbridge.shared.TenantId;

/** Operator API: OneRoster packages for a tenant, their status and per-row issues, and decisions on held ones. */
@Path("api/v1/tenants/{tenantId}/roster/imports")
@Produces(MediaType.APPLICATION_JSON)
public class RosterImportResource {

    static final String OPERATOR = "operator";

    @Inject
    private TenantService tenants;

    @Inject
    private RosterImportRunner runner;

    @Inject
    private RosterImports imports;

    @POST
    @Consumes({"application/zip", "application/x-zip-compressed", MediaType.APPLICATION_OCTET_STREAM})
    public Response upload(@PathParam("tenantId") String tenantId, @HeaderParam("X-File-Name") @DefaultValue("roster.zip") String fileName,
                           InputStream body) {
        TenantId tenant = tenants.require(tenantId).id();
        RosterImport started = runner.submit(tenant, body, fileName, OPERATOR);
        return Response.accepted(ImportView.of(started, List.of())).build();
    }

    @GET
    public List<ImportView> recent(@PathParam("tenantId") String tenantId) {
        TenantId tenant = tenants.require(tenantId).id();
        return imports.recent(tenant, 50).stream().map(i -> ImportView.of(i, List.of())).toList();
    }

    @GET
    @Path("{importId}")
    public ImportView status(@PathParam("tenantId") String tenantId, @PathParam("importId") String importId) {
        TenantId tenant = tenants.require(tenantId).id();
        return ImportView.of(imports.require(tenant, importId), imports.issues(tenant, importId));
    }

    @GET
    @Path("{importId}/issues")
    @Produces("text/csv")
    public Response issues(@PathParam("tenantId") String tenantId, @PathParam("importId") String importId) {
        TenantId tenant = tenants.require(tenantId).id();
        var issues = imports.issues(tenant, importId);
        StreamingOutput body = out -> imports.writeIssuesCsv(issues, new OutputStreamWriter(out, StandardCharsets.UTF_8));
        return Response.ok(body, "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"import-" + importId + "-issues.csv\"").build();
    }

    @POST
    @Path("{importId}/confirm")
    public Response confirm(@PathParam("tenantId") String tenantId, @PathParam("importId") String importId) {
        TenantId tenant = tenants.require(tenantId).id();
        return Response.accepted(ImportView.of(runner.rerun(tenant, importId, OPERATOR, true), List.of())).build();
    }

    @POST
    @Path("{importId}/discard")
    public ImportView discard(@PathParam("tenantId") String tenantId, @PathParam("importId") String importId) {
        TenantId tenant = tenants.require(tenantId).id();
        return ImportView.of(imports.discard(tenant, importId), List.of());
    }

    @POST
    @Path("{importId}/rerun")
    public Response rerun(@PathParam("tenantId") String tenantId, @PathParam("importId") String importId) {
        TenantId tenant = tenants.require(tenantId).id();
        return Response.accepted(ImportView.of(runner.rerun(tenant, importId, OPERATOR, false), List.of())).build();
    }
}
