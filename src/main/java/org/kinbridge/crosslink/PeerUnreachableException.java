package org.kinbridge.crosslink;

import org.kinbridge.shared.DomainException;
import org.kinbridge.shared.ProblemKind;

/** The other product could not be reached or answered something unreadable; worth trying again later. */
public class PeerUnreachableException extends DomainException {

    PeerUnreachableException(String detail) {
        super(ProblemKind.UNAUTHENTICATED, "peer_unreachable", detail);
    }
}
