package org.kinbridge.family.synckey;

import java.util.List;

/**
 * One accepted row of a parent file: the parent's sync value, what the file says about them, and the
 * ids of their children as written (not yet matched).
 */
public record ParentRow(int row, String syncValue, String givenName, String familyName, String email,
                        List<String> childIds) {

    /** People made by this import carry this prefix, so they never clash with a roster's sourcedIds. */
    public static final String SOURCED_ID_PREFIX = org.kinbridge.family.PeopleStore.SYNC_KEY_PREFIX;

    public ParentRow {
        childIds = List.copyOf(childIds);
    }

    public String sourcedId() {
        return SOURCED_ID_PREFIX + syncValue;
    }
}
