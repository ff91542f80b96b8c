package org.kinbridge.mail;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.kinbridge.shared.persistence.DatasourceDefinition;

/**
 * The worker's view of the outbox table. Each statement commits on its own (no JTA transaction runs on
 * the worker's thread), so a message is marked sent the moment the SMTP server took it.
 */
@ApplicationScoped
public class OutboxStore {

    static final Duration LEASE = Duration.ofMinutes(2);

    @Resource(lookup = DatasourceDefinition.JNDI_NAME)
    private DataSource dataSource;

    /** Due messages this node now holds a lease on; another node's lease is respected. */
    List<Claimed> claimDue(int limit, Instant now) {
        Timestamp at = Timestamp.from(now);
        List<Claimed> claimed = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            List<Claimed> due = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id, tenant_id, recipient, subject, text_body, "
                    + "category, reference, attempts FROM outbox_message WHERE status = 'PENDING' AND next_attempt_at <= ? "
                    + "AND (lease_until IS NULL OR lease_until < ?) ORDER BY next_attempt_at")) {
                select.setMaxRows(limit);
                select.setTimestamp(1, at);
                select.setTimestamp(2, at);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        due.add(new Claimed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8)));
                    }
                }
            }
            try (PreparedStatement lease = connection.prepareStatement("UPDATE outbox_message SET lease_until = ? "
                    + "WHERE id = ? AND status = 'PENDING' AND (lease_until IS NULL OR lease_until < ?)")) {
                for (Claimed message : due) {
                    lease.setTimestamp(1, Timestamp.from(now.plus(LEASE)));
                    lease.setString(2, message.id());
                    lease.setTimestamp(3, at);
                    if (lease.executeUpdate() == 1) {
                        claimed.add(message);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not claim mail", e);
        }
        return claimed;
    }

    void markSent(String id, Instant now) {
        update("UPDATE outbox_message SET status = 'SENT', sent_at = ?, lease_until = NULL, attempts = attempts + 1 WHERE id = ?",
                Timestamp.from(now), id);
    }

    void reschedule(String id, int attempts, Instant next, String error) {
        update("UPDATE outbox_message SET attempts = ?, next_attempt_at = ?, last_error = ?, lease_until = NULL WHERE id = ?",
                attempts, Timestamp.from(next), clip(error), id);
    }

    void markFailed(String id, int attempts, String error) {
        update("UPDATE outbox_message SET status = 'FAILED', attempts = ?, last_error = ?, lease_until = NULL WHERE id = ?",
                attempts, clip(error), id);
    }

    private void update(String sql, Object... params) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                update.setObject(i + 1, params[i]);
            }
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not update the outbox", e);
        }
    }

    private static String clip(String value) {
        String text = value == null ? "" : value;
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }

    /** A message this node is sending now. */
    record Claimed(String id, String tenantId, String recipient, String subject, String textBody, String category,
                   String reference, int attempts) {
    }
}
