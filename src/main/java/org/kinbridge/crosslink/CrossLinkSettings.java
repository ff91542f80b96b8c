package org.kinbridge.crosslink;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Timings of the handshake, each an ISO-8601 duration from the environment: KINBRIDGE_CROSSLINK_REQUEST_TTL
 * (P14D), _REQUEST_COOLDOWN (P1D), _REMINDER_INTERVAL (P1D), _FEED_INTERVAL (PT15M), _RETRY_MAX (PT10M),
 * _WORKER_INTERVAL (PT1S); and KINBRIDGE_CROSSLINK_FEED_PAGE (500), the students per page of the feed we serve.
 */
@ApplicationScoped
public class CrossLinkSettings {

    @Inject
    @ConfigProperty(name = "kinbridge.crosslink.request.ttl", defaultValue = "P14D")
    String requestTtl;

    @Inject
    @ConfigProperty(name = "kinbridge.crosslink.request.cooldown", defaultValue = "P1D")
    String cooldown;

    @Inject
    @ConfigProperty(name = "kinbridge.crosslink.reminder.interval", defaultValue = "P1D")
    String reminderInterval;

    @Inject
    @ConfigProperty(name = "kinbridge.crosslink.feed.interval", defaultValue = "PT15M")
    String feedInterval;

    @Inject
    @ConfigProperty(name = "kinbridge.crosslink.retry.max", defaultValue = "PT10M")
    String retryMax;

    @Inject
    @ConfigProperty(name = "kinbridge.crosslink.worker.interval", defaultValue = "PT1S")
    String workerInterval;

    @Inject
    @ConfigProperty(name = "kinbridge.crosslink.feed.page", defaultValue = "500")
    int feedPage;

    /** Students per feed page: each page is one signed answer, which a peer takes up to 2 MiB of. */
    public int feedPage() {
        return Math.max(1, Math.min(feedPage, 2000));
    }

    public Duration requestTtl() {
        return Duration.parse(requestTtl);
    }

    public Duration cooldown() {
        return Duration.parse(cooldown);
    }

    public Duration reminderInterval() {
        return Duration.parse(reminderInterval);
    }

    public Duration feedInterval() {
        return Duration.parse(feedInterval);
    }

    public Duration retryMax() {
        return Duration.parse(retryMax);
    }

    public Duration workerInterval() {
        return Duration.parse(workerInterval);
    }

    /** The wait before delivery attempt {@code attempts + 1}: 2, 4, 8 ... seconds, capped. */
    public Duration backoff(int attempts) {
        Duration wait = Duration.ofSeconds(1L << Math.min(Math.max(attempts, 1), 20));
        return wait.compareTo(retryMax()) > 0 ? retryMax() : wait;
    }
}
