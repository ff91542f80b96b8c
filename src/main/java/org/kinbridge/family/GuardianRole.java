package org.kinbridge.family;

import java.util.Locale;
import java.util.Optional;

/** The roles that make an adult a student's family contact, strongest first. */
public enum GuardianRole {
    PARENT,
    GUARDIAN,
    RELATIVE;

    /** Kept, not lowered per call: a district's import asks it for every one of its links. */
    private final String rosterName = name().toLowerCase(Locale.ROOT);

    /** The OneRoster spelling: {@code parent}, {@code guardian}, {@code relative}. */
    public String rosterName() {
        return rosterName;
    }

    /** The role a OneRoster or SDS role name stands for, compared case-insensitively. */
    public static Optional<GuardianRole> fromRosterName(String role) {
        if (role == null) {
            return Optional.empty();
        }
        return switch (role.trim().toLowerCase(Locale.ROOT)) {
            case "parent" -> Optional.of(PARENT);
            case "guardian" -> Optional.of(GUARDIAN);
            case "relative" -> Optional.of(RELATIVE);
            default -> Optional.empty();
        };
    }
}
