package org.kinbridge.lti.launch;

import java.util.List;
import java.util.Optional;
import org.kinbridge.lti.registration.PlatformRegistration;
import org.kinbridge.shared.Role;
import org.kinbridge.shared.TenantId;

/**
 * Everything a checked id_token tells us, in our own terms.
 *
 * @param returnUrl the platform page to go back to ({@code launch_presentation.return_url}); its origin
 *                  is where the LMS frames us, which for multi-customer platforms differs from the issuer
 */
public record ValidatedLaunch(
        String registrationId,
        TenantId tenant,
        String issuer,
        String clientId,
        String deploymentId,
        String subject,
        String displayName,
        Optional<String> email,
        Optional<String> personSourcedId,
        List<String> ltiRoles,
        Role role,
        List<String> menteeIds,
        String resourceLinkId,
        Optional<String> returnUrl,
        List<String> platformOrigins) {

    static ValidatedLaunch of(PlatformRegistration registration, LaunchClaims claims, List<String> platformOrigins) {
        return new ValidatedLaunch(registration.id(), registration.tenant(), registration.issuer(),
                registration.clientId(), claims.deploymentId(), claims.subject(), claims.displayName(),
                claims.email(), claims.personSourcedId(), claims.roles(), LtiRoles.kinbridgeRole(claims.roles()),
                claims.menteeIds(), claims.resourceLinkId(), claims.returnUrl(), platformOrigins);
    }
}
