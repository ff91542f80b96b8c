package org.kinbridge.crosslink;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.kinbridge.audit.AuditLog;
import org.kinbridge.crosslink.protocol.PeerUrls;
import org.kinbridge.school.MainAdmin;
import org.kinbridge.school.MainSchoolAdmins;
import org.kinbridge.school.Tenant;
import org.kinbridge.school.TenantService;
import org.kinbridge.shared.Caller;
import org.kinbridge.shared.CurrentCaller;
import org.kinbridge.shared.InvalidRequestException;

/**
 * Panel API of the Linked products page, {@code /api/panel/crosslink}: every admin sees the links and the
 * other side's data; only the main school admin acts (the service checks).
 */
@Path("api/panel/crosslink")
@Produces(MediaType.APPLICATION_JSON)
public class CrossLinkPanelResource {

    @Inject
    private CurrentCaller currentCaller;

    @Inject
    private HandshakeService handshakes;

    @Inject
    private OutboundMessages outbound;

    @Inject
    private AuditLog audit;

    @Inject
    private PeerRecords records;

    @Inject
    private PeerDirectory directory;

    @Inject
    private MainSchoolAdmins mainAdmins;

    @Inject
    private TenantService tenants;

    /** This school's address for other products, who the main admin is, and every link. */
    @GET
    public Overview overview() {
        Caller caller = admin();
        Optional<MainAdmin> main = mainAdmins.find(caller.tenant());
        return new Overview(handshakes.ourBase(), caller.tenant().value(),
                tenants.find(caller.tenant()).map(Tenant::name).orElse(""), main.map(MainAdmin::name).orElse(null),
                main.map(m -> m.platformUserId().equals(caller.platformUserId())).orElse(false),
                handshakes.links(caller.tenant()).stream().map(l -> view(caller, l)).toList());
    }

    @POST
    @Path("links")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response request(NewLink body) {
        Caller caller = admin();
        mainAdmins.requireMain(caller);
        if (body == null) {
            throw new InvalidRequestException("invalid_peer_url", "Enter the other product's address and your school's identifier there.");
        }
        String url = PeerUrls.normalise(body.peerUrl());
        try {
            directory.metadata(url); // a wrong address is refused now; an unreachable one is queued and retried
        } catch (PeerUnreachableException down) {
            // the outbox retries until the other product answers
        }
        CrossLink link = handshakes.request(caller, url, body.peerSchool());
        return Response.status(Response.Status.CREATED).entity(view(caller, link)).build();
    }

    @GET
    @Path("links/{id}")
    public LinkView link(@PathParam("id") String id) {
        Caller caller = admin();
        return view(caller, handshakes.link(caller.tenant(), id));
    }

    @POST
    @Path("links/{id}/{action}")
    public LinkView act(@PathParam("id") String id, @PathParam("action") String action) {
        Caller caller = admin();
        CrossLink link = switch (action) {
            case "approve" -> handshakes.approve(caller, id);
            case "deny" -> handshakes.deny(caller, id);
            case "cancel" -> handshakes.cancel(caller, id);
            case "remind" -> handshakes.remind(caller, id);
            case "unlink" -> handshakes.unlink(caller, id);
            case "refresh" -> {
                handshakes.refreshFeed(caller, id);
                yield handshakes.link(caller.tenant(), id);
            }
            default -> throw new InvalidRequestException("unknown_action",
                    "The action must be approve, deny, cancel, remind, unlink or refresh.");
        };
        return view(caller, link);
    }

    /** The other products' data about this school's students, each record marked with its source. */
    @GET
    @Path("records")
    public List<PeerRecords.PeerRecord> records() {
        return records.records(admin().tenant(), Optional.empty());
    }

    @GET
    @Path("students/{sourcedId}")
    public List<PeerRecords.PeerRecord> student(@PathParam("sourcedId") String sourcedId) {
        return records.records(admin().tenant(), Optional.of(sourcedId));
    }

    private LinkView view(Caller caller, CrossLink link) {
        return LinkView.of(link, outbound.waiting(caller.tenant(), link.id()),
                audit.about(caller.tenant(), HandshakeService.SUBJECT_PREFIX + link.id(), 50));
    }

    private Caller admin() {
        Caller caller = currentCaller.require();
        caller.requireSchoolAdmin();
        return caller;
    }

    public record NewLink(String peerUrl, String peerSchool) {
    }

    public record Overview(String ourAddress, String ourSchoolReference, String schoolName, String mainAdmin, boolean youAreMainAdmin,
                           List<LinkView> links) {
    }
}
