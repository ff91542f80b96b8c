package org.kinbridge.mail;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.kinbridge.shared.TenantId;
import org.kinbridge.shared.persistence.DatasourceDefinition;
import org.kinbridge.shared.persistence.JdbcBatch;

/** Queues mail in the caller's transaction: it is sent only if the change that caused it commits. */
@ApplicationScoped
public class Outbox {

    @Resource(lookup = DatasourceDefinition.JNDI_NAME)
    private DataSource dataSource;

    @Inject
    private Clock clock;

    /** @return the message id, also used as its Message-ID so a rare resend can be recognised */
    @Transactional(Transactional.TxType.MANDATORY)
    public String enqueue(MailMessage message) {
        return enqueueAll(List.of(message)).get(0);
    }

    /** Many messages in JDBC batches (a bulk action queues thousands); @return their ids, in order */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> enqueueAll(List<MailMessage> messages) {
        List<String> ids = messages.stream().map(m -> UUID.randomUUID().toString()).toList();
        Timestamp now = Timestamp.from(clock.instant());
        Iterator<String> id = ids.iterator();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO outbox_message (id, tenant_id, recipient, "
                     + "subject, text_body, category, reference, status, attempts, next_attempt_at, created_at) "
                     + "VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)")) {
            JdbcBatch.run(insert, messages, message -> {
                insert.setString(1, id.next());
                insert.setString(2, message.tenant().value());
                insert.setString(3, message.to());
                insert.setString(4, clip(message.subject(), 300));
                insert.setString(5, clip(message.textBody(), 20000));
                insert.setString(6, message.category());
                insert.setString(7, message.reference());
                insert.setTimestamp(8, now);
                insert.setTimestamp(9, now);
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Could not queue mail", e);
        }
        return ids;
    }

    /**
     * Withdraws the tenant's messages of a category and references that have not gone yet, in the caller's
     * transaction. One being handed to the mail server at this very moment may still go; it is then marked SENT.
     *
     * @return how many were withdrawn
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int cancelPending(TenantId tenant, String category, Collection<String> references) {
        if (references.isEmpty()) {
            return 0;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement cancel = connection.prepareStatement("UPDATE outbox_message SET status = 'CANCELLED', lease_until = NULL "
                     + "WHERE tenant_id = ? AND category = ? AND reference = ? AND status = 'PENDING'")) {
            int cancelled = 0;
            for (int count : JdbcBatch.run(cancel, List.copyOf(references), reference -> {
                cancel.setString(1, tenant.value());
                cancel.setString(2, category);
                cancel.setString(3, reference);
            })) {
                cancelled += Math.max(count, 0);
            }
            return cancelled;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not withdraw queued mail", e);
        }
    }

    /** How many messages of a tenant wait, were sent or failed: the panel says when mail is only queued. */
    @Transactional
    public Map<String, Integer> counts(TenantId tenant) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (OutboxStatus status : OutboxStatus.values()) {
            counts.put(status.name(), 0);
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT status, COUNT(*) FROM outbox_message WHERE tenant_id = ? GROUP BY status")) {
            select.setString(1, tenant.value());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getInt(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count mail", e);
        }
        return counts;
    }

    private static String clip(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
