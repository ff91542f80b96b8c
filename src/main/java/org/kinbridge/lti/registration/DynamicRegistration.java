package org.kinbridge.lti.registration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kinbridge.shared.TenantId;

/**
 * LTI Dynamic Registration 1.0, tool side: read the platform's OpenID configuration, show the admin
 * what will be registered, then register with the platform and store what it answers. Remote calls
 * happen between short transactions, never inside one.
 */
@ApplicationScoped
public class DynamicRegistration {

    static final String LTI_PLATFORM_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-platform-configuration";
    static final java.util.Set<String> CANVAS_CLOUD_ISSUERS = java.util.Set.of(
            "canvas.instructure.com", "canvas.beta.instructure.com", "canvas.test.instructure.com");

    @Inject
    private RegistrationInvitations invitations;

    @Inject
    private PlatformHttp http;

    @Inject
    private ToolConfiguration tool;

    /** What the admin confirms: the platform as it describes itself and the tenant it will join. */
    public PlatformOffer inspect(String invitationToken, String openidConfigurationUrl) {
        TenantId tenant = invitations.peek(invitationToken);
        return PlatformOffer.from(tenant, openidConfigurationUrl, fetchConfiguration(openidConfigurationUrl));
    }

    /** Registers with the platform and stores the registration; the link is used up only on success. */
    public PlatformRegistration register(String invitationToken, String openidConfigurationUrl,
                                         Optional<String> registrationToken) {
        invitations.claim(invitationToken);
        try {
            PlatformOffer offer = PlatformOffer.from(null, openidConfigurationUrl, fetchConfiguration(openidConfigurationUrl));
            Map<String, Object> answer = http.postJson(offer.registrationEndpoint(), registrationToken,
                    tool.registrationRequest(), "registration endpoint");
            String clientId = stringOf(answer.get("client_id"))
                    .orElseThrow(() -> new RegistrationLinkRefusedException("The platform did not return a client_id."));
            String deploymentId = toolConfigurationOf(answer).flatMap(c -> stringOf(c.get("deployment_id")))
                    .orElseThrow(() -> new RegistrationLinkRefusedException("The platform did not return a deployment_id."));
            PlatformEndpoints endpoints = new PlatformEndpoints(offer.issuer(), clientId, offer.authorizationEndpoint(),
                    offer.tokenEndpoint(), offer.jwksUri());
            return invitations.complete(invitationToken, endpoints, List.of(deploymentId));
        } catch (RuntimeException e) {
            invitations.release(invitationToken);
            throw e;
        }
    }

    private Map<String, Object> fetchConfiguration(String url) {
        if (url == null || url.isBlank()) {
            throw new RegistrationLinkRefusedException("The platform did not send its openid_configuration address.");
        }
        return http.getJson(url, "OpenID configuration");
    }

    @SuppressWarnings("unchecked")
    private static Optional<Map<String, Object>> toolConfigurationOf(Map<String, Object> answer) {
        Object value = answer.get(ToolConfiguration.LTI_TOOL_CONFIGURATION);
        return value instanceof Map<?, ?> map ? Optional.of((Map<String, Object>) map) : Optional.empty();
    }

    static Optional<String> stringOf(Object value) {
        return value instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
    }

    /** A platform's OpenID configuration, checked: required endpoints present, https, same host as the issuer. */
    public record PlatformOffer(TenantId tenant, String issuer, String authorizationEndpoint, String tokenEndpoint,
                                String jwksUri, String registrationEndpoint, String productFamily) {

        static PlatformOffer from(TenantId tenant, String configurationUrl, Map<String, Object> config) {
            String issuer = required(config, "issuer");
            if (!sameHost(issuer, configurationUrl)) {
                throw new RegistrationLinkRefusedException("The platform's issuer does not match the host of its configuration address.");
            }
            String product = Optional.ofNullable(config.get(LTI_PLATFORM_CONFIGURATION))
                    .filter(Map.class::isInstance).map(m -> ((Map<?, ?>) m).get("product_family_code"))
                    .flatMap(DynamicRegistration::stringOf).orElse("unknown");
            PlatformOffer offer = new PlatformOffer(tenant, issuer, required(config, "authorization_endpoint"),
                    required(config, "token_endpoint"), required(config, "jwks_uri"),
                    required(config, "registration_endpoint"), product);
            for (String url : List.of(offer.issuer, offer.authorizationEndpoint, offer.tokenEndpoint, offer.jwksUri, offer.registrationEndpoint)) {
                if (!PlatformEndpoints.isAllowedUrl(url)) {
                    throw new RegistrationLinkRefusedException("The platform's configuration has an address that is not https://.");
                }
            }
            return offer;
        }

        private static String required(Map<String, Object> config, String name) {
            return stringOf(config.get(name)).orElseThrow(() ->
                    new RegistrationLinkRefusedException("The platform's configuration has no " + name + "."));
        }

        /**
         * DR 1.0 asks that the issuer's host match the configuration address. Canvas Cloud is the known
         * exception: one issuer (canvas.instructure.com) for every school's own *.instructure.com site.
         */
        private static boolean sameHost(String issuer, String configurationUrl) {
            try {
                String issuerHost = URI.create(issuer).getHost();
                String configHost = URI.create(configurationUrl).getHost();
                if (issuerHost == null || configHost == null) {
                    return false;
                }
                return issuerHost.equalsIgnoreCase(configHost)
                        || (CANVAS_CLOUD_ISSUERS.contains(issuerHost.toLowerCase()) && configHost.toLowerCase().endsWith(".instructure.com"));
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
    }
}
