package org.kinbridge.crosslink.protocol;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Checks a received message, one rule per method in a fixed order: shape, algorithm and key id, sender
 * address, signature by the sender's published key, recipient, issue time within the clock window, message
 * id, version, schools, and last the replay store (so only a message that passed everything is remembered).
 */
public final class MessageVerifier {

    private static final List<JWSAlgorithm> ALGORITHMS = List.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

    private final String ourBase;
    private final Clock clock;

    public MessageVerifier(String ourBase, Clock clock) {
        this.ourBase = PeerUrls.normalise(ourBase);
        this.clock = clock;
    }

    /** The JWS, parsed but not yet trusted. */
    public static SignedJWT parse(String compact) {
        if (compact == null || compact.isBlank() || compact.length() > 512 * 1024) {
            throw MessageRefusedException.invalid("malformed_message", "The body is not a signed message (compact JWS).");
        }
        try {
            SignedJWT jwt = SignedJWT.parse(compact.trim());
            jwt.getJWTClaimsSet();
            return jwt;
        } catch (ParseException e) {
            throw MessageRefusedException.invalid("malformed_message", "The body is not a signed message (compact JWS).");
        }
    }

    /** Who a message claims to come from (its {@code iss}), checked only for form: keys are fetched from there. */
    public static String claimedSender(SignedJWT jwt) {
        try {
            String issuer = jwt.getJWTClaimsSet().getIssuer();
            if (issuer == null || !PeerUrls.isAllowed(issuer)) {
                throw MessageRefusedException.invalid("invalid_sender", "The sender (iss) must be the sending product's https:// address.");
            }
            return PeerUrls.normalise(issuer);
        } catch (ParseException e) {
            throw MessageRefusedException.invalid("malformed_message", "The message claims are not valid JSON.");
        }
    }

    /** The school a message is addressed to, unchecked: used to file a refusal under the right tenant. */
    public static String claimedRecipientSchool(SignedJWT jwt) {
        try {
            return jwt.getJWTClaimsSet().getStringClaim("recipient_school");
        } catch (ParseException e) {
            return null;
        }
    }

    /** Runs every check; answers the message or throws {@link MessageRefusedException} naming the broken rule. */
    public CrossLinkMessage verify(SignedJWT jwt, JWKSet senderKeys, SeenMessages seen) {
        checkHeader(jwt);
        String sender = claimedSender(jwt);
        checkSignature(jwt, senderKeys);
        JWTClaimsSet claims = claims(jwt);
        checkRecipient(claims);
        Instant issuedAt = checkIssueTime(claims);
        checkMessageId(claims);
        checkVersion(claims);
        CrossLinkMessage message = message(claims);
        checkSchools(message);
        checkReplay(message, sender, issuedAt, seen);
        return message;
    }

    private static void checkHeader(SignedJWT jwt) {
        if (!ALGORITHMS.contains(jwt.getHeader().getAlgorithm())) {
            throw MessageRefusedException.unauthenticated("unsupported_algorithm", "Messages must be signed with RS256 or ES256.");
        }
        if (jwt.getHeader().getKeyID() == null) {
            throw MessageRefusedException.unauthenticated("missing_key_id", "The message header names no key (kid).");
        }
        if (jwt.getHeader().getType() != null && !Protocol.JWS_TYPE.equals(jwt.getHeader().getType())) {
            throw MessageRefusedException.invalid("wrong_type", "The JWS type (typ) must be " + Protocol.JWS_TYPE + ".");
        }
    }

    private static void checkSignature(SignedJWT jwt, JWKSet senderKeys) {
        JWK key = senderKeys == null ? null : senderKeys.getKeyByKeyId(jwt.getHeader().getKeyID());
        if (key == null) {
            throw MessageRefusedException.unauthenticated("unknown_key", "The sender does not publish the key the message names.");
        }
        try {
            JWSVerifier verifier;
            if (JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm()) && key instanceof RSAKey rsa) {
                verifier = new RSASSAVerifier(rsa.toRSAPublicKey());
            } else if (JWSAlgorithm.ES256.equals(jwt.getHeader().getAlgorithm()) && key instanceof ECKey ec) {
                verifier = new ECDSAVerifier(ec.toECPublicKey());
            } else {
                throw MessageRefusedException.unauthenticated("invalid_signature", "The key the message names does not fit its algorithm.");
            }
            if (!jwt.verify(verifier)) {
                throw MessageRefusedException.unauthenticated("invalid_signature", "The message signature does not verify with the sender's key.");
            }
        } catch (JOSEException e) {
            throw MessageRefusedException.unauthenticated("invalid_signature", "The message signature could not be checked.");
        }
    }

    private void checkRecipient(JWTClaimsSet claims) {
        List<String> audience = claims.getAudience();
        if (audience == null || audience.size() != 1 || !PeerUrls.isAllowed(audience.get(0))
                || !PeerUrls.normalise(audience.get(0)).equals(ourBase)) {
            throw MessageRefusedException.invalid("wrong_recipient", "The message is addressed to another product (aud is not " + ourBase + ").");
        }
    }

    private Instant checkIssueTime(JWTClaimsSet claims) {
        Date issued = claims.getIssueTime();
        if (issued == null) {
            throw MessageRefusedException.invalid("stale_message", "The message carries no issue time (iat).");
        }
        Duration skew = Duration.between(clock.instant(), issued.toInstant()).abs();
        if (skew.compareTo(Protocol.CLOCK_WINDOW) > 0) {
            throw MessageRefusedException.unauthenticated("stale_message",
                    "The message was issued " + skew.toSeconds() + " s away from our clock; at most 300 s is accepted.");
        }
        return issued.toInstant();
    }

    private static void checkMessageId(JWTClaimsSet claims) {
        String id = claims.getJWTID();
        if (id == null || id.isBlank() || id.length() > 128) {
            throw MessageRefusedException.invalid("missing_message_id", "The message needs a unique id (jti) of at most 128 characters.");
        }
    }

    private static void checkVersion(JWTClaimsSet claims) {
        Object version = claims.getClaim("ver");
        if (!Protocol.VERSION.equals(version == null ? null : String.valueOf(version))) {
            throw MessageRefusedException.invalid("unsupported_version", "This product speaks protocol version " + Protocol.VERSION + ".");
        }
    }

    private static CrossLinkMessage message(JWTClaimsSet claims) {
        try {
            String type = claims.getStringClaim("type");
            if (type == null || MessageType.fromWire(type).isEmpty()) {
                throw MessageRefusedException.invalid("unknown_message_type", "The message type is not one this protocol knows.");
            }
            if (claims.getStringClaim("sender_school") == null || claims.getStringClaim("recipient_school") == null
                    || claims.getStringClaim("handshake") == null) {
                throw MessageRefusedException.invalid("missing_school", "The message must name both schools and the handshake.");
            }
            return CrossLinkMessage.fromClaims(claims);
        } catch (ParseException e) {
            throw MessageRefusedException.invalid("malformed_message", "A message claim has the wrong type.");
        }
    }

    private static void checkSchools(CrossLinkMessage message) {
        if (message.senderSchool().isBlank() || message.recipientSchool().isBlank()
                || message.senderSchool().length() > 100 || message.recipientSchool().length() > 100
                || message.handshake().isBlank() || message.handshake().length() > 64) {
            throw MessageRefusedException.invalid("missing_school", "The school references and handshake id must be 1 to 100 characters.");
        }
    }

    private static void checkReplay(CrossLinkMessage message, String sender, Instant issuedAt, SeenMessages seen) {
        if (!seen.firstSighting(message.recipientSchool(), sender, message.id(), issuedAt.plus(Protocol.REPLAY_MEMORY))) {
            throw new MessageRefusedException(org.kinbridge.shared.ProblemKind.CONFLICT, "replayed_message",
                    "This message id was received before; it takes effect once.");
        }
    }

    private static JWTClaimsSet claims(SignedJWT jwt) {
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw MessageRefusedException.invalid("malformed_message", "The message claims are not valid JSON.");
        }
    }
}
