package org.kinbridge.crosslink;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.kinbridge.audit.AuditEntry;
import org.kinbridge.audit.AuditLog;
import org.kinbridge.crosslink.protocol.CrossLinkMessage;
import org.kinbridge.crosslink.protocol.MessageType;
import org.kinbridge.crosslink.protocol.PeerUrls;
import org.kinbridge.school.MainSchoolAdmins;
import org.kinbridge.school.Tenant;
import org.kinbridge.school.TenantService;
import org.kinbridge.shared.Caller;
import org.kinbridge.shared.InvalidRequestException;
import org.kinbridge.shared.PublicUrl;
import org.kinbridge.shared.TenantId;

/**
 * The main school admin's side of the handshake: request, approve, deny, cancel, remind, unlink. Each is
 * one transaction that changes the link, queues the message to the peer and audits who did it.
 */
@ApplicationScoped
public class HandshakeService {

    static final String SUBJECT_PREFIX = "crosslink:";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private CrossLinkSettings settings;

    @Inject
    private MainSchoolAdmins mainAdmins;

    @Inject
    private OutboundMessages outbound;

    @Inject
    private AuditLog audit;

    @Inject
    private PublicUrl publicUrl;

    @Inject
    private TenantService tenants;

    @Inject
    private PeerRecords records;

    @Transactional
    public CrossLink request(Caller caller, String peerUrl, String peerSchool) {
        mainAdmins.requireMain(caller);
        String url = PeerUrls.normalise(peerUrl);
        String school = checkedSchool(peerSchool);
        if (url.equals(ourBase()) && school.equals(caller.tenant().value())) {
            throw new InvalidRequestException("invalid_peer", "A school cannot link to itself.");
        }
        Instant now = clock.instant();
        Optional<CrossLink> existing = byPeer(caller.tenant(), url, school);
        if (existing.isPresent() && existing.get().state() == LinkState.PENDING && !existing.get().requestedByUs()) {
            return approve(caller, existing.get().id()); // they asked us already: asking back is agreeing
        }
        CrossLink link = existing.orElseGet(() -> new CrossLink(caller.tenant(), url, school));
        link.newRequestFrom(settings.cooldown()).filter(now::isBefore).ifPresent(until -> {
            throw CrossLinkProblem.coolingDown(until);
        });
        Instant expires = now.plus(settings.requestTtl());
        link.requestedByUs(UUID.randomUUID().toString(), caller.auditName(), now, expires);
        if (existing.isEmpty()) {
            em.persist(link);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("school_name", tenants.find(caller.tenant()).map(Tenant::name).orElse(""));
        data.put("requested_by", caller.displayName());
        data.put("expires_at", expires.toString());
        send(link, MessageType.LINK_REQUEST, data);
        record(link, caller.auditName(), "crosslink.requested", "asked " + url + " (school " + school + ")");
        return link;
    }

    @Transactional
    public CrossLink approve(Caller caller, String linkId) {
        mainAdmins.requireMain(caller);
        CrossLink link = require(caller.tenant(), linkId);
        if (link.state() != LinkState.PENDING || link.requestedByUs()) {
            throw CrossLinkProblem.wrongState("Only a pending request from the other product can be approved.");
        }
        link.link(caller.auditName(), clock.instant());
        send(link, MessageType.LINK_APPROVE, Map.of("by", caller.displayName()));
        record(link, caller.auditName(), "crosslink.approved", "linked with " + link.peerUrl());
        return link;
    }

    @Transactional
    public CrossLink deny(Caller caller, String linkId) {
        mainAdmins.requireMain(caller);
        CrossLink link = require(caller.tenant(), linkId);
        if (link.state() != LinkState.PENDING || link.requestedByUs()) {
            throw CrossLinkProblem.wrongState("Only a pending request from the other product can be denied.");
        }
        link.deny(caller.auditName(), clock.instant());
        send(link, MessageType.LINK_DENY, Map.of("by", caller.displayName()));
        record(link, caller.auditName(), "crosslink.denied", "request from " + link.peerUrl() + " denied");
        return link;
    }

    @Transactional
    public CrossLink cancel(Caller caller, String linkId) {
        mainAdmins.requireMain(caller);
        CrossLink link = require(caller.tenant(), linkId);
        if (link.state() != LinkState.PENDING || !link.requestedByUs()) {
            throw CrossLinkProblem.wrongState("Only your own pending request can be cancelled.");
        }
        link.cancel(caller.auditName(), clock.instant(), "cancelled by the requester");
        send(link, MessageType.LINK_CANCEL, Map.of("by", caller.displayName()));
        record(link, caller.auditName(), "crosslink.cancelled", "request to " + link.peerUrl() + " cancelled");
        return link;
    }

    /** Asks the other side to email its main admin about our pending request; at most once per interval. */
    @Transactional
    public CrossLink remind(Caller caller, String linkId) {
        mainAdmins.requireMain(caller);
        CrossLink link = require(caller.tenant(), linkId);
        if (link.state() != LinkState.PENDING || !link.requestedByUs()) {
            throw CrossLinkProblem.wrongState("A reminder can only be sent for your own pending request.");
        }
        Instant now = clock.instant();
        Optional<Instant> next = link.lastReminderAt().map(at -> at.plus(settings.reminderInterval()));
        if (next.isPresent() && now.isBefore(next.get())) {
            throw CrossLinkProblem.reminderTooSoon(next.get());
        }
        link.remindedAt(now);
        send(link, MessageType.LINK_REMIND, Map.of("by", caller.displayName()));
        record(link, caller.auditName(), "crosslink.reminded", "reminder sent to " + link.peerUrl());
        return link;
    }

    @Transactional
    public CrossLink unlink(Caller caller, String linkId) {
        mainAdmins.requireMain(caller);
        CrossLink link = require(caller.tenant(), linkId);
        link.unlink(caller.auditName(), clock.instant(), "unlinked by " + caller.displayName());
        int removed = records.removeAll(link.tenant(), link.id());
        send(link, MessageType.LINK_UNLINK, Map.of("by", caller.displayName()));
        record(link, caller.auditName(), "crosslink.unlinked", "unlinked; " + removed + " cached records removed");
        return link;
    }

    /** Asks for the peer's feed to be pulled again at the next worker round. */
    @Transactional
    public void refreshFeed(Caller caller, String linkId) {
        caller.requireSchoolAdmin();
        CrossLink link = require(caller.tenant(), linkId);
        if (link.state() != LinkState.LINKED) {
            throw CrossLinkProblem.wrongState("Data is only shared while the products are linked.");
        }
        link.feedFailed(link.feedError().orElse(null), clock.instant());
    }

    @Transactional
    public List<CrossLink> links(TenantId tenant) {
        return em.createNamedQuery("CrossLink.byTenant", CrossLink.class).setParameter("tenant", tenant.value()).getResultList();
    }

    @Transactional
    public CrossLink link(TenantId tenant, String linkId) {
        return require(tenant, linkId);
    }

    /** Pending requests past their expiry become EXPIRED on this side (the peer does the same on its own clock). */
    @Transactional
    public int expireDue() {
        Instant now = clock.instant();
        List<CrossLink> due = em.createNamedQuery("CrossLink.expiring", CrossLink.class).setParameter("now", now).getResultList();
        for (CrossLink link : due) {
            link.expire(now);
            record(link, "Kinbridge", "crosslink.expired", "the request was not answered by " + link.expiresAt());
        }
        return due.size();
    }

    /** Linked peers whose feed is due to be pulled. */
    @Transactional
    public List<FeedPuller.Target> feedsDue() {
        return em.createNamedQuery("CrossLink.feedDue", CrossLink.class).setParameter("now", clock.instant()).setMaxResults(20)
                .getResultStream().map(l -> new FeedPuller.Target(l.tenant(), l.id(), l.peerUrl(), l.peerSchool(), l.handshakeId()))
                .toList();
    }

    /** The peer refused one of our messages for good: audited; a refused request ends the round. */
    @Transactional
    public void deliveryRefused(TenantId tenant, String linkId, MessageType type, String detail) {
        Optional<CrossLink> found = find(tenant, linkId);
        if (found.isEmpty()) {
            return;
        }
        CrossLink link = found.get();
        record(link, "peer " + link.peerUrl(), "crosslink.delivery_refused", type.wire() + ": " + detail);
        if (type == MessageType.LINK_REQUEST && link.state() == LinkState.PENDING && link.requestedByUs()) {
            link.cancel("Kinbridge", clock.instant(), "the other product refused the request: " + detail);
        }
    }

    Optional<CrossLink> byPeer(TenantId tenant, String peerUrl, String peerSchool) {
        return em.createNamedQuery("CrossLink.byPeer", CrossLink.class).setParameter("tenant", tenant.value())
                .setParameter("peerUrl", peerUrl).setParameter("peerSchool", peerSchool).getResultStream().findFirst();
    }

    void persist(CrossLink link) {
        em.persist(link);
    }

    /** Queues a message about this link to its peer, in the caller's transaction. */
    void send(CrossLink link, MessageType type, Map<String, Object> data) {
        Map<String, Object> withName = new LinkedHashMap<>(data);
        withName.putIfAbsent("school_name", tenants.find(link.tenant()).map(Tenant::name).orElse(""));
        outbound.enqueue(link, CrossLinkMessage.create(type, ourBase(), link.peerUrl(), link.tenant().value(), link.peerSchool(),
                link.handshakeId(), withName));
    }

    void record(CrossLink link, String actor, String action, String detail) {
        audit.record(link.tenant(), new AuditEntry(clock.instant(), actor, action, SUBJECT_PREFIX + link.id(), detail));
    }

    String ourBase() {
        return PeerUrls.normalise(publicUrl.base());
    }

    private Optional<CrossLink> find(TenantId tenant, String linkId) {
        CrossLink link = linkId == null ? null : em.find(CrossLink.class, linkId);
        return link == null || !link.tenant().equals(tenant) ? Optional.empty() : Optional.of(link);
    }

    private CrossLink require(TenantId tenant, String linkId) {
        return find(tenant, linkId).orElseThrow(() -> CrossLinkProblem.unknownLink(String.valueOf(linkId)));
    }

    private static String checkedSchool(String school) {
        if (school == null || school.isBlank() || school.trim().length() > 100) {
            throw new InvalidRequestException("invalid_peer_school",
                    "Enter your school's identifier at the other product (1 to 100 characters).");
        }
        return school.trim();
    }
}
