package org.kinbridge.lti.security;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URL;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Platforms' public keys, fetched from their JWKS URLs and cached. An unknown {@code kid} triggers a
 * refetch at once (platforms rotate keys), then no further unknown-kid refetch for
 * {@link #MIN_REFETCH_INTERVAL}, so a flood of forged kids cannot make us hammer a platform.
 */
@ApplicationScoped
public class PlatformKeys {

    private static final Logger LOG = Logger.getLogger(PlatformKeys.class.getName());
    static final Duration MAX_AGE = Duration.ofHours(1);
    static final Duration MIN_REFETCH_INTERVAL = Duration.ofSeconds(10);
    private static final int CONNECT_TIMEOUT_MS = 3_000;
    private static final int READ_TIMEOUT_MS = 5_000;
    private static final int SIZE_LIMIT_BYTES = 256 * 1024;

    private final Map<String, CachedKeySet> cache = new ConcurrentHashMap<>();
    private final DefaultResourceRetriever retriever =
            new DefaultResourceRetriever(CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS, SIZE_LIMIT_BYTES);

    @Inject
    private Clock clock;

    /**
     * The platform key with this id, fetching the JWKS when it is not cached or is stale.
     *
     * @throws PlatformKeysUnavailableException when the JWKS cannot be fetched or parsed
     */
    public Optional<JWK> find(String jwksUrl, String kid) {
        CachedKeySet cached = cache.computeIfAbsent(jwksUrl, url -> new CachedKeySet());
        synchronized (cached) {
            Instant now = clock.instant();
            if (cached.keys == null || cached.fetchedAt.plus(MAX_AGE).isBefore(now)) {
                cached.keys = fetch(jwksUrl);
                cached.fetchedAt = now;
            }
            Optional<JWK> key = Optional.ofNullable(cached.keys.getKeyByKeyId(kid));
            boolean mayRefetch = cached.missRefetchedAt == null || cached.missRefetchedAt.plus(MIN_REFETCH_INTERVAL).isBefore(now);
            if (key.isEmpty() && mayRefetch) {
                cached.keys = fetch(jwksUrl);
                cached.fetchedAt = now;
                cached.missRefetchedAt = now;
                key = Optional.ofNullable(cached.keys.getKeyByKeyId(kid));
            }
            return key;
        }
    }

    /** Forgets a platform's keys, e.g. when its registration changes. */
    public void forget(String jwksUrl) {
        cache.remove(jwksUrl);
    }

    private JWKSet fetch(String jwksUrl) {
        try {
            Resource resource = retriever.retrieveResource(new URL(jwksUrl));
            return JWKSet.parse(resource.getContent());
        } catch (IOException | ParseException e) {
            LOG.log(Level.WARNING, "Could not fetch platform keys from {0}: {1}", new Object[] {jwksUrl, e.toString()});
            throw new PlatformKeysUnavailableException();
        }
    }

    private static final class CachedKeySet {
        private JWKSet keys;
        private Instant fetchedAt;
        private Instant missRefetchedAt;
    }
}
