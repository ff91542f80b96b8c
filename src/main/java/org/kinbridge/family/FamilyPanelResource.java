package org.kinbridge.family;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import org.kinbridge.audit.AuditEntry;
import org.kinbridge.audit.AuditLog;
import org.kinbridge.shared.Caller;
import org.kinbridge.shared.CurrentCaller;
import org.kinbridge.shared.InvalidRequestException;

/** The Families panel's API (school admins): search people, see a family, connect, remove and block links. */
@Path("api/panel")
@Produces(MediaType.APPLICATION_JSON)
public class FamilyPanelResource {

    @Inject
    private CurrentCaller currentCaller;

    @Inject
    private FamilyDirectory directory;

    @Inject
    private FamilyAdmin admin;

    @Inject
    private AuditLog audit;

    @GET
    @Path("people")
    public FamilyDirectory.Page search(@QueryParam("q") String query, @QueryParam("filter") @DefaultValue("all") String filter,
                                       @QueryParam("offset") @DefaultValue("0") int offset,
                                       @QueryParam("limit") @DefaultValue("25") int limit) {
        Caller caller = admin();
        return directory.search(caller.tenant(), query, filterOf(filter), offset, limit);
    }

    @GET
    @Path("people/{sourcedId}")
    public FamilyView family(@PathParam("sourcedId") String sourcedId) {
        Caller caller = admin();
        FamilyDirectory.Family family = directory.family(caller.tenant(), sourcedId)
                .orElseThrow(() -> new UnknownPersonException(sourcedId));
        return new FamilyView(family.person(), family.links(), audit.about(caller.tenant(), sourcedId, 50));
    }

    @POST
    @Path("links")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response connect(LinkRequest request) {
        Caller caller = admin();
        LinkRequest body = request == null ? new LinkRequest(null, null, null, null, false) : request;
        admin.connect(caller.tenant(), caller.auditName(), body.studentSourcedId(), body.guardianSourcedId(),
                body.guardianRole(), body.reason());
        return Response.status(Response.Status.CREATED).entity(body).build();
    }

    @POST
    @Path("links/remove")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response remove(LinkRequest request) {
        Caller caller = admin();
        LinkRequest body = request == null ? new LinkRequest(null, null, null, null, false) : request;
        admin.remove(caller.tenant(), caller.auditName(), body.studentSourcedId(), body.guardianSourcedId(),
                body.reason(), body.block());
        return Response.noContent().build();
    }

    private Caller admin() {
        Caller caller = currentCaller.require();
        caller.requireSchoolAdmin();
        return caller;
    }

    private static FamilyDirectory.Filter filterOf(String filter) {
        try {
            return FamilyDirectory.Filter.valueOf(filter.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("invalid_filter",
                    "filter is one of all, students, adults, no-parents, parents-without-email, relatives.");
        }
    }

    public record LinkRequest(String studentSourcedId, String guardianSourcedId, String guardianRole, String reason, boolean block) {
    }

    public record FamilyView(PersonSummary person, List<FamilyLink> links, List<AuditEntry> history) {
    }
}
