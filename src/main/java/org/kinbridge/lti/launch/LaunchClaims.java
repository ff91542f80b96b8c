package org.kinbridge.lti.launch;

import com.nimbusds.jwt.JWTClaimsSet;
import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Typed, tolerant reading of the LTI claims of an id_token; a claim of the wrong type counts as absent. */
final class LaunchClaims {

    static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    static final String MESSAGE_TYPE = LTI + "message_type";
    static final String VERSION = LTI + "version";
    static final String DEPLOYMENT_ID = LTI + "deployment_id";
    static final String ROLES = LTI + "roles";
    static final String RESOURCE_LINK = LTI + "resource_link";
    static final String TARGET_LINK_URI = LTI + "target_link_uri";
    static final String ROLE_SCOPE_MENTOR = LTI + "role_scope_mentor";
    static final String LIS = LTI + "lis";
    static final String LAUNCH_PRESENTATION = LTI + "launch_presentation";

    private final JWTClaimsSet claims;

    LaunchClaims(JWTClaimsSet claims) {
        this.claims = claims;
    }

    Optional<String> string(String name) {
        try {
            return Optional.ofNullable(claims.getStringClaim(name)).filter(s -> !s.isBlank());
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    Optional<List<String>> strings(String name) {
        try {
            return Optional.ofNullable(claims.getStringListClaim(name));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    Optional<String> member(String objectClaim, String field) {
        try {
            Map<String, Object> object = claims.getJSONObjectClaim(objectClaim);
            return object != null && object.get(field) instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    String deploymentId() {
        return string(DEPLOYMENT_ID).orElse("");
    }

    String subject() {
        return Optional.ofNullable(claims.getSubject()).orElse("");
    }

    String displayName() {
        return string("name")
                .or(() -> string("given_name").map(given -> given + string("family_name").map(f -> " " + f).orElse("")))
                .orElse(subject());
    }

    Optional<String> email() {
        return string("email");
    }

    Optional<String> personSourcedId() {
        return member(LIS, "person_sourcedid");
    }

    List<String> roles() {
        return strings(ROLES).orElse(List.of());
    }

    List<String> menteeIds() {
        return strings(ROLE_SCOPE_MENTOR).orElse(List.of());
    }

    String resourceLinkId() {
        return member(RESOURCE_LINK, "id").orElse("");
    }

    Optional<String> returnUrl() {
        return member(LAUNCH_PRESENTATION, "return_url");
    }
}
