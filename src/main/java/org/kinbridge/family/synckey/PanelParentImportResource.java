package org.kinbridge.family.synckey;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.kinbridge.shared.Caller;
import org.kinbridge.shared.CurrentCaller;

/**
 * Panel API: a school admin's parent file with a sync key, for the school of their launch only (no
 * parameter can name another tenant); audited under the admin's name and platform user id.
 */
@Path("api/panel/parents/imports")
@Produces(MediaType.APPLICATION_JSON)
public class PanelParentImportResource {

    @Inject
    private CurrentCaller currentCaller;

    @Inject
    private SyncKeyImportService imports;

    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    public ImportSummary upload(@QueryParam("syncColumn") String syncColumn, @QueryParam("childColumn") String childColumn,
                                @QueryParam("childMatch") String childMatch, @QueryParam("givenNameColumn") String givenNameColumn,
                                @QueryParam("familyNameColumn") String familyNameColumn,
                                @QueryParam("emailColumn") String emailColumn, @QueryParam("preview") String preview,
                                InputStream body) {
        Caller caller = currentCaller.require();
        caller.requireSchoolAdmin();
        ParentImportRequest request = ParentImportRequest.fromQuery(syncColumn, childColumn, childMatch, givenNameColumn,
                familyNameColumn, emailColumn, preview);
        ParentFile file = imports.read(request, body);
        String actor = caller.displayName() + " (" + caller.platformUserId() + ")";
        return request.preview() ? imports.preview(caller.tenant(), request, file) : imports.apply(caller.tenant(), request, file, actor);
    }
}
