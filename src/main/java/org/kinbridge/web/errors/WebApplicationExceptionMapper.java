package org.kinbridge.web.errors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** JAX-RS's own refusals (unknown path, wrong method or media type, unreadable body) in our error shape. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    private UriInfo uri;

    @Override
    public Response toResponse(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return new UnexpectedExceptionMapper().answer(uri, e);
        }
        return ErrorResponses.of(uri, status, codeFor(status), sentenceFor(status));
    }

    private static String codeFor(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            default -> "request_refused";
        };
    }

    private static String sentenceFor(int status) {
        return switch (status) {
            case 400 -> "The request could not be read; check its body and parameters.";
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept that HTTP method.";
            case 406 -> "This address cannot answer in the requested format.";
            case 413 -> "The request body is too large.";
            case 415 -> "This address does not accept that content type.";
            default -> "The request was refused.";
        };
    }
}
