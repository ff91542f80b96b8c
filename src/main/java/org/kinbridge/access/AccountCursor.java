package org.kinbridge.access;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.kinbridge.shared.InvalidRequestException;

/**
 * A position in a tab's list order (family name, given name, sourcedId), handed to the panel as an opaque string so
 * it can ask for the page after or before it: keyset paging reads 25 index entries however deep the page is.
 */
record AccountCursor(String familyKey, String givenKey, String person) {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    String encode() {
        return part(familyKey) + "." + part(givenKey) + "." + part(person);
    }

    /** The values to compare {@code (a.family_key, a.given_key, a.person_sourced_id)} with. */
    List<Object> values() {
        return List.of(familyKey, givenKey, person);
    }

    static AccountCursor parse(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 3) {
            throw invalid();
        }
        try {
            return new AccountCursor(value(parts[0]), value(parts[1]), value(parts[2]));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static String part(String value) {
        return ENCODER.encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static String value(String part) {
        return new String(DECODER.decode(part), StandardCharsets.UTF_8);
    }

    private static InvalidRequestException invalid() {
        return new InvalidRequestException("invalid_cursor", "after and before take a cursor from a page's next or previous.");
    }
}
