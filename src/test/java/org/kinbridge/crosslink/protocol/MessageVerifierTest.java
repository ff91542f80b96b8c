package org.kinbridge.crosslink.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kinbridge.shared.InvalidRequestException;
import org.kinbridge.shared.ProblemKind;

/** The receiving rules of docs/crosslink-protocol.md, one per test: what passes and what each refusal is called. */
class MessageVerifierTest {

    private static final String PEER = "https://peer.example.org";
    private static final String US = "https://kinbridge.example.org";
    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

    private final RSAKey peerKey = key("peer-key");
    private final JWKSet peerKeys = new JWKSet(peerKey.toPublicJWK());
    private final MessageVerifier verifier = new MessageVerifier(US + "/", Clock.fixed(NOW, ZoneOffset.UTC));
    private final InMemorySeenMessages seen = new InMemorySeenMessages();

    @Test
    void aWellFormedSignedMessagePasses() {
        CrossLinkMessage sent = request(US);
        CrossLinkMessage received = verifier.verify(MessageVerifier.parse(MessageSigner.sign(sent, peerKey, NOW)), peerKeys, seen);
        assertEquals(sent, received);
        assertEquals("Riverside", received.text("school_name"));
    }

    @Test
    void aForgedSignatureIsRefused() {
        RSAKey forger = key("peer-key"); // the peer's key id, another key
        assertRefused("invalid_signature", ProblemKind.UNAUTHENTICATED, MessageSigner.sign(request(US), forger, NOW));
    }

    @Test
    void aKeyThePeerDoesNotPublishIsRefused() {
        assertRefused("unknown_key", ProblemKind.UNAUTHENTICATED, MessageSigner.sign(request(US), key("other-kid"), NOW));
    }

    @Test
    void anHmacSignatureIsRefused() throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("peer-key").type(Protocol.JWS_TYPE).build(),
                request(US).toClaims(NOW));
        jwt.sign(new MACSigner(new byte[32]));
        assertRefused("unsupported_algorithm", ProblemKind.UNAUTHENTICATED, jwt.serialize());
    }

    @Test
    void aReplayedMessageIsRefusedTheSecondTime() {
        String jws = MessageSigner.sign(request(US), peerKey, NOW);
        verifier.verify(MessageVerifier.parse(jws), peerKeys, seen);
        assertRefused("replayed_message", ProblemKind.CONFLICT, jws);
        // the same message id signed again (a retry with a fresh iat) is still the same message
        assertRefused("replayed_message", ProblemKind.CONFLICT, MessageSigner.sign(sameIdAgain(jws), peerKey, NOW.plusSeconds(5)));
    }

    @Test
    void staleAndFutureTimestampsOutsideTheWindowAreRefused() {
        assertRefused("stale_message", ProblemKind.UNAUTHENTICATED, MessageSigner.sign(request(US), peerKey, NOW.minusSeconds(301)));
        assertRefused("stale_message", ProblemKind.UNAUTHENTICATED, MessageSigner.sign(request(US), peerKey, NOW.plusSeconds(301)));
        verifier.verify(MessageVerifier.parse(MessageSigner.sign(request(US), peerKey, NOW.minus(Duration.ofSeconds(299)))), peerKeys, seen);
    }

    @Test
    void aMessageForAnotherProductIsRefused() {
        assertRefused("wrong_recipient", ProblemKind.INVALID, MessageSigner.sign(request("https://elsewhere.example.org"), peerKey, NOW));
    }

    @Test
    void aRefusedMessageIsNotRemembered() {
        CrossLinkMessage message = request("https://elsewhere.example.org");
        assertRefused("wrong_recipient", ProblemKind.INVALID, MessageSigner.sign(message, peerKey, NOW));
        assertEquals(0, seen.ids.size());
    }

    @Test
    void aSenderAddressMustBeHttpsOrLoopback() {
        CrossLinkMessage fromHttp = new CrossLinkMessage("m-1", MessageType.LINK_REQUEST, "http://peer.example.org", US, "s", "t", "h", Map.of());
        assertRefused("invalid_sender", ProblemKind.INVALID, MessageSigner.sign(fromHttp, peerKey, NOW));
        assertEquals("http://localhost:8080", PeerUrls.normalise("http://LOCALHOST:8080/"));
        assertThrows(InvalidRequestException.class, () -> PeerUrls.normalise("https://peer.example.org/?x=1"));
    }

    @Test
    void theStoredFormRoundTripsWithoutTheIssueTime() {
        CrossLinkMessage message = request(US);
        assertEquals(message, CrossLinkMessage.fromJson(message.toJson()));
        assertEquals(false, message.toJson().contains("\"iat\""));
    }

    @Test
    void metadataMustNameTheAddressItWasFetchedFrom() {
        Map<String, Object> ours = PeerMetadata.ours(PEER).toJson();
        assertEquals(PEER + "/crosslink/v1/messages", PeerMetadata.parse(ours, PEER).messagesEndpoint());
        assertThrows(InvalidRequestException.class, () -> PeerMetadata.parse(ours, "https://other.example.org"));
    }

    private void assertRefused(String code, ProblemKind kind, String jws) {
        MessageRefusedException refused = assertThrows(MessageRefusedException.class,
                () -> verifier.verify(MessageVerifier.parse(jws), peerKeys, seen));
        assertEquals(code, refused.error(), refused.detail());
        assertEquals(kind, refused.kind());
    }

    private static CrossLinkMessage request(String recipient) {
        return CrossLinkMessage.create(MessageType.LINK_REQUEST, PEER, recipient, "peer-school-1", "our-school-1", "handshake-1",
                Map.of("school_name", "Riverside"));
    }

    private static CrossLinkMessage sameIdAgain(String jws) {
        try {
            return CrossLinkMessage.fromClaims(SignedJWT.parse(jws).getJWTClaimsSet());
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }

    private static RSAKey key(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The replay store in memory, as a test needs it. */
    static final class InMemorySeenMessages implements SeenMessages {
        final Set<String> ids = new HashSet<>();

        @Override
        public boolean firstSighting(String recipientSchool, String sender, String messageId, Instant keepUntil) {
            return ids.add(recipientSchool + "|" + sender + "|" + messageId);
        }
    }
}
