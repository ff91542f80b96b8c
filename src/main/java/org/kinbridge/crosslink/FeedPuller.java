package org.kinbridge.crosslink;

import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

/**
 * Pulls a linked peer's feed page by page, each a signed request and a checked answer, and replaces the cached copy
 * once every page has come; a failed page keeps the old copy. Outside any transaction.
 */
@ApplicationScoped
public class FeedPuller {

    private static final Logger LOG = Logger.getLogger(FeedPuller.class.getName());

    /** Enough pages for a district at the smallest page a peer may send; a feed that goes on is refused. */
    static final int MAX_PAGES = 2_000;

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
            List<PeerRecords.FeedRecord> fetched = new ArrayList<>();
            Set<String> cursors = new HashSet<>();
            Optional<String> after = Optional.empty();
            for (int page = 1; ; page++) {
                CrossLinkMessage request = CrossLinkMessage.create(MessageType.FEED_REQUEST, handshakes.ourBase(), target.peerUrl(),
                        target.tenant().value(), target.peerSchool(), target.handshake(),
                        after.<Map<String, Object>>map(cursor -> Map.of("after", cursor)).orElse(Map.of()));
                PeerHttp.Reply reply = http.postJose(peer.feedEndpoint(), MessageSigner.sign(request, toolKeys.signingKey(), clock.instant()));
                if (!reply.ok()) {
                    records.failed(target.tenant(), target.linkId(), "The other product answered: " + reply.detail());
                    return;
                }
                SignedJWT answer = MessageVerifier.parse(reply.body());
                PeerRecords.FeedPage checked = records.check(target.tenant(), request.id(), answer,
                        directory.keys(target.peerUrl(), answer.getHeader().getKeyID()));
                if (fetched.size() < PeerRecords.MAX_RECORDS) {
                    fetched.addAll(checked.records());
                }
                if (checked.next().isEmpty()) {
                    break;
                }
                if (!cursors.add(checked.next().get()) || page == MAX_PAGES) {
                    records.failed(target.tenant(), target.linkId(), "The other product's feed did not end (page " + page
                            + " pointed back or past " + MAX_PAGES + " pages); the data from before is kept.");
                    return;
                }
                after = checked.next();
            }
            int stored = records.replace(target.tenant(), target.linkId(), target.handshake(), fetched);
            LOG.log(Level.FINE, "Pulled {0} records from {1}", new Object[] {stored, target.peerUrl()});
        } catch (DomainException e) {
            LOG.log(Level.INFO, "Feed pull from {0} failed: {1}", new Object[] {target.peerUrl(), e.detail()});
            records.failed(target.tenant(), target.linkId(), e.detail());
        }
    }
}
