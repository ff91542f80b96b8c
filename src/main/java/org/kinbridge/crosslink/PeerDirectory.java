package org.kinbridge.crosslink;

import com.nimbusds.jose.jwk.JWKSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kinbridge.crosslink.protocol.PeerMetadata;
import org.kinbridge.crosslink.protocol.PeerUrls;
import org.kinbridge.crosslink.protocol.Protocol;

/**
 * Peers' metadata and public keys, discovered from their base URL and cached for a few minutes; the keys
 * are fetched again at once when a message names a key id we do not hold (the peer rotated), at most
 * every ten seconds per peer. Never called inside a transaction.
 */
@ApplicationScoped
public class PeerDirectory {

    private static final Duration METADATA_TTL = Duration.ofMinutes(5);
    private static final Duration KEYS_TTL = Duration.ofMinutes(5);
    private static final Duration REFETCH_GAP = Duration.ofSeconds(10);

    private record Cached<T>(T value, Instant fetchedAt) {
    }

    private final Map<String, Cached<PeerMetadata>> metadata = new ConcurrentHashMap<>();
    private final Map<String, Cached<JWKSet>> keys = new ConcurrentHashMap<>();

    @Inject
    private PeerHttp http;

    @Inject
    private Clock clock;

    public PeerMetadata metadata(String peerUrl) {
        String base = PeerUrls.normalise(peerUrl);
        Cached<PeerMetadata> cached = metadata.get(base);
        if (cached != null && cached.fetchedAt().plus(METADATA_TTL).isAfter(clock.instant())) {
            return cached.value();
        }
        PeerMetadata fresh = PeerMetadata.parse(http.getJson(base + Protocol.WELL_KNOWN), base);
        metadata.put(base, new Cached<>(fresh, clock.instant()));
        return fresh;
    }

    /** The peer's keys, holding {@code kid} if the peer publishes it. */
    public JWKSet keys(String peerUrl, String kid) {
        PeerMetadata peer = metadata(peerUrl);
        Cached<JWKSet> cached = keys.get(peer.jwksUri());
        Instant now = clock.instant();
        boolean fresh = cached != null && cached.fetchedAt().plus(KEYS_TTL).isAfter(now);
        boolean holdsKid = cached != null && kid != null && cached.value().getKeyByKeyId(kid) != null;
        boolean mayRefetch = cached == null || cached.fetchedAt().plus(REFETCH_GAP).isBefore(now);
        if (fresh && (holdsKid || !mayRefetch)) {
            return cached.value();
        }
        try {
            JWKSet set = JWKSet.parse(http.getJson(peer.jwksUri()));
            keys.put(peer.jwksUri(), new Cached<>(set, now));
            return set;
        } catch (ParseException e) {
            throw new PeerUnreachableException("The other product's key set is not a valid JWKS.");
        }
    }

    /** Forgets what we know about a peer, e.g. when an admin retries after fixing its address. */
    public void forget(String peerUrl) {
        metadata.remove(PeerUrls.normalise(peerUrl));
    }
}
