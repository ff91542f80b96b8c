package org.kinbridge.lti.launch;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.eclipse.microprofile.metrics.annotation.Counted;

/** {@code POST /lti/launch}: the platform form-posts the id_token and state here. */
@Path("lti/launch")
public class LaunchResource {

    @Inject
    private LaunchValidator validator;

    @Inject
    private Instance<LaunchHandler> handler;

    @Inject
    private StateCookie stateCookie;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Counted(name = "lti_launches", absolute = true, description = "LTI launches accepted")
    public Response launch(@FormParam("id_token") String idToken, @FormParam("state") String state,
                           @CookieParam(StateCookie.NAME) String cookieState) {
        ValidatedLaunch launch = validator.validate(idToken, state, Optional.ofNullable(cookieState).filter(c -> !c.isBlank()));
        Response answer = handler.get().onLaunch(launch);
        return Response.fromResponse(answer)
                .header("Set-Cookie", stateCookie.clear())
                .header("Cache-Control", "no-store")
                .build();
    }
}
