package org.kinbridge.web.demo;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kinbridge.shared.PublicUrl;

/**
 * The demo LMS's platform side: its own RSA key (made at start, published at {@code /demo/jwks.json})
 * and the id_tokens it signs, shaped as a real platform's are.
 */
@ApplicationScoped
public class DemoPlatform {

    static final String CLIENT_ID = "kinbridge-demo";
    static final String DEPLOYMENT_ID = "demo-deployment";
    private static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";

    @Inject
    private PublicUrl publicUrl;

    @Inject
    private Clock clock;

    @Inject
    @ConfigProperty(name = "kinbridge.demo", defaultValue = "false")
    private boolean enabled;

    private RSAKey key;

    @PostConstruct
    void createKey() {
        try {
            key = new RSAKeyGenerator(2048).keyID("demo-" + UUID.randomUUID()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not create the demo platform key", e);
        }
    }

    boolean isEnabled() {
        return enabled;
    }

    String issuer() {
        return publicUrl.of("/demo");
    }

    String authLoginUrl() {
        return publicUrl.of("/demo/authorize");
    }

    String tokenUrl() {
        return publicUrl.of("/demo/token");
    }

    String jwksUrl() {
        return publicUrl.of("/demo/jwks.json");
    }

    String publicKeys() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    /** A signed LtiResourceLinkRequest id_token for this user, answering the tool's login. */
    String idToken(DemoUser user, String nonce) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .audience(CLIENT_ID)
                .subject("demo-user-" + user.loginHint)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim("nonce", nonce)
                .claim("name", user.name)
                .claim("email", user.loginHint + "@demo.kinbridge.invalid")
                .claim(LTI + "message_type", "LtiResourceLinkRequest")
                .claim(LTI + "version", "1.3.0")
                .claim(LTI + "deployment_id", DEPLOYMENT_ID)
                .claim(LTI + "target_link_uri", publicUrl.of("/lti/launch"))
                .claim(LTI + "resource_link", Map.of("id", "demo-admin-menu", "title", "Kinbridge"))
                .claim(LTI + "roles", user.roles)
                .claim(LTI + "role_scope_mentor", user.mentees.isEmpty() ? null : user.mentees)
                .claim(LTI + "lis", Map.of("person_sourcedid", user.sourcedId))
                .claim(LTI + "launch_presentation", Map.of("document_target", "iframe", "return_url", publicUrl.of("/demo/")))
                .claim(LTI + "tool_platform", Map.of("name", "Kinbridge demo LMS", "product_family_code", "kinbridge-demo"))
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a demo id_token", e);
        }
    }
}
