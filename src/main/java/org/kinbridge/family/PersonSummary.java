package org.kinbridge.family;

import java.util.List;

/** A person as a search result lists them. */
public record PersonSummary(String sourcedId, String givenName, String familyName, String username, String email,
                            List<String> roles, boolean student, boolean active, int activeLinks) {
}
