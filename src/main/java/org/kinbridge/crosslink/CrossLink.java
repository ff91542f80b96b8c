package org.kinbridge.crosslink;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.kinbridge.shared.TenantId;

/**
 * This school's link with one school at one peer product. One row per peer school, reused by each new
 * handshake round; changes only through the intent methods, which keep DESIGN.md's state machine.
 */
@Entity
@Table(name = "crosslink")
@NamedQuery(name = "CrossLink.byPeer", query = "SELECT l FROM CrossLink l WHERE l.tenantId = :tenant "
        + "AND l.peerUrl = :peerUrl AND l.peerSchool = :peerSchool")
@NamedQuery(name = "CrossLink.byTenant", query = "SELECT l FROM CrossLink l WHERE l.tenantId = :tenant ORDER BY l.requestedAt DESC")
@NamedQuery(name = "CrossLink.expiring", query = "SELECT l FROM CrossLink l WHERE l.state = org.kinbridge.crosslink.LinkState.PENDING "
        + "AND l.expiresAt < :now")
@NamedQuery(name = "CrossLink.feedDue", query = "SELECT l FROM CrossLink l WHERE l.state = org.kinbridge.crosslink.LinkState.LINKED "
        + "AND l.feedDueAt <= :now")
public class CrossLink {

    @Id
    private String id;

    @Column(name = "tenant_id")
    private String tenantId;

    @Column(name = "peer_url")
    private String peerUrl;

    @Column(name = "peer_school")
    private String peerSchool;

    @Column(name = "peer_school_name")
    private String peerSchoolName;

    @Enumerated(EnumType.STRING)
    private LinkState state;

    @Column(name = "requested_by_us")
    private boolean requestedByUs;

    @Column(name = "handshake_id")
    private String handshakeId;

    @Column(name = "requested_at")
    private Instant requestedAt;

    @Column(name = "requested_by")
    private String requestedBy;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "ended_by")
    private String endedBy;

    @Column(name = "end_reason")
    private String endReason;

    @Column(name = "last_reminder_at")
    private Instant lastReminderAt;

    @Column(name = "feed_due_at")
    private Instant feedDueAt;

    @Column(name = "feed_fetched_at")
    private Instant feedFetchedAt;

    @Column(name = "feed_error")
    private String feedError;

    @Version
    private long version;

    protected CrossLink() {
    }

    CrossLink(TenantId tenant, String peerUrl, String peerSchool) {
        this.id = UUID.randomUUID().toString();
        this.tenantId = tenant.value();
        this.peerUrl = peerUrl;
        this.peerSchool = peerSchool;
    }

    /** Starts a new round as the requester. */
    void requestedByUs(String handshake, String by, Instant now, Instant expires) {
        startRound(true, handshake, by, now, expires);
    }

    /** Starts a new round because the peer asked. */
    void requestedByPeer(String handshake, String by, String schoolName, Instant now, Instant expires) {
        startRound(false, handshake, by, now, expires);
        if (schoolName != null && !schoolName.isBlank()) {
            peerSchoolName = clip(schoolName, 200);
        }
    }

    private void startRound(boolean byUs, String handshake, String by, Instant now, Instant expires) {
        if (state == LinkState.PENDING || state == LinkState.LINKED) {
            throw CrossLinkProblem.wrongState("A link with this school is already " + state.name().toLowerCase() + ".");
        }
        state = LinkState.PENDING;
        requestedByUs = byUs;
        handshakeId = handshake;
        requestedAt = now;
        requestedBy = clip(by, 255);
        expiresAt = expires;
        decidedAt = null;
        decidedBy = null;
        endedAt = null;
        endedBy = null;
        endReason = null;
        lastReminderAt = null;
        feedDueAt = null;
        feedFetchedAt = null;
        feedError = null;
    }

    void link(String by, Instant now) {
        requirePending();
        state = LinkState.LINKED;
        decidedAt = now;
        decidedBy = clip(by, 255);
        feedDueAt = now;
    }

    void deny(String by, Instant now) {
        requirePending();
        state = LinkState.DENIED;
        decidedAt = now;
        decidedBy = clip(by, 255);
        end(by, now, "denied");
    }

    void cancel(String by, Instant now, String reason) {
        requirePending();
        state = LinkState.CANCELLED;
        end(by, now, reason);
    }

    void expire(Instant now) {
        requirePending();
        state = LinkState.EXPIRED;
        end("Kinbridge", now, "the request was not answered in time");
    }

    void unlink(String by, Instant now, String reason) {
        if (state != LinkState.LINKED) {
            throw CrossLinkProblem.wrongState("Only a linked product can be unlinked; this one is " + state.name().toLowerCase() + ".");
        }
        state = LinkState.UNLINKED;
        end(by, now, reason);
        feedDueAt = null;
    }

    /** The peer's school name as its messages give it. */
    void namePeerSchool(String name) {
        if (name != null && !name.isBlank()) {
            peerSchoolName = clip(name.trim(), 200);
        }
    }

    void remindedAt(Instant now) {
        lastReminderAt = now;
    }

    /** Two requests crossed: both sides keep the smaller handshake id, so both name the same round. */
    void adoptHandshake(String other) {
        if (other.compareTo(handshakeId) < 0) {
            handshakeId = other;
        }
    }

    void feedFetched(Instant now, Instant nextDue) {
        feedFetchedAt = now;
        feedDueAt = nextDue;
        feedError = null;
    }

    void feedFailed(String error, Instant retryAt) {
        feedError = clip(error, 500);
        feedDueAt = retryAt;
    }

    /** When a new request may be made, if the last round ended. */
    Optional<Instant> newRequestFrom(Duration cooldown) {
        return endedAt == null ? Optional.empty() : Optional.of(endedAt.plus(cooldown));
    }

    private void end(String by, Instant now, String reason) {
        endedAt = now;
        endedBy = clip(by, 255);
        endReason = clip(reason, 500);
    }

    private void requirePending() {
        if (state != LinkState.PENDING) {
            throw CrossLinkProblem.wrongState("There is no pending request; the link is " + state.name().toLowerCase() + ".");
        }
    }

    private static String clip(String value, int max) {
        return value == null ? null : value.length() <= max ? value : value.substring(0, max);
    }

    public String id() { return id; }
    public TenantId tenant() { return new TenantId(tenantId); }
    public String peerUrl() { return peerUrl; }
    public String peerSchool() { return peerSchool; }
    public Optional<String> peerSchoolName() { return Optional.ofNullable(peerSchoolName); }
    public LinkState state() { return state; }
    public boolean requestedByUs() { return requestedByUs; }
    public String handshakeId() { return handshakeId; }
    public Instant requestedAt() { return requestedAt; }
    public String requestedBy() { return requestedBy; }
    public Instant expiresAt() { return expiresAt; }
    public Optional<Instant> decidedAt() { return Optional.ofNullable(decidedAt); }
    public Optional<String> decidedBy() { return Optional.ofNullable(decidedBy); }
    public Optional<Instant> endedAt() { return Optional.ofNullable(endedAt); }
    public Optional<String> endedBy() { return Optional.ofNullable(endedBy); }
    public Optional<String> endReason() { return Optional.ofNullable(endReason); }
    public Optional<Instant> lastReminderAt() { return Optional.ofNullable(lastReminderAt); }
    public Optional<Instant> feedFetchedAt() { return Optional.ofNullable(feedFetchedAt); }
    public Optional<String> feedError() { return Optional.ofNullable(feedError); }
}
