package org.kinbridge.web.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kinbridge.shared.SecureTokens;
import org.kinbridge.web.errors.ErrorResponses;

/**
 * Guards the operator API by path, so no resource can be forgotten: everything under {@code /api/v1}
 * needs {@code KINBRIDGE_OPERATOR_TOKEN}, compared in constant time. Without a configured token the
 * operator API is off.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class OperatorTokenFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(OperatorTokenFilter.class.getName());
    static final String PREFIX = "api/v1/";

    @Inject
    @ConfigProperty(name = "kinbridge.operator.token")
    private Optional<String> operatorToken;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!BearerToken.pathOf(request).startsWith(PREFIX)) {
            return;
        }
        Optional<String> expected = operatorToken.filter(t -> !t.isBlank());
        if (expected.isEmpty()) {
            request.abortWith(ErrorResponses.json(403, "operator_api_off",
                    "The operator API is off: set KINBRIDGE_OPERATOR_TOKEN to turn it on."));
            return;
        }
        Optional<String> presented = BearerToken.from(request);
        if (presented.isEmpty() || !SecureTokens.constantTimeEquals(expected.get(), presented.get())) {
            LOG.log(Level.WARNING, "Refused an operator API call without a valid token: {0} {1}",
                    new Object[] {request.getMethod(), BearerToken.pathOf(request)});
            request.abortWith(ErrorResponses.json(401, "unauthorized",
                    "The operator API needs 'Authorization: Bearer <KINBRIDGE_OPERATOR_TOKEN>'."));
        }
    }
}
