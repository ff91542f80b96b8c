package org.kinbridge.lti.security;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** Operator API: rotate the tool's signing key, and retire old keys once platforms have moved on. */
@Path("api/v1/keys")
@Produces(MediaType.APPLICATION_JSON)
public class ToolKeyResource {

    @Inject
    private ToolKeys toolKeys;

    @POST
    @Path("rotate")
    public Response rotate() {
        return Response.status(Response.Status.CREATED).entity(Map.of("kid", toolKeys.rotate())).build();
    }

    @POST
    @Path("{kid}/retire")
    public Response retire(@PathParam("kid") String kid) {
        toolKeys.retire(kid);
        return Response.noContent().build();
    }
}
