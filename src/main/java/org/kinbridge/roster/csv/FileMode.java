package org.kinbridge.roster.csv;

import java.util.Locale;
import java.util.Optional;

/** What the manifest says a file holds: nothing, the whole truth, or changes. */
public enum FileMode {
    ABSENT,
    BULK,
    DELTA;

    /** A manifest value; blank means bulk (real exports leave it empty), anything unknown is empty. */
    static Optional<FileMode> fromManifestValue(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "", "bulk" -> Optional.of(BULK);
            case "absent" -> Optional.of(ABSENT);
            case "delta" -> Optional.of(DELTA);
            default -> Optional.empty();
        };
    }
}
