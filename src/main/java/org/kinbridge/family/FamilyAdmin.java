package org.kinbridge.family;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.kinbridge.audit.AuditEntry;
import org.kinbridge.audit.AuditLog;
import org.kinbridge.shared.InvalidRequestException;
import org.kinbridge.shared.TenantId;
import org.kinbridge.shared.persistence.DatasourceDefinition;

/**
 * What a school admin does to families by hand: connect a parent to a child, remove a link, and block
 * a pair so no import links it again. Each needs a reason and is audited under the admin's name. An adult whose
 * new links are on hold ({@link NewLinkHolds}) is connected to no one.
 */
@ApplicationScoped
public class FamilyAdmin {

    @Resource(lookup = DatasourceDefinition.JNDI_NAME)
    private DataSource dataSource;

    @Inject
    private AuditLog audit;

    @Inject
    private Clock clock;

    @Inject
    private Event<FamilyChanged> changed;

    @Inject
    private FamilyFilters filters;

    @Transactional
    public void connect(TenantId tenant, String actor, String studentId, String guardianId, String role, String reason) {
        String why = requireReason(reason);
        GuardianRole guardianRole = GuardianRole.fromRosterName(role).orElseThrow(() ->
                new InvalidRequestException("invalid_role", "The role is parent, guardian or relative."));
        try (Connection connection = dataSource.getConnection()) {
            requirePerson(connection, tenant, studentId, true);
            requirePerson(connection, tenant, guardianId, false);
            if (isBlocked(connection, tenant, studentId, guardianId)) {
                throw new LinkBlockedException();
            }
            Optional<Boolean> active = linkState(connection, tenant, studentId, guardianId);
            if (active.orElse(false)) {
                throw new LinkExistsException();
            }
            if (NewLinkHolds.isHeld(connection, tenant, guardianId)) {
                throw new NewLinksHeldException(); // restoring an ended link is a new link for the parent, too
            }
            Timestamp now = Timestamp.from(clock.instant());
            String sql = active.isPresent()
                    ? "UPDATE guardian_link SET guardian_role = ?, active = TRUE, source = 'MANUAL', source_ref = ?, updated_at = ?, "
                            + "ended_at = NULL WHERE tenant_id = ? AND student_sourced_id = ? AND guardian_sourced_id = ?"
                    : "INSERT INTO guardian_link (guardian_role, active, source, source_ref, updated_at, tenant_id, "
                            + "student_sourced_id, guardian_sourced_id, created_at) VALUES (?, TRUE, 'MANUAL', ?, ?, ?, ?, ?, ?)";
            try (PreparedStatement write = connection.prepareStatement(sql)) {
                write.setString(1, guardianRole.rosterName());
                write.setString(2, clip(actor));
                write.setTimestamp(3, now);
                write.setString(4, tenant.value());
                write.setString(5, studentId);
                write.setString(6, guardianId);
                if (active.isEmpty()) {
                    write.setTimestamp(7, now);
                }
                write.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not connect the link", e);
        }
        filters.refreshAround(tenant, List.of(studentId, guardianId));
        record(tenant, actor, "link.connected", studentId, guardianId, "role " + guardianRole.rosterName() + "; " + why);
        changed.fire(new FamilyChanged(tenant, "link.connected"));
    }

    /** Ends an active link; with {@code block}, also records that no import may link the pair again. */
    @Transactional
    public void remove(TenantId tenant, String actor, String studentId, String guardianId, String reason, boolean block) {
        String why = requireReason(reason);
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement end = connection.prepareStatement("UPDATE guardian_link SET active = FALSE, source_ref = ?, "
                    + "updated_at = ?, ended_at = ? WHERE tenant_id = ? AND student_sourced_id = ? AND guardian_sourced_id = ? AND active = TRUE")) {
                end.setString(1, clip(actor));
                end.setTimestamp(2, Timestamp.from(now));
                end.setTimestamp(3, Timestamp.from(now));
                end.setString(4, tenant.value());
                end.setString(5, studentId);
                end.setString(6, guardianId);
                if (end.executeUpdate() == 0 && !block) {
                    throw new UnknownLinkException();
                }
            }
            if (block && !isBlocked(connection, tenant, studentId, guardianId)) {
                requirePerson(connection, tenant, studentId, true);
                requirePerson(connection, tenant, guardianId, false);
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO link_block (tenant_id, student_sourced_id, "
                        + "guardian_sourced_id, reason, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                    insert.setString(1, tenant.value());
                    insert.setString(2, studentId);
                    insert.setString(3, guardianId);
                    insert.setString(4, why);
                    insert.setString(5, clip(actor));
                    insert.setTimestamp(6, Timestamp.from(now));
                    insert.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not remove the link", e);
        }
        filters.refreshAround(tenant, List.of(studentId, guardianId));
        record(tenant, actor, block ? "link.removed_and_blocked" : "link.removed", studentId, guardianId, why);
        changed.fire(new FamilyChanged(tenant, "link.removed"));
    }

    private void record(TenantId tenant, String actor, String action, String student, String guardian, String detail) {
        audit.record(tenant, new AuditEntry(clock.instant(), actor, action, student + " <- " + guardian, detail));
    }

    private static void requirePerson(Connection connection, TenantId tenant, String sourcedId, boolean student) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT is_student, active FROM person WHERE tenant_id = ? AND sourced_id = ?")) {
            select.setString(1, tenant.value());
            select.setString(2, sourcedId == null ? "" : sourcedId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new UnknownPersonException(sourcedId);
                }
                if (rs.getBoolean(1) != student) {
                    throw new InvalidRequestException("invalid_link", student
                            ? sourcedId + " is not a student; a link joins a student to an adult."
                            : sourcedId + " is a student; a child cannot be another child's parent.");
                }
                if (!rs.getBoolean(2)) {
                    throw new InvalidRequestException("invalid_link", sourcedId + " is no longer on the school's roster.");
                }
            }
        }
    }

    private static boolean isBlocked(Connection connection, TenantId tenant, String student, String guardian) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM link_block WHERE tenant_id = ? "
                + "AND student_sourced_id = ? AND guardian_sourced_id = ?")) {
            select.setString(1, tenant.value());
            select.setString(2, student);
            select.setString(3, guardian);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Optional<Boolean> linkState(Connection connection, TenantId tenant, String student, String guardian) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT active FROM guardian_link WHERE tenant_id = ? "
                + "AND student_sourced_id = ? AND guardian_sourced_id = ?")) {
            select.setString(1, tenant.value());
            select.setString(2, student);
            select.setString(3, guardian);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBoolean(1)) : Optional.empty();
            }
        }
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidRequestException("reason_required", "Say why: a reason is recorded with every manual change.");
        }
        if (reason.length() > 1000) {
            throw new InvalidRequestException("reason_too_long", "A reason is at most 1000 characters.");
        }
        return reason.trim();
    }

    private static String clip(String value) {
        return value.length() <= 255 ? value : value.substring(0, 255);
    }
}
