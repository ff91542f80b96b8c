package org.kinbridge.crosslink;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.kinbridge.crosslink.protocol.PeerMetadata;

/** {@code GET /.well-known/kinbridge-crosslink}: protocol version, endpoints and JWKS of this instance. */
@Path(".well-known/kinbridge-crosslink")
public class CrossLinkMetadataResource {

    @Inject
    private HandshakeService handshakes;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response metadata() {
        return Response.ok(PeerMetadata.ours(handshakes.ourBase()).toJson()).header("Cache-Control", "public, max-age=300").build();
    }
}
