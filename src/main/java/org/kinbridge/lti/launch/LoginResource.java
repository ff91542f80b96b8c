package org.kinbridge.lti.launch;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/** {@code GET|POST /lti/login}: the platform starts a launch here. */
@Path("lti/login")
public class LoginResource {

    @Inject
    private LoginInitiation initiation;

    @Inject
    private StateCookie stateCookie;

    @GET
    public Response loginByGet(@QueryParam("iss") String iss, @QueryParam("login_hint") String loginHint,
                               @QueryParam("target_link_uri") String targetLinkUri,
                               @QueryParam("lti_message_hint") String messageHint,
                               @QueryParam("lti_deployment_id") String deploymentId,
                               @QueryParam("client_id") String clientId) {
        return login(iss, loginHint, targetLinkUri, messageHint, deploymentId, clientId);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response loginByPost(@FormParam("iss") String iss, @FormParam("login_hint") String loginHint,
                                @FormParam("target_link_uri") String targetLinkUri,
                                @FormParam("lti_message_hint") String messageHint,
                                @FormParam("lti_deployment_id") String deploymentId,
                                @FormParam("client_id") String clientId) {
        return login(iss, loginHint, targetLinkUri, messageHint, deploymentId, clientId);
    }

    private Response login(String iss, String loginHint, String targetLinkUri, String messageHint,
                           String deploymentId, String clientId) {
        LoginInitiation.Redirect redirect = initiation.begin(new LoginInitiation.LoginRequest(
                Optional.ofNullable(iss), Optional.ofNullable(loginHint), Optional.ofNullable(targetLinkUri),
                Optional.ofNullable(messageHint), Optional.ofNullable(deploymentId), Optional.ofNullable(clientId)));
        return Response.status(Response.Status.FOUND)
                .location(redirect.location())
                .header("Set-Cookie", stateCookie.set(redirect.state()))
                .header("Cache-Control", "no-store")
                .build();
    }
}
