package org.kinbridge.web.errors;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kinbridge.shared.DomainException;
import org.kinbridge.shared.ProblemKind;

/** A refused use case: its kind decides the status, its code and sentence go to the caller. */
@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {

    private static final Logger LOG = Logger.getLogger(DomainExceptionMapper.class.getName());

    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(DomainException e) {
        LOG.log(Level.FINE, "Refused {0}: {1}", new Object[] {uri.getPath(), e.detail()});
        return ErrorResponses.of(uri, statusOf(e.kind()), e.error(), e.detail());
    }

    static int statusOf(ProblemKind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case TOO_MANY_REQUESTS -> 429;
        };
    }
}
