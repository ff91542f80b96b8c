package org.kinbridge.lti.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kinbridge.shared.PublicUrl;

/**
 * What Kinbridge asks a platform to register (LTI Dynamic Registration 1.0 client metadata): its
 * login and launch URLs, JWKS, the claims it needs, and an admin-menu placement.
 */
@ApplicationScoped
public class ToolConfiguration {

    public static final String TOOL_NAME = "Kinbridge";
    static final String LTI_TOOL_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-tool-configuration";

    @Inject
    private PublicUrl publicUrl;

    public String loginUrl() {
        return publicUrl.of("/lti/login");
    }

    public String launchUrl() {
        return publicUrl.of("/lti/launch");
    }

    public String jwksUrl() {
        return publicUrl.of("/.well-known/jwks.json");
    }

    /** The registration request body sent to the platform's registration endpoint. */
    public Map<String, Object> registrationRequest() {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "LtiResourceLinkRequest");
        message.put("target_link_uri", launchUrl());
        message.put("label", TOOL_NAME);
        message.put("placements", List.of("https://canvas.instructure.com/lti/account_navigation",
                "https://canvas.instructure.com/lti/course_navigation"));

        Map<String, Object> lti = new LinkedHashMap<>();
        lti.put("domain", URI.create(publicUrl.base()).getAuthority());
        lti.put("description", "Parent and guardian access, linked from your school's roster.");
        lti.put("target_link_uri", launchUrl());
        lti.put("claims", List.of("iss", "sub", "name", "given_name", "family_name", "email"));
        lti.put("messages", List.of(message));

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("application_type", "web");
        body.put("response_types", List.of("id_token"));
        body.put("grant_types", List.of("implicit", "client_credentials"));
        body.put("initiate_login_uri", loginUrl());
        body.put("redirect_uris", List.of(launchUrl()));
        body.put("client_name", TOOL_NAME);
        body.put("jwks_uri", jwksUrl());
        body.put("token_endpoint_auth_method", "private_key_jwt");
        body.put("scope", "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly");
        body.put(LTI_TOOL_CONFIGURATION, lti);
        return body;
    }
}
