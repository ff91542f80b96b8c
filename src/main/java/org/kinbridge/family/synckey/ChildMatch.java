package org.kinbridge.family.synckey;

import java.util.Locale;
import org.kinbridge.shared.InvalidRequestException;

/** How a row's child ids are matched to the school's students. */
public enum ChildMatch {
    /** The student's sourcedId as Kinbridge stores it. */
    INTERNAL_ID,
    /** The student's OneRoster sourcedId or, failing that, their identifier (a SIS number). */
    SYNC_KEY,
    /** The student's username, compared case-insensitively. */
    USERNAME;

    /** The mode a request names, compared case-insensitively, or a plain refusal. */
    public static ChildMatch named(String name) {
        if (name != null) {
            for (ChildMatch match : values()) {
                if (match.name().equals(name.trim().toUpperCase(Locale.ROOT))) {
                    return match;
                }
            }
        }
        throw new InvalidRequestException("invalid_child_match", "childMatch is INTERNAL_ID, SYNC_KEY or USERNAME.");
    }
}
