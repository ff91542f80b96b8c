package org.kinbridge.web.errors;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything not foreseen: logged in full under a short reference, answered with that reference only.
 * A body that would not bind (bad JSON) is the caller's mistake and answers 400.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(Throwable e) {
        return answer(uri, e);
    }

    Response answer(UriInfo requestUri, Throwable e) {
        if (isUnreadableBody(e)) {
            return ErrorResponses.of(requestUri, 400, "bad_request", "The request body is not valid JSON of the expected shape.");
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.log(Level.SEVERE, "Unexpected failure, reference " + reference + " on " + (requestUri == null ? "?" : requestUri.getPath()), e);
        return ErrorResponses.of(requestUri, 500, "internal_error",
                "Something went wrong on our side. Quote reference " + reference + " when reporting it.");
    }

    private static boolean isUnreadableBody(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonbException || (cause instanceof ProcessingException && cause.getCause() instanceof JsonbException)) {
                return true;
            }
        }
        return false;
    }
}
