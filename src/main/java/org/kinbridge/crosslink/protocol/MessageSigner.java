package org.kinbridge.crosslink.protocol;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;

/** Signs a message as a compact RS256 JWS with the instance key, its {@code kid} in the header. */
public final class MessageSigner {

    private MessageSigner() {
    }

    public static String sign(CrossLinkMessage message, RSAKey key, Instant now) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(Protocol.JWS_TYPE).build(), message.toClaims(now));
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a cross-link message", e);
        }
    }
}
