package org.kinbridge.family;

import org.kinbridge.shared.DomainException;
import org.kinbridge.shared.ProblemKind;

/** This adult's new links are on hold (a safeguarding restriction): their existing links stay, no new one is made. */
public class NewLinksHeldException extends DomainException {

    public NewLinksHeldException() {
        super(ProblemKind.CONFLICT, "new_links_held", "New links for this adult are on hold: a restriction is recorded. "
                + "Their existing links stay; lift the restriction's \"new links\" switch first.");
    }
}
