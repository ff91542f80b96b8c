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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.kinbridge.crosslink.protocol.CrossLinkMessage;
import org.kinbridge.shared.TenantId;
import org.kinbridge.shared.persistence.DatasourceDefinition;

/**
 * The outbox of messages to peers: written in the transaction of the change that causes them, delivered
 * later by {@link DeliveryWorker} in order per link, retried with backoff while the peer is down. A row
 * keeps its message id across attempts, so the peer applies it once however often it arrives.
 */
@ApplicationScoped
public class OutboundMessages {

    private static final Duration LEASE = Duration.ofSeconds(60);

    @Resource(lookup = DatasourceDefinition.JNDI_NAME)
    private DataSource dataSource;

    @Inject
    private Clock clock;

    @Inject
    private CrossLinkSettings settings;

    /** A message claimed for one delivery attempt. */
    public record Pending(String id, TenantId tenant, String linkId, String peerUrl, CrossLinkMessage message, int attempts) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(CrossLink link, CrossLinkMessage message) {
        Timestamp now = Timestamp.from(clock.instant());
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO crosslink_outbound (id, tenant_id, link_id, "
                     + "peer_url, message_type, claims_json, status, attempts, next_attempt_at, created_at) "
                     + "VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)")) {
            insert.setString(1, message.id());
            insert.setString(2, link.tenant().value());
            insert.setString(3, link.id());
            insert.setString(4, link.peerUrl());
            insert.setString(5, message.type().wire());
            insert.setString(6, message.toJson());
            insert.setTimestamp(7, now);
            insert.setTimestamp(8, now);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not queue a message to the peer", e);
        }
    }

    /** Messages due now, the oldest waiting one of each link only, so a link's messages arrive in order. */
    @Transactional
    public List<String> due(int max) {
        Timestamp now = Timestamp.from(clock.instant());
        List<String> ids = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT o.id FROM crosslink_outbound o "
                     + "WHERE o.status = 'PENDING' AND o.next_attempt_at <= ? AND (o.lease_until IS NULL OR o.lease_until < ?) "
                     + "AND NOT EXISTS (SELECT 1 FROM crosslink_outbound e WHERE e.tenant_id = o.tenant_id AND e.link_id = o.link_id "
                     + "AND e.status = 'PENDING' AND (e.created_at < o.created_at OR (e.created_at = o.created_at AND e.id < o.id))) "
                     + "ORDER BY o.next_attempt_at")) {
            select.setMaxRows(max);
            select.setTimestamp(1, now);
            select.setTimestamp(2, now);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the peer outbox", e);
        }
        return ids;
    }

    /** Takes a short lease on a message so no other node sends it at the same time. */
    @Transactional
    public Optional<Pending> claim(String id) {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement lease = connection.prepareStatement("UPDATE crosslink_outbound SET lease_until = ? "
                    + "WHERE id = ? AND status = 'PENDING' AND (lease_until IS NULL OR lease_until < ?)")) {
                lease.setTimestamp(1, Timestamp.from(now.plus(LEASE)));
                lease.setString(2, id);
                lease.setTimestamp(3, Timestamp.from(now));
                if (lease.executeUpdate() != 1) {
                    return Optional.empty();
                }
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT tenant_id, link_id, peer_url, claims_json, attempts "
                    + "FROM crosslink_outbound WHERE id = ?")) {
                select.setString(1, id);
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    return Optional.of(new Pending(id, new TenantId(rs.getString(1)), rs.getString(2), rs.getString(3),
                            CrossLinkMessage.fromJson(rs.getString(4)), rs.getInt(5)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not claim a peer message", e);
        }
    }

    @Transactional
    public void delivered(Pending message) {
        finish(message, "DELIVERED", null);
    }

    /** The peer refused the message for good (a protocol error, not an outage). */
    @Transactional
    public void refused(Pending message, String error) {
        finish(message, "REFUSED", error);
    }

    @Transactional
    public void retryLater(Pending message, String error) {
        Instant next = clock.instant().plus(settings.backoff(message.attempts() + 1));
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE crosslink_outbound SET attempts = attempts + 1, "
                     + "next_attempt_at = ?, lease_until = NULL, last_error = ? WHERE id = ? AND tenant_id = ?")) {
            update.setTimestamp(1, Timestamp.from(next));
            update.setString(2, clip(error));
            update.setString(3, message.id());
            update.setString(4, message.tenant().value());
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not reschedule a peer message", e);
        }
    }

    /** What still waits for delivery to the peer of a link, with the last error if an attempt failed. */
    @Transactional
    public Optional<String> waiting(TenantId tenant, String linkId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT message_type, attempts, last_error FROM crosslink_outbound "
                     + "WHERE tenant_id = ? AND link_id = ? AND status = 'PENDING' ORDER BY created_at")) {
            select.setString(1, tenant.value());
            select.setString(2, linkId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(rs.getString(1) + (rs.getInt(2) == 0 ? "" : " (" + rs.getInt(2) + " attempts; "
                        + (rs.getString(3) == null ? "" : rs.getString(3)) + ")"));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the peer outbox", e);
        }
    }

    private void finish(Pending message, String status, String error) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE crosslink_outbound SET status = ?, attempts = attempts + 1, "
                     + "delivered_at = ?, lease_until = NULL, last_error = ? WHERE id = ? AND tenant_id = ?")) {
            update.setString(1, status);
            update.setTimestamp(2, Timestamp.from(clock.instant()));
            update.setString(3, clip(error));
            update.setString(4, message.id());
            update.setString(5, message.tenant().value());
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record a peer delivery", e);
        }
    }

    private static String clip(String error) {
        return error == null ? null : error.length() <= 1000 ? error : error.substring(0, 1000);
    }
}
