package org.kinbridge.crosslink;

import org.kinbridge.shared.DomainException;
import org.kinbridge.shared.ProblemKind;

/** A link action refused for the link's situation: unknown link, wrong state, cooling down, reminder too soon. */
public class CrossLinkProblem extends DomainException {

    CrossLinkProblem(ProblemKind kind, String error, String detail) {
        super(kind, error, detail);
    }

    static CrossLinkProblem unknownLink(String id) {
        return new CrossLinkProblem(ProblemKind.NOT_FOUND, "unknown_link", "This school has no link " + id + ".");
    }

    static CrossLinkProblem wrongState(String detail) {
        return new CrossLinkProblem(ProblemKind.CONFLICT, "link_state", detail);
    }

    static CrossLinkProblem coolingDown(java.time.Instant until) {
        return new CrossLinkProblem(ProblemKind.CONFLICT, "link_request_cooling_down",
                "A new request to this product can be made from " + until + ".");
    }

    /** A peer's new request arrived while the last round with it is still cooling down on this side. */
    static CrossLinkProblem peerCoolingDown(java.time.Instant until) {
        return new CrossLinkProblem(ProblemKind.CONFLICT, "link_request_cooling_down",
                "The last link round between these schools ended recently; a new request is accepted from " + until + ".");
    }

    static CrossLinkProblem reminderTooSoon(java.time.Instant next) {
        return new CrossLinkProblem(ProblemKind.TOO_MANY_REQUESTS, "reminder_too_soon",
                "A reminder was sent recently; the next one can be sent from " + next + ".");
    }

    static CrossLinkProblem unknownHandshake() {
        return new CrossLinkProblem(ProblemKind.CONFLICT, "unknown_handshake",
                "The message refers to no pending or current handshake between these schools.");
    }
}
