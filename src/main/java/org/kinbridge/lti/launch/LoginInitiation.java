package org.kinbridge.lti.launch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.kinbridge.lti.registration.PlatformRegistration;
import org.kinbridge.lti.registration.RegistrationRepository;
import org.kinbridge.lti.security.OneTimeValues;
import org.kinbridge.shared.PublicUrl;

/**
 * OIDC third-party initiated login (LTI 1.3 Core §5.1.1): finds the registration the platform means,
 * issues a single-use state and nonce, and answers the platform's authorization URL to redirect to.
 */
@ApplicationScoped
public class LoginInitiation {

    @Inject
    private RegistrationRepository registrations;

    @Inject
    private OneTimeValues oneTimeValues;

    @Inject
    private PublicUrl publicUrl;

    public Redirect begin(LoginRequest request) {
        String issuer = required(request.issuer(), "iss");
        String loginHint = required(request.loginHint(), "login_hint");
        String targetLinkUri = required(request.targetLinkUri(), "target_link_uri");
        PlatformRegistration registration = registrationFor(issuer, request.clientId());
        request.deploymentId().filter(d -> !d.isBlank()).ifPresent(deployment -> {
            if (!registration.hasDeployment(deployment)) {
                throw LaunchRejectedException.notAllowed("The deployment " + deployment + " is not registered for this platform.");
            }
        });
        if (!(targetLinkUri.equals(publicUrl.base()) || targetLinkUri.startsWith(publicUrl.base() + "/"))) {
            throw LaunchRejectedException.notAllowed("The login's target_link_uri points to another tool, not this Kinbridge.");
        }
        OneTimeValues.IssuedLogin login = oneTimeValues.beginLogin(registration.id(), targetLinkUri);

        Map<String, String> params = new LinkedHashMap<>();
        params.put("scope", "openid");
        params.put("response_type", "id_token");
        params.put("response_mode", "form_post");
        params.put("prompt", "none");
        params.put("client_id", registration.clientId());
        params.put("redirect_uri", publicUrl.of("/lti/launch"));
        params.put("login_hint", loginHint);
        params.put("state", login.state());
        params.put("nonce", login.nonce());
        request.messageHint().filter(h -> !h.isBlank()).ifPresent(hint -> params.put("lti_message_hint", hint));
        String query = params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        String authUrl = registration.authLoginUrl();
        return new Redirect(URI.create(authUrl + (authUrl.contains("?") ? "&" : "?") + query), login.state());
    }

    /** One issuer may hold several registrations (one per client id); then the platform must name its client. */
    private PlatformRegistration registrationFor(String issuer, Optional<String> clientId) {
        if (clientId.filter(c -> !c.isBlank()).isPresent()) {
            return registrations.byIssuerAndClient(issuer, clientId.get()).orElseThrow(() ->
                    LaunchRejectedException.notAllowed("The platform " + issuer + " with client id " + clientId.get()
                            + " is not registered with Kinbridge."));
        }
        List<PlatformRegistration> candidates = registrations.byIssuer(issuer);
        if (candidates.isEmpty()) {
            throw LaunchRejectedException.notAllowed("The platform " + issuer + " is not registered with Kinbridge.");
        }
        if (candidates.size() > 1) {
            throw LaunchRejectedException.malformed("The platform " + issuer
                    + " is registered more than once; its login request must include client_id.");
        }
        return candidates.get(0);
    }

    private static String required(Optional<String> value, String name) {
        return value.filter(v -> !v.isBlank()).orElseThrow(() ->
                LaunchRejectedException.malformed("The login request is missing " + name + "."));
    }

    /** The parameters of a third-party initiated login, as the platform sent them. */
    public record LoginRequest(Optional<String> issuer, Optional<String> loginHint, Optional<String> targetLinkUri,
                               Optional<String> messageHint, Optional<String> deploymentId, Optional<String> clientId) {
    }

    /** Where to send the browser, and the state to remember in its cookie. */
    public record Redirect(URI location, String state) {
    }
}
