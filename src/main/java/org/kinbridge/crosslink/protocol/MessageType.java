package org.kinbridge.crosslink.protocol;

import java.util.Arrays;
import java.util.Optional;

/** The messages two products exchange, with their names on the wire. */
public enum MessageType {
    LINK_REQUEST("link.request"),
    LINK_APPROVE("link.approve"),
    LINK_DENY("link.deny"),
    LINK_CANCEL("link.cancel"),
    LINK_REMIND("link.remind"),
    LINK_UNLINK("link.unlink"),
    FEED_REQUEST("feed.request"),
    FEED_RESPONSE("feed.response");

    private final String wire;

    MessageType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<MessageType> fromWire(String value) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(value)).findFirst();
    }
}
