package org.kinbridge.web.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import org.kinbridge.lti.session.PanelSessions;
import org.kinbridge.shared.Caller;
import org.kinbridge.shared.CurrentCaller;
import org.kinbridge.web.errors.ErrorResponses;

/** Everything under {@code /api/panel} needs a valid panel token; the caller it proves is kept for the request. */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class PanelTokenFilter implements ContainerRequestFilter {

    static final String PREFIX = "api/panel/";

    @Inject
    private PanelSessions panelSessions;

    @Inject
    private CurrentCaller currentCaller;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!BearerToken.pathOf(request).startsWith(PREFIX)) {
            return;
        }
        Optional<Caller> caller = BearerToken.from(request).flatMap(panelSessions::verify);
        if (caller.isEmpty()) {
            request.abortWith(ErrorResponses.json(401, "session_expired",
                    "Your Kinbridge session has expired or is not valid. Open Kinbridge again from your LMS."));
            return;
        }
        currentCaller.authenticatedAs(caller.get());
    }
}
