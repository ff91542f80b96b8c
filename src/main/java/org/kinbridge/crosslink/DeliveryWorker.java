package org.kinbridge.crosslink;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.kinbridge.crosslink.protocol.MessageSigner;
import org.kinbridge.crosslink.protocol.PeerMetadata;
import org.kinbridge.lti.security.ToolKeys;
import org.kinbridge.shared.DomainException;
import org.kinbridge.shared.persistence.DatabaseReady;

/**
 * The background round, every KINBRIDGE_CROSSLINK_WORKER_INTERVAL: expires old requests, delivers due
 * messages to peers (a message counts as delivered when the peer accepts it or says it already has it;
 * an outage or 5xx means retry with backoff; any other refusal is final), and pulls due feeds.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class.getName());
    private static final int MAX_ATTEMPTS = 50;

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @Inject
    private CrossLinkSettings settings;

    @Inject
    private HandshakeService handshakes;

    @Inject
    private OutboundMessages outbound;

    @Inject
    private PeerDirectory directory;

    @Inject
    private PeerHttp http;

    @Inject
    private ToolKeys toolKeys;

    @Inject
    private FeedPuller feeds;

    @Inject
    private DatabaseSeenMessages seen;

    @Inject
    private Clock clock;

    private final AtomicInteger rounds = new AtomicInteger();

    void schedule(@Observes DatabaseReady ready) {
        long interval = Math.max(100, settings.workerInterval().toMillis());
        scheduler.scheduleWithFixedDelay(this::round, interval, interval, TimeUnit.MILLISECONDS);
    }

    private void round() {
        try {
            handshakes.expireDue();
            for (String id : outbound.due(20)) {
                outbound.claim(id).ifPresent(this::deliver);
            }
            handshakes.feedsDue().forEach(feeds::pull);
            if (rounds.incrementAndGet() % 600 == 0) {
                seen.purge();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Cross-link round failed; will try again", e);
        }
    }

    private void deliver(OutboundMessages.Pending message) {
        try {
            PeerMetadata peer = directory.metadata(message.peerUrl());
            PeerHttp.Reply reply = http.postJose(peer.messagesEndpoint(),
                    MessageSigner.sign(message.message(), toolKeys.signingKey(), clock.instant()));
            if (reply.ok() || (reply.status() == 409 && "replayed_message".equals(reply.errorCode()))) {
                outbound.delivered(message);
            } else if (isTransient(reply)) {
                retryOrGiveUp(message, "HTTP " + reply.status() + ": " + reply.detail());
            } else {
                outbound.refused(message, reply.errorCode() + ": " + reply.detail());
                handshakes.deliveryRefused(message.tenant(), message.linkId(), message.message().type(), reply.detail());
            }
        } catch (DomainException e) {
            retryOrGiveUp(message, e.detail());
        }
    }

    /**
     * An outage, not a verdict: 5xx, 408, 429, 401 (the peer may not have our new key yet), and any answer
     * without a protocol error code (a proxy's page, or a server still starting that does not know the path).
     */
    private static boolean isTransient(PeerHttp.Reply reply) {
        return reply.status() >= 500 || reply.status() == 408 || reply.status() == 429 || reply.status() == 401
                || reply.errorCode().isEmpty();
    }

    private void retryOrGiveUp(OutboundMessages.Pending message, String error) {
        if (message.attempts() + 1 >= MAX_ATTEMPTS) {
            outbound.refused(message, "gave up after " + MAX_ATTEMPTS + " attempts: " + error);
            handshakes.deliveryRefused(message.tenant(), message.linkId(), message.message().type(), error);
        } else {
            outbound.retryLater(message, error);
        }
    }
}
