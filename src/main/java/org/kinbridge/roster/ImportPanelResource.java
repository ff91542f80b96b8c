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
import org.kinbridge.shared.Caller;
import org.kinbridge.shared.CurrentCaller;

/** The Imports panel's API (school admins): upload a package, follow it, read its issues, decide on a held one. */
@Path("api/panel/imports")
@Produces(MediaType.APPLICATION_JSON)
public class ImportPanelResource {

    @Inject
    private CurrentCaller currentCaller;

    @Inject
    private RosterImportRunner runner;

    @Inject
    private RosterImports imports;

    @GET
    public List<ImportView> recent() {
        return imports.recent(admin().tenant(), 25).stream().map(i -> ImportView.of(i, List.of())).toList();
    }

    @POST
    @Consumes({"application/zip", "application/x-zip-compressed", MediaType.APPLICATION_OCTET_STREAM})
    public Response upload(@HeaderParam("X-File-Name") @DefaultValue("roster.zip") String fileName, InputStream body) {
        Caller caller = admin();
        return Response.accepted(ImportView.of(runner.submit(caller.tenant(), body, fileName, caller.auditName()), List.of())).build();
    }

    @GET
    @Path("{importId}")
    public ImportView status(@PathParam("importId") String importId) {
        Caller caller = admin();
        return ImportView.of(imports.require(caller.tenant(), importId), imports.issues(caller.tenant(), importId));
    }

    @GET
    @Path("{importId}/issues")
    @Produces("text/csv")
    public Response issues(@PathParam("importId") String importId) {
        Caller caller = admin();
        var issues = imports.issues(caller.tenant(), importId);
        StreamingOutput body = out -> imports.writeIssuesCsv(issues, new OutputStreamWriter(out, StandardCharsets.UTF_8));
        return Response.ok(body, "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"import-" + importId + "-issues.csv\"").build();
    }

    @POST
    @Path("{importId}/confirm")
    public Response confirm(@PathParam("importId") String importId) {
        Caller caller = admin();
        return Response.accepted(ImportView.of(runner.rerun(caller.tenant(), importId, caller.auditName(), true), List.of())).build();
    }

    @POST
    @Path("{importId}/discard")
    public ImportView discard(@PathParam("importId") String importId) {
        Caller caller = admin();
        return ImportView.of(imports.discard(caller.tenant(), importId), List.of());
    }

    private Caller admin() {
        Caller caller = currentCaller.require();
        caller.requireSchoolAdmin();
        return caller;
    }
}
