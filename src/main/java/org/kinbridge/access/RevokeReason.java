package org.kinbridge.access;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Why an adult is not (or no longer) eligible, each in words an admin can act on. */
public enum RevokeReason {
    NO_ACTIVE_STUDENTS("No active students at the school any more."),
    FLAG_REMOVED("The contact lost its parental-access flag."),
    CONTACT_NOT_LINKED("The username sits on a contact that is not linked any more (family split or contact changed)."),
    REPLACED("Replaced by a newer account with the same username."),
    RESTRICTED("A restriction is recorded."),
    RELATIVES_OFF("Linked only as a relative, and this school does not give relatives access.");

    private final String text;

    RevokeReason(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** Stored form: codes joined by commas, in declaration order, empty for none. */
    static String join(Set<RevokeReason> reasons) {
        return reasons.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    static Set<RevokeReason> parse(String stored) {
        EnumSet<RevokeReason> reasons = EnumSet.noneOf(RevokeReason.class);
        if (stored != null && !stored.isBlank()) {
            Arrays.stream(stored.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .forEach(code -> reasons.add(valueOf(code)));
        }
        return reasons;
    }
}
