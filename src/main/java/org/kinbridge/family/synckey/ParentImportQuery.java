package org.kinbridge.family.synckey;

import jakarta.ws.rs.QueryParam;
import java.util.List;

/** The query parameters of a parent-file upload, the same for the operator and the panel API. */
public class ParentImportQuery {

    @QueryParam("syncColumn")
    private String syncColumn;

    /** Repeated for children spread over several columns. */
    @QueryParam("childColumn")
    private List<String> childColumns;

    @QueryParam("childMatch")
    private String childMatch;

    @QueryParam("givenNameColumn")
    private String givenNameColumn;

    @QueryParam("familyNameColumn")
    private String familyNameColumn;

    @QueryParam("emailColumn")
    private String emailColumn;

    @QueryParam("preview")
    private String preview;

    ParentImportRequest toRequest() {
        return ParentImportRequest.fromQuery(syncColumn, childColumns, childMatch, givenNameColumn, familyNameColumn,
                emailColumn, preview);
    }
}
