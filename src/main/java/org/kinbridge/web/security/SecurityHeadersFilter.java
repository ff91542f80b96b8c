package org.kinbridge.web.security;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.kinbridge.shared.ContentSecurityPolicy;

/**
 * Headers on every answer. Pages that set their own Content-Security-Policy (launch pages name the
 * platform that frames them) keep it; the rest may be framed only by ourselves.
 */
@Provider
public class SecurityHeadersFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("Referrer-Policy", "no-referrer");
        if (!headers.containsKey(ContentSecurityPolicy.HEADER)) {
            headers.putSingle(ContentSecurityPolicy.HEADER, ContentSecurityPolicy.framedBy(List.of()));
        }
        headers.remove("X-Frame-Options");
    }
}
