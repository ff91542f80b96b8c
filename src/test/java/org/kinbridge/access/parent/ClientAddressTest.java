package org.kinbridge.access.parent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void withoutTrustedProxiesTheForwardedHeaderIsIgnored() {
        ClientAddress addresses = new ClientAddress(Optional.empty());
        assertEquals("203.0.113.9", addresses.of("203.0.113.9", "198.51.100.1"));
    }

    @Test
    void behindTrustedProxiesTheNearestUntrustedHopCounts() {
        ClientAddress addresses = new ClientAddress(Optional.of("10.0.0.2, 10.0.0.3"));
        assertEquals("198.51.100.7", addresses.of("10.0.0.2", "1.2.3.4, 198.51.100.7, 10.0.0.3"),
                "an address the client wrote itself (1.2.3.4) is not believed");
        assertEquals("10.0.0.2", addresses.of("10.0.0.2", null));
    }
}
