package org.kinbridge.lti.launch;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.kinbridge.lti.registration.PlatformEndpoints;
import org.kinbridge.lti.registration.PlatformRegistration;
import org.kinbridge.lti.registration.RegistrationRepository;
import org.kinbridge.lti.security.LoginState;
import org.kinbridge.lti.security.OneTimeValues;
import org.kinbridge.lti.security.PlatformKeys;
import org.kinbridge.lti.security.PlatformKeysUnavailableException;
import org.kinbridge.shared.PublicUrl;

/**
 * Checks an LTI 1.3 id_token in a fixed order, one rule per method, and refuses with the first rule
 * broken: token shape, algorithm, issuer and audience, signature, times, nonce, state, deployment,
 * message type, version, roles, resource link, target link URI.
 */
@ApplicationScoped
public class LaunchValidator {

    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    static final String RESOURCE_LINK_REQUEST = "LtiResourceLinkRequest";

    @Inject
    private RegistrationRepository registrations;

    @Inject
    private PlatformKeys platformKeys;

    @Inject
    private OneTimeValues oneTimeValues;

    @Inject
    private PublicUrl publicUrl;

    @Inject
    private Clock clock;

    /**
     * @param cookieState the state our login cookie carried, when the browser sent it back
     */
    public ValidatedLaunch validate(String idToken, String state, Optional<String> cookieState) {
        SignedJWT jwt = parse(idToken);
        JWTClaimsSet claimSet = claimsOf(jwt);
        PlatformRegistration registration = registrationFor(claimSet);
        verifySignature(jwt, registration);
        checkTimes(claimSet);
        checkNonceUnused(claimSet, registration);
        checkState(state, cookieState, registration, claimSet);
        LaunchClaims claims = new LaunchClaims(claimSet);
        checkDeployment(claims, registration);
        checkMessageType(claims);
        checkVersion(claims);
        checkRoles(claims);
        checkResourceLink(claims);
        checkTargetLinkUri(claims);
        checkSubject(claims);
        return ValidatedLaunch.of(registration, claims, platformOrigins(registration, claims));
    }

    private SignedJWT parse(String idToken) {
        if (idToken == null || idToken.isBlank()) {
            throw LaunchRejectedException.malformed("The launch carried no id_token.");
        }
        JWT jwt;
        try {
            jwt = JWTParser.parse(idToken.trim());
        } catch (ParseException e) {
            throw LaunchRejectedException.malformed("The launch id_token is not a valid JWT.");
        }
        if (!(jwt instanceof SignedJWT signed)) {
            throw LaunchRejectedException.untrusted("The launch id_token is not signed (alg none or encrypted); only RS256 is accepted.");
        }
        JWSHeader header = signed.getHeader();
        if (!JWSAlgorithm.RS256.equals(header.getAlgorithm())) {
            throw LaunchRejectedException.untrusted("The launch id_token is signed with " + header.getAlgorithm() + "; only RS256 is accepted.");
        }
        if (header.getKeyID() == null || header.getKeyID().isBlank()) {
            throw LaunchRejectedException.untrusted("The launch id_token does not name its signing key (kid).");
        }
        return signed;
    }

    private static JWTClaimsSet claimsOf(SignedJWT jwt) {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw LaunchRejectedException.malformed("The launch id_token's claims are not valid JSON.");
        }
    }

    /** The registration for this issuer whose client id is in aud (and is azp when aud has several). */
    private PlatformRegistration registrationFor(JWTClaimsSet claims) {
        String issuer = claims.getIssuer();
        if (issuer == null || issuer.isBlank()) {
            throw LaunchRejectedException.malformed("The launch id_token has no issuer (iss).");
        }
        List<PlatformRegistration> candidates = registrations.byIssuer(issuer);
        if (candidates.isEmpty()) {
            throw LaunchRejectedException.notAllowed("The platform " + issuer + " is not registered with Kinbridge.");
        }
        List<String> audience = claims.getAudience();
        if (audience == null || audience.isEmpty()) {
            throw LaunchRejectedException.malformed("The launch id_token has no audience (aud).");
        }
        Optional<String> azp = Optional.ofNullable(stringClaim(claims, "azp"));
        if (audience.size() > 1 && azp.isEmpty()) {
            throw LaunchRejectedException.untrusted("The launch id_token has several audiences but no authorized party (azp).");
        }
        for (PlatformRegistration candidate : candidates) {
            if (audience.contains(candidate.clientId()) && azp.map(candidate.clientId()::equals).orElse(true)) {
                return candidate;
            }
        }
        throw LaunchRejectedException.untrusted("The launch id_token is meant for another tool: its audience is not Kinbridge's client id.");
    }

    private static String stringClaim(JWTClaimsSet claims, String name) {
        return claims.getClaim(name) instanceof String s ? s : null;
    }

    private void verifySignature(SignedJWT jwt, PlatformRegistration registration) {
        String kid = jwt.getHeader().getKeyID();
        JWK key;
        try {
            key = platformKeys.find(registration.jwksUrl(), kid)
                    .orElseThrow(() -> LaunchRejectedException.untrusted("The launch id_token is signed with a key the platform does not publish."));
        } catch (PlatformKeysUnavailableException e) {
            throw LaunchRejectedException.untrusted("The platform's public keys could not be fetched, so the launch cannot be checked. Try again shortly.");
        }
        try {
            if (!(key instanceof RSAKey rsa) || !jwt.verify(new RSASSAVerifier(rsa))) {
                throw LaunchRejectedException.untrusted("The launch id_token's signature is not valid.");
            }
        } catch (JOSEException e) {
            throw LaunchRejectedException.untrusted("The launch id_token's signature could not be checked.");
        }
    }

    private void checkTimes(JWTClaimsSet claims) {
        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        Date iat = claims.getIssueTime();
        if (exp == null || iat == null) {
            throw LaunchRejectedException.malformed("The launch id_token must carry exp and iat.");
        }
        if (!exp.toInstant().plus(CLOCK_SKEW).isAfter(now)) {
            throw LaunchRejectedException.untrusted("The launch has expired. Please launch Kinbridge again from your LMS.");
        }
        if (iat.toInstant().minus(CLOCK_SKEW).isAfter(now)) {
            throw LaunchRejectedException.untrusted("The launch id_token was issued in the future; check the platform's clock.");
        }
    }

    private void checkNonceUnused(JWTClaimsSet claims, PlatformRegistration registration) {
        String nonce = stringClaim(claims, "nonce");
        if (nonce == null) {
            throw LaunchRejectedException.malformed("The launch id_token has no nonce.");
        }
        Instant keepUntil = claims.getExpirationTime().toInstant().plus(CLOCK_SKEW);
        boolean firstUse;
        try {
            firstUse = oneTimeValues.firstUseOfNonce(registration.issuer(), nonce, keepUntil);
        } catch (RuntimeException concurrentInsert) {
            firstUse = false;
        }
        if (!firstUse) {
            throw LaunchRejectedException.untrusted("This launch was already used (nonce replay). Please launch Kinbridge again from your LMS.");
        }
    }

    private void checkState(String state, Optional<String> cookieState, PlatformRegistration registration, JWTClaimsSet claims) {
        if (state == null || state.isBlank()) {
            throw LaunchRejectedException.malformed("The launch carried no state.");
        }
        if (cookieState.isPresent() && !cookieState.get().equals(state)) {
            throw LaunchRejectedException.untrusted("The launch state does not match the login this browser started.");
        }
        LoginState login = oneTimeValues.consumeState(state).orElseThrow(() ->
                LaunchRejectedException.untrusted("The launch state does not match any login in progress (state mismatch or expired)."));
        if (!login.registrationId().equals(registration.id()) || !login.nonce().equals(stringClaim(claims, "nonce"))) {
            throw LaunchRejectedException.untrusted("The launch state does not match the login it claims to finish.");
        }
    }

    private static void checkDeployment(LaunchClaims claims, PlatformRegistration registration) {
        if (claims.deploymentId().isEmpty()) {
            throw LaunchRejectedException.malformed("The launch has no deployment_id.");
        }
        if (!registration.hasDeployment(claims.deploymentId())) {
            throw LaunchRejectedException.notAllowed("The deployment " + claims.deploymentId() + " is not registered for this platform.");
        }
    }

    private static void checkMessageType(LaunchClaims claims) {
        String type = claims.string(LaunchClaims.MESSAGE_TYPE).orElseThrow(() ->
                LaunchRejectedException.malformed("The launch has no message_type."));
        if (!RESOURCE_LINK_REQUEST.equals(type)) {
            throw LaunchRejectedException.malformed("Kinbridge does not support the message type " + type + ".");
        }
    }

    private static void checkVersion(LaunchClaims claims) {
        if (!claims.string(LaunchClaims.VERSION).map("1.3.0"::equals).orElse(false)) {
            throw LaunchRejectedException.malformed("The launch is not LTI version 1.3.0.");
        }
    }

    private static void checkRoles(LaunchClaims claims) {
        if (claims.strings(LaunchClaims.ROLES).isEmpty()) {
            throw LaunchRejectedException.malformed("The launch has no roles claim.");
        }
    }

    private static void checkResourceLink(LaunchClaims claims) {
        if (claims.resourceLinkId().isEmpty()) {
            throw LaunchRejectedException.malformed("The launch has no resource_link id.");
        }
    }

    private void checkTargetLinkUri(LaunchClaims claims) {
        String target = claims.string(LaunchClaims.TARGET_LINK_URI).orElseThrow(() ->
                LaunchRejectedException.malformed("The launch has no target_link_uri."));
        if (!(target.equals(publicUrl.base()) || target.startsWith(publicUrl.base() + "/"))) {
            throw LaunchRejectedException.notAllowed("The launch's target_link_uri points to another tool, not this Kinbridge.");
        }
    }

    private static void checkSubject(LaunchClaims claims) {
        if (claims.subject().isEmpty()) {
            throw LaunchRejectedException.malformed("The launch has no user (sub); anonymous launches are not supported.");
        }
    }

    /** Origins allowed to frame the panel: the registration's own, plus where the LMS says it lives. */
    private static List<String> platformOrigins(PlatformRegistration registration, LaunchClaims claims) {
        List<String> origins = new ArrayList<>();
        origins.add(PublicUrl.originOf(registration.issuer()));
        origins.add(PublicUrl.originOf(registration.authLoginUrl()));
        claims.returnUrl().filter(PlatformEndpoints::isAllowedUrl).map(PublicUrl::originOf).ifPresent(origins::add);
        return origins.stream().distinct().toList();
    }
}
