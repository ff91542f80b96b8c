package org.kinbridge.crosslink;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.kinbridge.crosslink.protocol.MessageRefusedException;
import org.kinbridge.crosslink.protocol.MessageVerifier;
import org.kinbridge.crosslink.protocol.Protocol;
import org.kinbridge.shared.DomainException;
import org.kinbridge.shared.ProblemKind;

/**
 * The server-to-server edge (docs/crosslink-protocol.md): the messages endpoint and the feed endpoint. Trust comes from each message's signature, not from any session.
 */
@Path("crosslink/v1")
public class PeerProtocolResource {

    @Inject
    private PeerDirectory directory;

    @Inject
    private PeerEvents events;

    @Inject
    private FeedPublisher feeds;

    @Inject
    private Refusals refusals;

    @POST
    @Path("messages")
    @Consumes({Protocol.MEDIA_TYPE, MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    public Response message(String body) {
        SignedJWT jwt = MessageVerifier.parse(body);
        try {
            LinkState state = events.receive(jwt, senderKeys(jwt));
            return Response.accepted(Map.of("status", "accepted", "state", state.name())).build();
        } catch (DomainException refused) {
            refusals.record(jwt, refused);
            throw refused;
        }
    }

    @POST
    @Path("feed")
    @Consumes({Protocol.MEDIA_TYPE, MediaType.TEXT_PLAIN})
    @Produces({Protocol.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    public Response feed(String body) {
        SignedJWT jwt = MessageVerifier.parse(body);
        try {
            return Response.ok(feeds.answer(jwt, senderKeys(jwt)), Protocol.MEDIA_TYPE).build();
        } catch (DomainException refused) {
            refusals.record(jwt, refused);
            throw refused;
        }
    }

    private JWKSet senderKeys(SignedJWT jwt) {
        String sender = MessageVerifier.claimedSender(jwt);
        try {
            return directory.keys(sender, jwt.getHeader().getKeyID());
        } catch (DomainException e) {
            throw new MessageRefusedException(ProblemKind.UNAUTHENTICATED, "unknown_sender",
                    "The sender's crosslink metadata or keys could not be read: " + e.detail());
        }
    }
}
