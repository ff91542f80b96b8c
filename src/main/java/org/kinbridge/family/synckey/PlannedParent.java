package org.kinbridge.family.synckey;

import org.kinbridge.family.RosterPerson;

/** A parent this import creates or updates, as the person row it will write. */
public record PlannedParent(int row, String syncValue, RosterPerson person) {
}
