package org.kinbridge.crosslink.protocol;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kinbridge.shared.InvalidRequestException;

/** The document a product serves at {@code /.well-known/kinbridge-crosslink}: who it is and where to reach it. */
public record PeerMetadata(String issuer, List<String> versions, String messagesEndpoint, String feedEndpoint, String jwksUri,
                           String product) {

    /** Our own document for the base URL we are reached at. */
    public static PeerMetadata ours(String base) {
        return new PeerMetadata(base, List.of(Protocol.VERSION), base + Protocol.MESSAGES_PATH, base + Protocol.FEED_PATH,
                base + Protocol.JWKS_PATH, "Kinbridge");
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("protocol", Protocol.NAME);
        json.put("issuer", issuer);
        json.put("versions", versions);
        json.put("messages_endpoint", messagesEndpoint);
        json.put("feed_endpoint", feedEndpoint);
        json.put("jwks_uri", jwksUri);
        json.put("product", product);
        json.put("message_types", java.util.Arrays.stream(MessageType.values()).map(MessageType::wire).toList());
        return json;
    }

    /** Reads a peer's document, refusing one that is not ours to trust for {@code expectedIssuer}. */
    public static PeerMetadata parse(Map<String, Object> json, String expectedIssuer) {
        if (!Protocol.NAME.equals(json.get("protocol"))) {
            throw refused("The address does not serve a " + Protocol.NAME + " document.");
        }
        Object issuer = json.get("issuer");
        if (!(issuer instanceof String text) || !PeerUrls.isAllowed(text) || !PeerUrls.normalise(text).equals(expectedIssuer)) {
            throw refused("The other product's document names another address (issuer) than the one entered.");
        }
        Object versions = json.get("versions");
        if (!(versions instanceof List<?> list) || !list.contains(Protocol.VERSION)) {
            throw refused("The other product does not speak protocol version " + Protocol.VERSION + ".");
        }
        return new PeerMetadata(expectedIssuer, List.of(Protocol.VERSION), url(json, "messages_endpoint"),
                url(json, "feed_endpoint"), url(json, "jwks_uri"), String.valueOf(json.getOrDefault("product", "")));
    }

    private static String url(Map<String, Object> json, String name) {
        Object value = json.get(name);
        if (!(value instanceof String text) || !PeerUrls.isAllowed(text)) {
            throw refused("The other product's document has no valid " + name + ".");
        }
        return text;
    }

    private static InvalidRequestException refused(String detail) {
        return new InvalidRequestException("invalid_peer", detail);
    }
}
