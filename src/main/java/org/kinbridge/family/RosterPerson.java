package org.kinbridge.family;

import java.util.List;
import java.util.Optional;
import org.kinbridge.shared.SecureTokens;

/**
 * A person as the roster describes them: what Kinbridge keeps of a users.csv row (plus roles.csv).
 * The fingerprint lets a re-import skip every row that did not change.
 */
public record RosterPerson(String sourcedId, boolean active, Optional<Boolean> enabledUser, List<String> roles,
                           Optional<String> primaryRole, String givenName, String familyName, String username,
                           String email, String identifier, List<String> agentSourcedIds, List<String> orgSourcedIds) {

    public RosterPerson {
        roles = normalised(roles);
        agentSourcedIds = List.copyOf(agentSourcedIds);
        orgSourcedIds = List.copyOf(orgSourcedIds);
        givenName = blankToNull(givenName);
        familyName = blankToNull(familyName);
        username = blankToNull(username);
        email = blankToNull(email);
        identifier = blankToNull(identifier);
    }

    public String fingerprint() {
        return SecureTokens.sha256(String.join("\u0001", sourcedId, String.valueOf(active),
                String.valueOf(enabledUser.orElse(null)), String.join(",", roles), primaryRole.orElse(""),
                String.valueOf(givenName), String.valueOf(familyName), String.valueOf(username), String.valueOf(email),
                String.valueOf(identifier), String.join(",", agentSourcedIds), String.join(",", orgSourcedIds)));
    }

    /** The same person with other roles (a delta row that names none keeps the stored ones). */
    public RosterPerson withRoles(List<String> otherRoles, Optional<String> otherPrimaryRole) {
        return new RosterPerson(sourcedId, active, enabledUser, otherRoles, otherPrimaryRole, givenName, familyName,
                username, email, identifier, agentSourcedIds, orgSourcedIds);
    }

    /** The same person, no longer in the school's roster. */
    public RosterPerson ended() {
        return new RosterPerson(sourcedId, false, enabledUser, roles, primaryRole, givenName, familyName, username,
                email, identifier, agentSourcedIds, orgSourcedIds);
    }

    public String displayName() {
        return displayName(givenName, familyName, sourcedId);
    }

    /** "Given Family", either part alone, or {@code fallback} (the sourcedId) when the roster gives neither. */
    public static String displayName(String given, String family, String fallback) {
        String name = ((given == null ? "" : given) + " " + (family == null ? "" : family)).trim();
        return name.isEmpty() ? fallback : name;
    }

    /** Lower case, without blanks or repeats, sorted: once per person of a district, so a loop. */
    private static List<String> normalised(List<String> roles) {
        List<String> normalised = new java.util.ArrayList<>(roles.size());
        for (String role : roles) {
            String name = role.trim().toLowerCase(java.util.Locale.ROOT);
            if (!name.isEmpty() && !normalised.contains(name)) {
                normalised.add(name);
            }
        }
        normalised.sort(null);
        return List.copyOf(normalised);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
