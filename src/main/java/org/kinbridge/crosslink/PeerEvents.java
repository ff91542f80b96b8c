package org.kinbridge.crosslink;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import org.kinbridge.crosslink.protocol.CrossLinkMessage;
import org.kinbridge.crosslink.protocol.MessageRefusedException;
import org.kinbridge.crosslink.protocol.MessageType;
import org.kinbridge.crosslink.protocol.MessageVerifier;
import org.kinbridge.crosslink.protocol.PeerUrls;
import org.kinbridge.school.TenantService;
import org.kinbridge.shared.PublicUrl;
import org.kinbridge.shared.ProblemKind;
import org.kinbridge.shared.TenantId;

/**
 * The peer's side of the handshake arriving here: each checked message moves the link as DESIGN.md says,
 * in one transaction with its replay-store entry, so the same message twice has one effect.
 */
@ApplicationScoped
public class PeerEvents {

    /** A message that passed every protocol check, for the school it was addressed to. */
    record Received(TenantId tenant, String sender, CrossLinkMessage message) {
    }

    @Inject
    private Clock clock;

    @Inject
    private PublicUrl publicUrl;

    @Inject
    private TenantService tenants;

    @Inject
    private DatabaseSeenMessages seen;

    @Inject
    private HandshakeService handshakes;

    @Inject
    private LinkNotices notices;

    @Inject
    private PeerRecords records;

    @Inject
    private CrossLinkSettings settings;

    /** Applies a handshake message; answers the link's state afterwards. */
    @Transactional
    public LinkState receive(SignedJWT jwt, JWKSet senderKeys) {
        Received received = open(jwt, senderKeys);
        CrossLinkMessage message = received.message();
        Optional<CrossLink> existing = handshakes.byPeer(received.tenant(), received.sender(), message.senderSchool());
        if (message.type() == MessageType.LINK_REQUEST) {
            return onRequest(received, existing);
        }
        CrossLink link = existing.filter(l -> l.handshakeId().equals(message.handshake()))
                .orElseThrow(CrossLinkProblem::unknownHandshake);
        link.namePeerSchool(message.text("school_name"));
        String by = "peer " + received.sender() + ": " + Optional.ofNullable(message.text("by")).orElse("their main admin");
        Instant now = clock.instant();
        switch (message.type()) {
            case LINK_APPROVE -> {
                if (link.state() == LinkState.PENDING && link.requestedByUs()) {
                    link.link(by, now);
                    handshakes.record(link, by, "crosslink.approved_by_peer", "the other product approved");
                } else if (link.state() != LinkState.LINKED) {
                    throw CrossLinkProblem.unknownHandshake();
                }
            }
            case LINK_DENY -> {
                if (link.state() == LinkState.PENDING && link.requestedByUs()) {
                    link.deny(by, now);
                    handshakes.record(link, by, "crosslink.denied_by_peer", "the other product denied");
                } else if (link.state() != LinkState.DENIED) {
                    throw CrossLinkProblem.unknownHandshake();
                }
            }
            case LINK_CANCEL -> {
                if (link.state() == LinkState.PENDING && !link.requestedByUs()) {
                    link.cancel(by, now, "cancelled by the other product");
                    handshakes.record(link, by, "crosslink.cancelled_by_peer", "the other product cancelled its request");
                } else if (link.state() != LinkState.CANCELLED) {
                    throw CrossLinkProblem.unknownHandshake();
                }
            }
            case LINK_REMIND -> onReminder(link, by, now);
            case LINK_UNLINK -> {
                if (link.state() == LinkState.LINKED) {
                    link.unlink(by, now, "unlinked by the other product");
                    int removed = records.removeAll(link.tenant(), link.id());
                    handshakes.record(link, by, "crosslink.unlinked_by_peer", "unlinked; " + removed + " cached records removed");
                } else if (link.state() != LinkState.UNLINKED) {
                    throw CrossLinkProblem.unknownHandshake();
                }
            }
            default -> throw new MessageRefusedException(ProblemKind.INVALID, "wrong_endpoint",
                    "Feed messages go to the feed endpoint.");
        }
        return link.state();
    }

    private LinkState onRequest(Received received, Optional<CrossLink> existing) {
        CrossLinkMessage message = received.message();
        Instant now = clock.instant();
        String requester = Optional.ofNullable(message.text("requested_by")).orElse("Their main admin");
        String by = "peer " + received.sender() + ": " + requester;
        CrossLink link = existing.orElse(null);
        if (link != null && link.state() == LinkState.PENDING && link.requestedByUs()) {
            // Both schools asked at once: that is agreement, and both sides settle on one handshake id.
            link.adoptHandshake(message.handshake());
            link.namePeerSchool(message.text("school_name"));
            link.link(by, now);
            handshakes.send(link, MessageType.LINK_APPROVE, Map.of("by", "both schools asked"));
            handshakes.record(link, by, "crosslink.linked_by_crossing", "both schools asked at the same time");
            return link.state();
        }
        if (link != null && (link.state() == LinkState.PENDING || link.state() == LinkState.LINKED)) {
            if (link.handshakeId().equals(message.handshake())) {
                return link.state();
            }
            throw CrossLinkProblem.wrongState("A link with this school is already " + link.state().name().toLowerCase() + ".");
        }
        if (link != null) {
            // The receiver keeps the cooldown too: a round that ended here (denied, cancelled, expired,
            // unlinked) cannot be reopened by the peer before it is over, whatever the peer's own rule is.
            Optional<Instant> until = link.newRequestFrom(settings.cooldown()).filter(now::isBefore);
            if (until.isPresent()) {
                throw CrossLinkProblem.peerCoolingDown(until.get());
            }
        }
        boolean isNew = link == null;
        if (isNew) {
            link = new CrossLink(received.tenant(), received.sender(), message.senderSchool());
        }
        link.requestedByPeer(message.handshake(), by, message.text("school_name"), now, expiry(message, now));
        if (isNew) {
            handshakes.persist(link);
        }
        handshakes.record(link, by, "crosslink.request_received", "request from " + received.sender());
        notices.newRequest(link, requester);
        return link.state();
    }

    private void onReminder(CrossLink link, String by, Instant now) {
        if (link.state() != LinkState.PENDING || link.requestedByUs()) {
            throw CrossLinkProblem.unknownHandshake();
        }
        Optional<Instant> next = link.lastReminderAt().map(at -> at.plus(settings.reminderInterval()));
        if (next.isPresent() && now.isBefore(next.get())) {
            handshakes.record(link, by, "crosslink.reminder_suppressed", "a reminder was already sent at " + link.lastReminderAt().get());
            return;
        }
        link.remindedAt(now);
        handshakes.record(link, by, "crosslink.reminder_received", "reminder emailed to the main admin");
        notices.reminder(link, by);
    }

    private Instant expiry(CrossLinkMessage message, Instant now) {
        Instant ours = now.plus(settings.requestTtl());
        try {
            String theirs = message.text("expires_at");
            return theirs == null ? ours : min(ours, Instant.parse(theirs));
        } catch (DateTimeParseException e) {
            return ours;
        }
    }

    /** Checks a message and finds the school it is for, inside the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    Received open(SignedJWT jwt, JWKSet senderKeys) {
        CrossLinkMessage message = new MessageVerifier(publicUrl.base(), clock).verify(jwt, senderKeys, seen);
        TenantId tenant = school(message.recipientSchool());
        return new Received(tenant, PeerUrls.normalise(message.sender()), message);
    }

    private TenantId school(String reference) {
        if (reference == null || reference.isBlank() || reference.length() > 64) {
            throw unknownSchool();
        }
        TenantId id = new TenantId(reference);
        return tenants.find(id).map(t -> id).orElseThrow(PeerEvents::unknownSchool);
    }

    private static MessageRefusedException unknownSchool() {
        return new MessageRefusedException(ProblemKind.NOT_FOUND, "unknown_school",
                "No school here has the identifier the message is addressed to.");
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
