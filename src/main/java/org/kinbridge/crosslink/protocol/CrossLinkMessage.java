package org.kinbridge.crosslink.protocol;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One protocol message, as its JWS claims carry it.
 *
 * @param id              {@code jti}: unique per sender; a retried delivery keeps it
 * @param sender          {@code iss}: the sender's base URL
 * @param recipient       {@code aud}: the recipient's base URL
 * @param senderSchool    the school's identifier at the sender
 * @param recipientSchool the school's identifier at the recipient
 * @param handshake       the handshake round the message belongs to
 * @param data            type-specific content (JSON object)
 */
public record CrossLinkMessage(String id, MessageType type, String sender, String recipient, String senderSchool,
                               String recipientSchool, String handshake, Map<String, Object> data) {

    public CrossLinkMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(senderSchool, "senderSchool");
        Objects.requireNonNull(recipientSchool, "recipientSchool");
        Objects.requireNonNull(handshake, "handshake");
        data = data == null ? Map.of() : Map.copyOf(data);
    }

    /** A new message with a fresh id. */
    public static CrossLinkMessage create(MessageType type, String sender, String recipient, String senderSchool,
                                          String recipientSchool, String handshake, Map<String, Object> data) {
        return new CrossLinkMessage(UUID.randomUUID().toString(), type, sender, recipient, senderSchool, recipientSchool,
                handshake, data);
    }

    public String text(String field) {
        Object value = data.get(field);
        return value == null ? null : String.valueOf(value);
    }

    public JWTClaimsSet toClaims(Instant issuedAt) {
        return new JWTClaimsSet.Builder()
                .issuer(sender)
                .audience(recipient)
                .jwtID(id)
                .issueTime(Date.from(issuedAt))
                .claim("ver", Protocol.VERSION)
                .claim("type", type.wire())
                .claim("sender_school", senderSchool)
                .claim("recipient_school", recipientSchool)
                .claim("handshake", handshake)
                .claim("data", new LinkedHashMap<>(data))
                .build();
    }

    /** The message as stored in an outbox, without the issue time (set afresh at each delivery attempt). */
    public String toJson() {
        Map<String, Object> json = new LinkedHashMap<>(toClaims(Instant.EPOCH).toJSONObject());
        json.remove("iat");
        return JSONObjectUtils.toJSONString(json);
    }

    public static CrossLinkMessage fromJson(String json) {
        try {
            return fromClaims(JWTClaimsSet.parse(json));
        } catch (ParseException e) {
            throw new IllegalStateException("A stored message is not valid JSON", e);
        }
    }

    static CrossLinkMessage fromClaims(JWTClaimsSet claims) throws ParseException {
        MessageType type = MessageType.fromWire(claims.getStringClaim("type"))
                .orElseThrow(() -> MessageRefusedException.invalid("unknown_message_type", "The message type is not one this protocol knows."));
        String recipient = claims.getAudience() == null || claims.getAudience().size() != 1 ? null : claims.getAudience().get(0);
        Map<String, Object> data = claims.getJSONObjectClaim("data");
        return new CrossLinkMessage(claims.getJWTID(), type, claims.getIssuer(), recipient,
                claims.getStringClaim("sender_school"), claims.getStringClaim("recipient_school"),
                claims.getStringClaim("handshake"), data);
    }
}
