package org.kinbridge.access;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.kinbridge.shared.Caller;
import org.kinbridge.shared.CurrentCaller;
import org.kinbridge.shared.NotAuthorisedException;
import org.kinbridge.shared.Role;

/** A parent's own children for a Mentor launch's panel token: tied to the launch's rostered person, nothing else. */
@Path("api/panel/my/children")
@Produces(MediaType.APPLICATION_JSON)
public class ParentPanelResource {

    @Inject
    private CurrentCaller currentCaller;

    @Inject
    private ParentAccess access;

    @GET
    public List<ParentAccess.Child> children() {
        Caller caller = parent();
        return access.children(caller.tenant(), caller.personSourcedId().orElseThrow());
    }

    @GET
    @Path("{child}")
    public ParentAccess.Child child(@PathParam("child") String child) {
        Caller caller = parent();
        return access.child(caller.tenant(), caller.personSourcedId().orElseThrow(), child);
    }

    private Caller parent() {
        Caller caller = currentCaller.require();
        if (caller.role() != Role.PARENT || caller.personSourcedId().isEmpty()) {
            throw new NotAuthorisedException("Only a parent launched from the LMS with their roster id sees this.");
        }
        return caller;
    }
}
