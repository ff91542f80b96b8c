package org.kinbridge.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** An id_token under construction: sensible launch claims that a test changes, then signs (or mis-signs). */
public final class IdToken {

    public static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
    public static final String ADMINISTRATOR = "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator";
    public static final String MENTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor";
    public static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
    public static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";

    private final JWTClaimsSet.Builder claims;
    private RSAKey key;
    private String keyId;

    private IdToken(JWTClaimsSet.Builder claims, RSAKey key) {
        this.claims = claims;
        this.key = key;
        this.keyId = key.getKeyID();
    }

    static IdToken adminLaunch(TestPlatform platform, String nonce, String targetLinkUri) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(platform.issuer())
                .audience(platform.clientId())
                .subject("user-admin-1")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim("nonce", nonce)
                .claim("name", "Alice Admin")
                .claim("email", "alice@school.test")
                .claim(LTI + "message_type", "LtiResourceLinkRequest")
                .claim(LTI + "version", "1.3.0")
                .claim(LTI + "deployment_id", TestPlatform.DEPLOYMENT_ID)
                .claim(LTI + "target_link_uri", targetLinkUri)
                .claim(LTI + "resource_link", Map.of("id", "admin-menu-link"))
                .claim(LTI + "roles", List.of(ADMINISTRATOR))
                .claim(LTI + "lis", Map.of("person_sourcedid", "staff-001"));
        return new IdToken(claims, platform.signingKey());
    }

    public IdToken claim(String name, Object value) {
        claims.claim(name, value);
        return this;
    }

    public IdToken lti(String name, Object value) {
        return claim(LTI + name, value);
    }

    public IdToken without(String name) {
        claims.claim(name, null);
        return this;
    }

    public IdToken audience(String... audience) {
        claims.audience(List.of(audience));
        return this;
    }

    public IdToken times(Instant issuedAt, Instant expires) {
        claims.issueTime(Date.from(issuedAt)).expirationTime(Date.from(expires));
        return this;
    }

    public IdToken roles(String... roles) {
        return lti("roles", List.of(roles));
    }

    /** Signs with another key but keeps the platform's key id, as a forger would. */
    public IdToken forgedWith(RSAKey otherKey) {
        this.key = otherKey;
        return this;
    }

    public String signed() {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).build(), claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String unsigned() {
        return new PlainJWT(claims.build()).serialize();
    }

    /** HMAC-signed with the platform's public modulus as secret: the classic algorithm-confusion attack. */
    public String hmacSigned() {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(keyId).build(), claims.build());
            jwt.sign(new MACSigner(key.toPublicJWK().toJSONString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
