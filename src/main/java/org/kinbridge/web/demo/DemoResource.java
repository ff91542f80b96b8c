package org.kinbridge.web.demo;

import static org.kinbridge.shared.Html.escape;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.kinbridge.shared.Html;
import org.kinbridge.shared.InvalidRequestException;
import org.kinbridge.shared.PublicUrl;

/**
 * The demo LMS: a page with an admin menu whose entries launch Kinbridge into an iframe, and the
 * platform endpoints a real LMS has (OIDC authorization, JWKS). Answers 404 unless demo mode is on.
 */
@Path("demo")
public class DemoResource {

    @Inject
    private DemoPlatform platform;

    @Inject
    private PublicUrl publicUrl;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String lmsPage(@QueryParam("as") String as) {
        requireDemo();
        DemoUser current = DemoUser.byLoginHint(as).orElse(DemoUser.ADMIN);
        String menu = Arrays.stream(DemoUser.values())
                .map(user -> "<li><a id=\"launch-" + user.loginHint + "\" href=\"" + escape(startUrl(user))
                        + "\" target=\"kb-frame\">Kinbridge as " + escape(user.name) + " (" + user.loginHint + ")</a></li>")
                .collect(Collectors.joining("\n"));
        String body = "<div class=\"demo-lms\">\n<header class=\"demo-topbar\"><strong>Demo LMS</strong> · "
                + "Riverside Primary School · a stand-in for Canvas, Moodle or Schoology</header>\n"
                + "<aside class=\"demo-menu\"><h2>Admin menu</h2>\n<ul>\n" + menu + "\n</ul>\n"
                + "<p class=\"hint\">Each entry performs a real LTI 1.3 launch: OIDC login, signed id_token, validation.</p></aside>\n"
                + "<section class=\"demo-content\">\n<iframe id=\"kb-frame\" name=\"kb-frame\" title=\"Kinbridge\" src=\""
                + escape(startUrl(current)) + "\"></iframe>\n</section>\n</div>";
        return Html.page(publicUrl.base(), "Demo LMS", "", body);
    }

    /** Third-party initiated login, as the LMS starts it when a user clicks the tool. */
    @GET
    @Path("start")
    public Response start(@QueryParam("as") String as) {
        requireDemo();
        DemoUser user = DemoUser.byLoginHint(as).orElse(DemoUser.ADMIN);
        return Response.seeOther(UriBuilder.fromUri(publicUrl.of("/lti/login"))
                        .queryParam("iss", platform.issuer())
                        .queryParam("login_hint", user.loginHint)
                        .queryParam("target_link_uri", publicUrl.of("/lti/launch"))
                        .queryParam("lti_message_hint", "admin-menu")
                        .queryParam("lti_deployment_id", DemoPlatform.DEPLOYMENT_ID)
                        .queryParam("client_id", DemoPlatform.CLIENT_ID)
                        .build())
                .build();
    }

    /** The platform's OIDC authorization endpoint: answers with a form that posts the id_token to the tool. */
    @GET
    @Path("authorize")
    @Produces(MediaType.TEXT_HTML)
    public String authorize(@QueryParam("client_id") String clientId, @QueryParam("redirect_uri") String redirectUri,
                            @QueryParam("login_hint") String loginHint, @QueryParam("state") String state,
                            @QueryParam("nonce") String nonce, @QueryParam("response_mode") String responseMode) {
        requireDemo();
        if (!DemoPlatform.CLIENT_ID.equals(clientId) || !publicUrl.of("/lti/launch").equals(redirectUri)
                || !"form_post".equals(responseMode) || nonce == null || state == null) {
            throw new InvalidRequestException("invalid_request", "The demo LMS only answers Kinbridge's own login requests.");
        }
        DemoUser user = DemoUser.byLoginHint(loginHint).orElseThrow(() ->
                new InvalidRequestException("invalid_request", "The demo LMS does not know this user."));
        String body = "<form id=\"lti-post\" method=\"post\" action=\"" + escape(redirectUri) + "\">\n"
                + "<input type=\"hidden\" name=\"id_token\" value=\"" + escape(platform.idToken(user, nonce)) + "\">\n"
                + "<input type=\"hidden\" name=\"state\" value=\"" + escape(state) + "\">\n"
                + "<noscript><button type=\"submit\">Continue to Kinbridge</button></noscript>\n</form>";
        String head = "<script src=\"" + escape(publicUrl.of("/demo/autopost.js")) + "\" defer></script>\n";
        return Html.page(publicUrl.base(), "Signing in…", head, body);
    }

    @GET
    @Path("jwks.json")
    @Produces(MediaType.APPLICATION_JSON)
    public String jwks() {
        requireDemo();
        return platform.publicKeys();
    }

    @GET
    @Path("autopost.js")
    @Produces("text/javascript")
    public String autopost() {
        requireDemo();
        return "document.getElementById('lti-post').submit();\n";
    }

    private String startUrl(DemoUser user) {
        return publicUrl.of("/demo/start?as=" + user.loginHint);
    }

    private void requireDemo() {
        if (!platform.isEnabled()) {
            throw new NotFoundException();
        }
    }
}
