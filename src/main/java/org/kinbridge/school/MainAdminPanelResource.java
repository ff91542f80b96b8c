package org.kinbridge.school;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.kinbridge.shared.Caller;
import org.kinbridge.shared.CurrentCaller;

/** Panel API: who the main school admin is ({@code GET}), and handing the role on ({@code POST transfer}). */
@Path("api/panel/main-admin")
@Produces(MediaType.APPLICATION_JSON)
public class MainAdminPanelResource {

    @Inject
    private CurrentCaller currentCaller;

    @Inject
    private MainSchoolAdmins mainAdmins;

    @GET
    public PanelMainAdmin get() {
        Caller caller = currentCaller.require();
        caller.requireSchoolAdmin();
        return PanelMainAdmin.of(caller, mainAdmins);
    }

    @POST
    @Path("transfer")
    @Consumes(MediaType.APPLICATION_JSON)
    public PanelMainAdmin transfer(Transfer transfer) {
        Caller caller = currentCaller.require();
        mainAdmins.transfer(caller, transfer == null ? null : transfer.platformUserId());
        return PanelMainAdmin.of(caller, mainAdmins);
    }

    public record Transfer(String platformUserId) {
    }

    public record Admin(String platformUserId, String name) {
    }

    /** What every admin may see: the main admin's name, since when, and whether it is them. */
    public record PanelMainAdmin(String platformUserId, String name, String since, String appointedBy, boolean you,
                                 List<Admin> admins) {
        static PanelMainAdmin of(Caller caller, MainSchoolAdmins mainAdmins) {
            List<Admin> admins = mainAdmins.knownAdmins(caller.tenant()).stream().map(a -> new Admin(a[0], a[1])).toList();
            return mainAdmins.find(caller.tenant())
                    .map(m -> new PanelMainAdmin(m.platformUserId(), m.name(), m.since().toString(), m.appointedBy(),
                            m.platformUserId().equals(caller.platformUserId()), admins))
                    .orElse(new PanelMainAdmin(null, null, null, null, false, admins));
        }
    }
}
