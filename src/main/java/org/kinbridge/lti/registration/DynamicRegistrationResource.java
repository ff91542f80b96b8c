package org.kinbridge.lti.registration;

import static org.kinbridge.shared.Html.escape;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.kinbridge.shared.ContentSecurityPolicy;
import org.kinbridge.school.TenantService;
import org.kinbridge.shared.Html;
import org.kinbridge.shared.PublicUrl;

/**
 * {@code /lti/register}: the page an LMS admin opens from the platform's "register a tool" dialog.
 * GET shows what will be registered; the plain form POST registers; the last page tells the platform
 * to close the dialog with {@code org.imsglobal.lti.close}.
 */
@Path("lti/register")
public class DynamicRegistrationResource {

    @Inject
    private DynamicRegistration registration;

    @Inject
    private TenantService tenants;

    @Inject
    private PublicUrl publicUrl;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response confirm(@QueryParam("invitation") String invitation,
                          @QueryParam("openid_configuration") String openidConfiguration,
                          @QueryParam("registration_token") String registrationToken) {
        DynamicRegistration.PlatformOffer offer = registration.inspect(invitation, openidConfiguration);
        String school = tenants.find(offer.tenant()).map(t -> t.name()).orElse("your school");
        String body = "<main class=\"card\">\n<h1>Register Kinbridge</h1>\n"
                + "<p>This adds Kinbridge to <strong>" + escape(offer.productFamily()) + "</strong> at <code>"
                + escape(offer.issuer()) + "</code> for <strong>" + escape(school) + "</strong>.</p>\n"
                + "<p>Kinbridge will receive launches at <code>" + escape(publicUrl.of("/lti/launch"))
                + "</code> and asks for the user's id, name and email.</p>\n"
                + "<form method=\"post\" action=\"" + escape(publicUrl.of("/lti/register")) + "\">\n"
                + hidden("invitation", invitation) + hidden("openid_configuration", openidConfiguration)
                + hidden("registration_token", registrationToken)
                + "<button type=\"submit\">Register Kinbridge</button>\n</form>\n</main>";
        return framedByPlatform(Html.page(publicUrl.base(), "Register Kinbridge", "", body), openidConfiguration);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response register(@FormParam("invitation") String invitation,
                           @FormParam("openid_configuration") String openidConfiguration,
                           @FormParam("registration_token") String registrationToken) {
        PlatformRegistration done = registration.register(invitation, openidConfiguration,
                Optional.ofNullable(registrationToken).filter(t -> !t.isBlank()));
        String body = "<main class=\"card\" id=\"registration-done\">\n<h1>Kinbridge is registered</h1>\n"
                + "<p>Client id <code>" + escape(done.clientId()) + "</code>, deployment <code>"
                + escape(String.join(", ", done.deploymentIds())) + "</code>.</p>\n"
                + "<p>You can close this window.</p>\n</main>";
        String head = "<script src=\"" + escape(publicUrl.of("/lti/register/close.js")) + "\" defer></script>\n";
        return framedByPlatform(Html.page(publicUrl.base(), "Kinbridge is registered", head, body), openidConfiguration);
    }

    /** Tells the platform's registration dialog (opener or parent frame) that we are done. */
    @GET
    @Path("close.js")
    @Produces("text/javascript")
    public String closeScript() {
        return "(window.opener || window.parent).postMessage({subject: 'org.imsglobal.lti.close'}, '*');\n";
    }

    /** Platforms open registration in a dialog or iframe: let the platform's own origin frame it. */
    private static Response framedByPlatform(String html, String openidConfiguration) {
        return Response.ok(html, MediaType.TEXT_HTML_TYPE)
                .header(ContentSecurityPolicy.HEADER, ContentSecurityPolicy.framedBy(List.of(PublicUrl.originOf(openidConfiguration))))
                .header("Cache-Control", "no-store")
                .build();
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + escape(value) + "\">\n";
    }
}
