package org.kinbridge.mail;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kinbridge.shared.TenantId;
import org.kinbridge.shared.persistence.DatabaseReady;

/**
 * Delivers queued mail: claims due messages under a lease (so several nodes never send the same one),
 * sends them over one SMTP connection, and marks each sent at once. A server that is down means a
 * retry later with doubling backoff; a refused recipient or the last retry means FAILED.
 */
@ApplicationScoped
public class OutboxWorker {

    private static final Logger LOG = Logger.getLogger(OutboxWorker.class.getName());
    static final int BATCH = 200;

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @Resource
    private ManagedExecutorService executor;

    @Inject
    private OutboxStore store;

    @Inject
    private MailSettings settings;

    @Inject
    private Clock clock;

    @Inject
    private Event<MailDelivered> delivered;

    @Inject
    private Event<MailDeliveryFailed> failed;

    @Inject
    @ConfigProperty(name = "kinbridge.mail.poll-interval", defaultValue = "PT1S")
    private Duration pollInterval;

    @Inject
    @ConfigProperty(name = "kinbridge.mail.retry-base", defaultValue = "PT30S")
    private Duration retryBase;

    @Inject
    @ConfigProperty(name = "kinbridge.mail.max-attempts", defaultValue = "8")
    private int maxAttempts;

    /** SMTP connections one node sends a batch over at once: one connection waits on each server reply in turn. */
    @Inject
    @ConfigProperty(name = "kinbridge.mail.connections", defaultValue = "2")
    private int connections;

    void start(@Observes DatabaseReady ready) {
        scheduler.scheduleWithFixedDelay(this::drain, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Sends batches until nothing is due. */
    void drain() {
        if (!settings.isConfigured()) {
            return;
        }
        try {
            List<OutboxStore.Claimed> batch;
            do {
                batch = store.claimDue(BATCH, clock.instant());
                if (!batch.isEmpty()) {
                    sendOverConnections(batch);
                }
            } while (batch.size() == BATCH);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Mail delivery round failed; will try again", e);
        }
    }

    /** Each message goes in exactly one slice; the slices are sent at once, each over its own connection. */
    private void sendOverConnections(List<OutboxStore.Claimed> batch) {
        int slices = Math.max(1, Math.min(connections, batch.size()));
        int size = (batch.size() + slices - 1) / slices;
        List<Future<?>> others = new ArrayList<>();
        for (int from = size; from < batch.size(); from += size) {
            List<OutboxStore.Claimed> slice = batch.subList(from, Math.min(batch.size(), from + size));
            others.add(executor.submit(() -> send(slice)));
        }
        send(batch.subList(0, Math.min(batch.size(), size)));
        for (Future<?> other : others) {
            try {
                other.get();
            } catch (ExecutionException e) {
                LOG.log(Level.WARNING, "A mail slice failed; its messages stay leased and are retried", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void send(List<OutboxStore.Claimed> batch) {
        Session session = Session.getInstance(settings.sessionProperties());
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect(settings.user().orElse(null), settings.password().orElse(null));
            for (OutboxStore.Claimed message : batch) {
                sendOne(session, transport, message);
            }
        } catch (MessagingException e) {
            LOG.log(Level.WARNING, "SMTP server unreachable ({0}); {1} message(s) will be retried",
                    new Object[] {e.getMessage(), batch.size()});
            batch.forEach(message -> retryOrFail(message, "SMTP server unreachable: " + e.getMessage()));
        }
    }

    private void sendOne(Session session, Transport transport, OutboxStore.Claimed message) {
        try {
            MimeMessage mime = new IdentifiedMessage(session, message.id());
            mime.setFrom(new InternetAddress(settings.from()));
            mime.setRecipients(Message.RecipientType.TO, InternetAddress.parse(message.recipient(), true));
            mime.setSubject(message.subject(), "UTF-8");
            mime.setText(message.textBody(), "UTF-8");
            mime.saveChanges();
            transport.sendMessage(mime, mime.getAllRecipients());
            store.markSent(message.id(), clock.instant());
            delivered.fire(new MailDelivered(new TenantId(message.tenantId()), message.category(), message.reference(), message.recipient()));
        } catch (SendFailedException e) {
            giveUp(message, "The mail server refused the recipient: " + e.getMessage());
        } catch (MessagingException e) {
            retryOrFail(message, e.getMessage());
        }
    }

    private void retryOrFail(OutboxStore.Claimed message, String reason) {
        int attempts = message.attempts() + 1;
        if (attempts >= maxAttempts) {
            giveUp(message, "Gave up after " + attempts + " attempts: " + reason);
            return;
        }
        Duration backoff = retryBase.multipliedBy(1L << Math.min(attempts - 1, 7));
        store.reschedule(message.id(), attempts, clock.instant().plus(backoff), reason);
    }

    private void giveUp(OutboxStore.Claimed message, String reason) {
        store.markFailed(message.id(), message.attempts() + 1, reason);
        failed.fire(new MailDeliveryFailed(new TenantId(message.tenantId()), message.category(), message.reference(),
                message.recipient(), reason));
    }

    /** A MimeMessage whose Message-ID is the outbox id, so a resend after a crash is recognisable. */
    private static final class IdentifiedMessage extends MimeMessage {
        private final String id;

        IdentifiedMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<" + id + "@kinbridge>");
        }
    }
}
