package org.kinbridge.lti.session;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.kinbridge.lti.launch.ValidatedLaunch;
import org.kinbridge.shared.Caller;
import org.kinbridge.shared.Role;
import org.kinbridge.shared.SecureTokens;
import org.kinbridge.shared.TenantId;
import org.kinbridge.shared.persistence.DatabaseReady;
import org.kinbridge.shared.persistence.StartupLock;

/**
 * Issues and checks panel tokens: HS256 JWTs with their own type and audience, so no other token
 * Kinbridge signs or receives can pass as one.
 */
@ApplicationScoped
public class PanelSessions {

    public static final Duration LIFETIME = Duration.ofHours(1);
    static final String PURPOSE = "panel-session";
    static final String ISSUER = "kinbridge";
    static final String AUDIENCE = "kinbridge-panel";
    static final JOSEObjectType TYPE = new JOSEObjectType("kinbridge-panel+jwt");

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private StartupLock startupLock;

    private volatile byte[] secret;

    @Transactional
    void ensureSecret(@Observes DatabaseReady ready) {
        startupLock.acquire();
        ToolSecret stored = em.find(ToolSecret.class, PURPOSE);
        if (stored == null) {
            stored = new ToolSecret(PURPOSE, SecureTokens.newToken(48), clock.instant());
            em.persist(stored);
        }
        secret = Base64.getUrlDecoder().decode(stored.secret());
    }

    /** A panel token for the user this launch authenticated. */
    public String issue(ValidatedLaunch launch) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(launch.subject())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .claim("tenant", launch.tenant().value())
                .claim("registration", launch.registrationId())
                .claim("psid", launch.personSourcedId().orElse(null))
                .claim("name", launch.displayName())
                .claim("role", launch.role().name())
                .claim("mentees", launch.menteeIds())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(TYPE).build(), claims);
        try {
            jwt.sign(new MACSigner(secret()));
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a panel token", e);
        }
        return jwt.serialize();
    }

    /** The caller a token proves, or empty for anything forged, expired, or not a panel token. */
    public Optional<Caller> verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !TYPE.equals(jwt.getHeader().getType())
                    || !jwt.verify(new MACVerifier(secret()))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expires = claims.getExpirationTime();
            if (!ISSUER.equals(claims.getIssuer()) || claims.getAudience() == null || !claims.getAudience().contains(AUDIENCE)
                    || expires == null || !expires.toInstant().isAfter(clock.instant())) {
                return Optional.empty();
            }
            List<String> mentees = Optional.ofNullable(claims.getStringListClaim("mentees")).orElse(List.of());
            return Optional.of(new Caller(new TenantId(claims.getStringClaim("tenant")), claims.getSubject(),
                    Optional.ofNullable(claims.getStringClaim("psid")), claims.getStringClaim("name"),
                    Role.valueOf(claims.getStringClaim("role")), mentees));
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private byte[] secret() {
        byte[] current = secret;
        if (current == null) {
            throw new IllegalStateException("Panel sessions are not ready: the database has not started");
        }
        return current;
    }
}
