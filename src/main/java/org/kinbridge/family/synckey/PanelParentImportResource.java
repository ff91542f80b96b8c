package org.kinbridge.family.synckey;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
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
    public ImportSummary upload(@BeanParam ParentImportQuery query, InputStream body) {
        Caller caller = schoolAdmin();
        ParentImportRequest request = query.toRequest();
        ParentFile file = imports.read(request, body);
        String actor = caller.displayName() + " (" + caller.platformUserId() + ")";
        return request.preview() ? imports.preview(caller.tenant(), request, file) : imports.apply(caller.tenant(), request, file, actor);
    }

    /** The file's columns and first rows, so the admin can choose the sync and children columns; stores nothing. */
    @POST
    @Path("columns")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    public ParentFileColumns columns(InputStream body) {
        schoolAdmin();
        return imports.columns(body);
    }

    private Caller schoolAdmin() {
        Caller caller = currentCaller.require();
        caller.requireSchoolAdmin();
        return caller;
    }
}
