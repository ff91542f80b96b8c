package org.kinbridge.crosslink;

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
import java.time.Instant;
import javax.sql.DataSource;
import org.kinbridge.crosslink.protocol.SeenMessages;
import org.kinbridge.shared.persistence.DatasourceDefinition;

/**
 * The replay store in the database, written in the transaction that applies the message: a message
 * counts as seen exactly when its effect committed, on every node.
 */
@ApplicationScoped
public class DatabaseSeenMessages implements SeenMessages {

    @Resource(lookup = DatasourceDefinition.JNDI_NAME)
    private DataSource dataSource;

    @Inject
    private Clock clock;

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstSighting(String recipientSchool, String sender, String messageId, Instant keepUntil) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM crosslink_seen_message "
                    + "WHERE tenant_id = ? AND sender = ? AND message_id = ?")) {
                select.setString(1, clip(recipientSchool));
                select.setString(2, sender);
                select.setString(3, messageId);
                try (ResultSet rs = select.executeQuery()) {
                    if (rs.next()) {
                        return false;
                    }
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO crosslink_seen_message "
                    + "(tenant_id, sender, message_id, received_at, keep_until) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, clip(recipientSchool));
                insert.setString(2, sender);
                insert.setString(3, messageId);
                insert.setTimestamp(4, Timestamp.from(clock.instant()));
                insert.setTimestamp(5, Timestamp.from(keepUntil));
                insert.executeUpdate();
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check the replay store", e);
        }
    }

    /** Forgets message ids that could no longer pass the clock window anyway. */
    @Transactional
    public int purge() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM crosslink_seen_message WHERE keep_until < ?")) {
            delete.setTimestamp(1, Timestamp.from(clock.instant()));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not purge the replay store", e);
        }
    }

    private static String clip(String school) {
        return school.length() <= 64 ? school : school.substring(0, 64);
    }
}
