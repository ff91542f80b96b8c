package org.kinbridge.lti.security;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/** {@code GET /.well-known/jwks.json}: the tool's public keys, current and not yet retired. */
@Path(".well-known/jwks.json")
public class JwksResource {

    @Inject
    private ToolKeys toolKeys;

    @GET
    @Produces("application/json")
    public Response jwks() {
        return Response.ok(toolKeys.publicKeys().toString(true))
                .header("Cache-Control", "public, max-age=300")
                .build();
    }
}
