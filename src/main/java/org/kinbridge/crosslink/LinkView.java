package org.kinbridge.crosslink;

import java.time.Instant;
import java.util.List;
import org.kinbridge.audit.AuditEntry;

/** A link as the Linked products page shows it: state, who did what and when, and what still waits for the peer. */
public record LinkView(String id, String peerUrl, String peerSchool, String peerSchoolName, String state, boolean requestedByUs,
                       String requestedAt, String requestedBy, String expiresAt, String decidedAt, String decidedBy,
                       String endedAt, String endedBy, String endReason, String lastReminderAt, String waitingForPeer,
                       String feedFetchedAt, String feedError, List<Step> history) {

    /** One audited step of the link's history. */
    public record Step(String at, String actor, String action, String detail) {
        static Step of(AuditEntry entry) {
            return new Step(entry.at().toString(), entry.actor(), entry.action(), entry.detail());
        }
    }

    static LinkView of(CrossLink link, java.util.Optional<String> waiting, List<AuditEntry> history) {
        return new LinkView(link.id(), link.peerUrl(), link.peerSchool(), link.peerSchoolName().orElse(null), link.state().name(),
                link.requestedByUs(), text(link.requestedAt()), link.requestedBy(), text(link.expiresAt()),
                link.decidedAt().map(Instant::toString).orElse(null), link.decidedBy().orElse(null),
                link.endedAt().map(Instant::toString).orElse(null), link.endedBy().orElse(null), link.endReason().orElse(null),
                link.lastReminderAt().map(Instant::toString).orElse(null), waiting.orElse(null),
                link.feedFetchedAt().map(Instant::toString).orElse(null), link.feedError().orElse(null),
                history.stream().map(Step::of).toList());
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
