package org.kinbridge.family;

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
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;
import org.kinbridge.audit.AuditEntry;
import org.kinbridge.audit.AuditLog;
import org.kinbridge.shared.TenantId;
import org.kinbridge.shared.persistence.DatasourceDefinition;

/**
 * Adults who get no new links (a safeguarding restriction recorded elsewhere says so): imports neither create nor
 * restore their links and a manual connect is refused, while the links they have stay. Like a link block, but for
 * every child; whoever records the hold lifts it, and links the roster lists meanwhile come with the next import.
 */
@ApplicationScoped
public class NewLinkHolds {

    @Resource(lookup = DatasourceDefinition.JNDI_NAME)
    private DataSource dataSource;

    @Inject
    private AuditLog audit;

    @Inject
    private Clock clock;

    /** Puts an adult's new links on hold; holding again keeps the first hold. */
    @Transactional
    public void hold(TenantId tenant, String actor, String guardian, String reason) {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            if (isHeld(connection, tenant, guardian)) {
                return;
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO new_link_hold (tenant_id, guardian_sourced_id, "
                    + "reason, held_by, held_at) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, tenant.value());
                insert.setString(2, guardian);
                insert.setString(3, reason);
                insert.setString(4, actor.length() <= 255 ? actor : actor.substring(0, 255));
                insert.setTimestamp(5, Timestamp.from(now));
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not hold new links", e);
        }
        audit.record(tenant, new AuditEntry(now, actor, "links.new_held", guardian, reason));
    }

    @Transactional
    public void release(TenantId tenant, String actor, String guardian) {
        int released;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM new_link_hold WHERE tenant_id = ? "
                     + "AND guardian_sourced_id = ?")) {
            delete.setString(1, tenant.value());
            delete.setString(2, guardian);
            released = delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not release new links", e);
        }
        if (released > 0) {
            audit.record(tenant, new AuditEntry(clock.instant(), actor, "links.new_released", guardian,
                    "new links allowed again; the next import adds those the roster lists"));
        }
    }

    /** The sourcedIds of every adult of the tenant whose new links are on hold. */
    @Transactional
    public Set<String> heldAdults(TenantId tenant) {
        Set<String> held = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT guardian_sourced_id FROM new_link_hold WHERE tenant_id = ?")) {
            select.setString(1, tenant.value());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    held.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read held adults", e);
        }
        return held;
    }

    static boolean isHeld(Connection connection, TenantId tenant, String guardian) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM new_link_hold WHERE tenant_id = ? "
                + "AND guardian_sourced_id = ?")) {
            select.setString(1, tenant.value());
            select.setString(2, guardian);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        }
    }
}
