package org.kinbridge.crosslink;

import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kinbridge.crosslink.protocol.CrossLinkMessage;
import org.kinbridge.crosslink.protocol.MessageSigner;
import org.kinbridge.crosslink.protocol.MessageType;
import org.kinbridge.crosslink.protocol.MessageVerifier;
import org.kinbridge.crosslink.protocol.PeerMetadata;
import org.kinbridge.lti.security.ToolKeys;
import org.kinbridge.shared.DomainException;
import org.kinbridge.shared.TenantId;

/** Pulls a linked peer's feed with a signed request and keeps the checked answer; outside any transaction. */
@ApplicationScoped
public class FeedPuller {

    private static final Logger LOG = Logger.getLogger(FeedPuller.class.getName());

    /** A linked peer whose feed is due. */
    public record Target(TenantId tenant, String linkId, String peerUrl, String peerSchool, String handshake) {
    }

    @Inject
    private PeerDirectory directory;

    @Inject
    private PeerHttp http;

    @Inject
    private PeerRecords records;

    @Inject
    private HandshakeService handshakes;

    @Inject
    private ToolKeys toolKeys;

    @Inject
    private Clock clock;

    public void pull(Target target) {
        try {
            PeerMetadata peer = directory.metadata(target.peerUrl());
            CrossLinkMessage request = CrossLinkMessage.create(MessageType.FEED_REQUEST, handshakes.ourBase(), target.peerUrl(),
                    target.tenant().value(), target.peerSchool(), target.handshake(), Map.of());
            PeerHttp.Reply reply = http.postJose(peer.feedEndpoint(), MessageSigner.sign(request, toolKeys.signingKey(), clock.instant()));
            if (!reply.ok()) {
                records.failed(target.tenant(), target.linkId(), "The other product answered: " + reply.detail());
                return;
            }
            SignedJWT answer = MessageVerifier.parse(reply.body());
            int stored = records.replace(target.tenant(), target.linkId(), target.handshake(), request.id(), answer,
                    directory.keys(target.peerUrl(), answer.getHeader().getKeyID()));
            LOG.log(Level.FINE, "Pulled {0} records from {1}", new Object[] {stored, target.peerUrl()});
        } catch (DomainException e) {
            LOG.log(Level.INFO, "Feed pull from {0} failed: {1}", new Object[] {target.peerUrl(), e.detail()});
            records.failed(target.tenant(), target.linkId(), e.detail());
        }
    }
}
