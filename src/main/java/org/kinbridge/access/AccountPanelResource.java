package org.kinbridge.access;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kinbridge.access.letters.LetterPrinter;
import org.kinbridge.mail.MailSettings;
import org.kinbridge.mail.Outbox;
import org.kinbridge.shared.Caller;
import org.kinbridge.shared.CurrentCaller;
import org.kinbridge.shared.InvalidRequestException;

/** The Account Manager's API (school admins only): tabs, counts, bulk actions, letters, settings, restrictions. */
@Path("api/panel/accounts")
@Produces(MediaType.APPLICATION_JSON)
public class AccountPanelResource {

    @Inject
    private CurrentCaller currentCaller;

    @Inject
    private AccountDirectory directory;

    @Inject
    private BulkActions actions;

    @Inject
    private AccessSettings settings;

    @Inject
    private Restrictions restrictions;

    @Inject
    private ReasonsEngine engine;

    @Inject
    private MailSettings mailSettings;

    @Inject
    private Outbox outbox;

    @Inject
    private LetterPrinter printer;

    public record ActionRequest(String action, AccountDirectory.Selection selection, String reason) {
    }

    public record RestrictionRequest(boolean noLogin, boolean noData, boolean noMessages, boolean noNewLinks, String reason) {
    }

    public record LiftRequest(String reason) {
    }

    @GET
    public AccountDirectory.Page list(@QueryParam("tab") @DefaultValue("provision") String tab, @QueryParam("q") String query,
                                      @QueryParam("offset") @DefaultValue("0") int offset,
                                      @QueryParam("after") String after, @QueryParam("before") String before,
                                      @QueryParam("limit") @DefaultValue("25") int limit) {
        return directory.page(admin().tenant(), AccountTab.of(tab), query, AccountDirectory.Start.at(offset, after, before), limit);
    }

    @GET
    @Path("summary")
    public Map<String, Object> summary() {
        Caller caller = admin();
        Map<String, Object> summary = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        directory.counts(caller.tenant()).forEach((tab, n) -> counts.put(tab.name().toLowerCase(java.util.Locale.ROOT), n));
        summary.put("counts", counts);
        summary.put("mailConfigured", mailSettings.isConfigured());
        summary.put("outbox", outbox.counts(caller.tenant()));
        summary.put("settings", settings.of(caller.tenant()));
        return summary;
    }

    @POST
    @Path("actions/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    public BulkActions.Report preview(ActionRequest request) {
        Caller caller = admin();
        ActionRequest body = require(request);
        return actions.preview(caller.tenant(), BulkAction.of(body.action()), directory.resolve(caller.tenant(), body.selection()));
    }

    @POST
    @Path("actions")
    @Consumes(MediaType.APPLICATION_JSON)
    public BulkActions.Report run(ActionRequest request) {
        Caller caller = admin();
        ActionRequest body = require(request);
        BulkAction action = BulkAction.of(body.action());
        if (action == BulkAction.PRINT) {
            throw new InvalidRequestException("use_letters", "Print letters through accounts/letters, which returns the PDF.");
        }
        return actions.run(caller.tenant(), caller.auditName(), action, directory.resolve(caller.tenant(), body.selection()),
                body.reason());
    }

    @POST
    @Path("letters")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    public Response letters(ActionRequest request) {
        Caller caller = admin();
        ActionRequest body = require(request);
        BulkActions.Printed printed = actions.print(caller.tenant(), caller.auditName(),
                directory.resolve(caller.tenant(), body.selection()));
        if (printed.letters().isEmpty()) {
            throw new InvalidRequestException("nothing_to_print", "None of the selected people can get a letter now.");
        }
        return Response.ok(printer.print(printed), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"welcome-letters.pdf\"")
                .header("Cache-Control", "no-store")
                .header("X-Letters", String.valueOf(printed.letters().size()))
                .build();
    }

    @GET
    @Path("settings")
    public AccessSettings.Settings settings() {
        return settings.of(admin().tenant());
    }

    @PUT
    @Path("settings")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccessSettings.Settings saveSettings(AccessSettings.Settings wanted) {
        Caller caller = admin();
        AccessSettings.Settings saved = settings.update(caller.tenant(), caller.auditName(), wanted);
        engine.recomputeNow(caller.tenant(), Optional.empty(), "access.settings_changed");
        return saved;
    }

    @GET
    @Path("{person}/restriction")
    public Response restriction(@PathParam("person") String person) {
        Caller caller = admin();
        return restrictions.inForce(caller.tenant(), person).map(r -> Response.ok(r).build())
                .orElseGet(() -> Response.noContent().build());
    }

    @POST
    @Path("{person}/restriction")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response restrict(@PathParam("person") String person, RestrictionRequest request) {
        Caller caller = admin();
        RestrictionRequest body = request == null ? new RestrictionRequest(false, false, false, false, null) : request;
        restrictions.record(caller.tenant(), caller.auditName(), person, new Restrictions.Restriction(body.noLogin(), body.noData(),
                body.noMessages(), body.noNewLinks(), body.reason(), caller.auditName(), null));
        return Response.noContent().build();
    }

    @POST
    @Path("{person}/restriction/lift")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response lift(@PathParam("person") String person, LiftRequest request) {
        Caller caller = admin();
        restrictions.lift(caller.tenant(), caller.auditName(), person, request == null ? null : request.reason());
        return Response.noContent().build();
    }

    @POST
    @Path("recompute")
    public ReasonsEngine.Outcome recompute() {
        Caller caller = admin();
        return engine.recomputeNow(caller.tenant(), Optional.empty(), "recompute by " + caller.auditName());
    }

    private static ActionRequest require(ActionRequest request) {
        if (request == null) {
            throw new InvalidRequestException("invalid_action", "Send an action and a selection.");
        }
        return request;
    }

    private Caller admin() {
        Caller caller = currentCaller.require();
        caller.requireSchoolAdmin();
        return caller;
    }
}
