package org.kinbridge.school;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.kinbridge.audit.AuditEntry;
import org.kinbridge.audit.AuditLog;
import org.kinbridge.shared.Caller;
import org.kinbridge.shared.InvalidRequestException;
import org.kinbridge.shared.TenantId;
import org.kinbridge.shared.persistence.DatasourceDefinition;

/**
 * Exactly one main school admin per tenant: appointed by the operator, or the first administrator who
 * launches; handed on only by the current one. Every appointment is audited with the change.
 */
@ApplicationScoped
public class MainSchoolAdmins {

    static final String SUBJECT = "main-admin";

    @Resource(lookup = DatasourceDefinition.JNDI_NAME)
    private DataSource dataSource;

    @Inject
    private AuditLog audit;

    @Inject
    private Clock clock;

    /** Remembers an administrator's launch; the first one of a tenant without a main admin becomes it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void adminLaunched(TenantId tenant, String platformUserId, String name, Optional<String> email) {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            upsertAdmin(connection, tenant, platformUserId, name, email, Optional.of(now));
            if (current(connection, tenant).isEmpty()) {
                // A concurrent first launch loses on the primary key and simply stays an ordinary admin.
                appoint(connection, tenant, platformUserId, "first admin launch", now, false);
                audit.record(tenant, new AuditEntry(now, name + " (" + platformUserId + ")", "main_admin.claimed",
                        SUBJECT, "first administrator to open Kinbridge"));
            }
        } catch (SQLException e) {
            if (isDuplicate(e)) {
                return;
            }
            throw new IllegalStateException("Could not record the admin launch", e);
        }
    }

    /** The operator names the main admin (who may not have launched yet). */
    @Transactional
    public MainAdmin appointByOperator(TenantId tenant, String platformUserId, String name, String email) {
        String id = required(platformUserId, "platformUserId");
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            upsertAdmin(connection, tenant, id, name == null || name.isBlank() ? id : name.trim(),
                    Optional.ofNullable(email).filter(e -> e.contains("@")), Optional.empty());
            appoint(connection, tenant, id, "operator", now, current(connection, tenant).isPresent());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not appoint the main admin", e);
        }
        audit.record(tenant, new AuditEntry(now, "operator", "main_admin.appointed", SUBJECT, "now " + id));
        return find(tenant).orElseThrow();
    }

    /** The current main admin hands the role to another administrator of the school. */
    @Transactional
    public MainAdmin transfer(Caller current, String toPlatformUserId) {
        requireMain(current);
        String id = required(toPlatformUserId, "platformUserId");
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            if (adminName(connection, current.tenant(), id).isEmpty()) {
                throw new UnknownAdminException(id);
            }
            appoint(connection, current.tenant(), id, current.auditName(), now, true);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not transfer the main admin role", e);
        }
        audit.record(current.tenant(), new AuditEntry(now, current.auditName(), "main_admin.transferred", SUBJECT, "now " + id));
        return find(current.tenant()).orElseThrow();
    }

    @Transactional
    public Optional<MainAdmin> find(TenantId tenant) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT m.platform_user_id, a.display_name, a.email, "
                     + "m.since, m.appointed_by FROM main_school_admin m LEFT JOIN school_admin a ON a.tenant_id = m.tenant_id "
                     + "AND a.platform_user_id = m.platform_user_id WHERE m.tenant_id = ?")) {
            select.setString(1, tenant.value());
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String id = rs.getString(1);
                return Optional.of(new MainAdmin(id, rs.getString(2) == null ? id : rs.getString(2),
                        Optional.ofNullable(rs.getString(3)), rs.getTimestamp(4).toInstant(), rs.getString(5)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the main admin", e);
        }
    }

    /** Administrators who have opened Kinbridge for this school, for choosing a new main admin. */
    @Transactional
    public List<String[]> knownAdmins(TenantId tenant) {
        List<String[]> admins = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT platform_user_id, display_name FROM school_admin "
                     + "WHERE tenant_id = ? ORDER BY display_name, platform_user_id")) {
            select.setString(1, tenant.value());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    admins.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list admins", e);
        }
        return admins;
    }

    public boolean isMain(Caller caller) {
        return caller.isSchoolAdmin()
                && find(caller.tenant()).map(m -> m.platformUserId().equals(caller.platformUserId())).orElse(false);
    }

    /** Refuses anyone but the tenant's main school admin. */
    public void requireMain(Caller caller) {
        caller.requireSchoolAdmin();
        if (!isMain(caller)) {
            throw new NotMainAdminException();
        }
    }

    private static void upsertAdmin(Connection connection, TenantId tenant, String id, String name, Optional<String> email,
                                    Optional<Instant> launchedAt) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE school_admin SET display_name = ?, "
                + "email = COALESCE(?, email), last_launch_at = COALESCE(?, last_launch_at) "
                + "WHERE tenant_id = ? AND platform_user_id = ?")) {
            update.setString(1, clip(name, 255));
            update.setString(2, email.orElse(null));
            update.setTimestamp(3, launchedAt.map(Timestamp::from).orElse(null));
            update.setString(4, tenant.value());
            update.setString(5, id);
            if (update.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO school_admin (tenant_id, platform_user_id, "
                + "display_name, email, last_launch_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, tenant.value());
            insert.setString(2, id);
            insert.setString(3, clip(name, 255));
            insert.setString(4, email.orElse(null));
            insert.setTimestamp(5, launchedAt.map(Timestamp::from).orElse(null));
            insert.executeUpdate();
        }
    }

    private static Optional<String> current(Connection connection, TenantId tenant) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT platform_user_id FROM main_school_admin WHERE tenant_id = ?")) {
            select.setString(1, tenant.value());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static Optional<String> adminName(Connection connection, TenantId tenant, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT display_name FROM school_admin WHERE tenant_id = ? AND platform_user_id = ?")) {
            select.setString(1, tenant.value());
            select.setString(2, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static void appoint(Connection connection, TenantId tenant, String id, String by, Instant now, boolean replace)
            throws SQLException {
        String sql = replace
                ? "UPDATE main_school_admin SET platform_user_id = ?, since = ?, appointed_by = ? WHERE tenant_id = ?"
                : "INSERT INTO main_school_admin (platform_user_id, since, appointed_by, tenant_id) VALUES (?, ?, ?, ?)";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, id);
            statement.setTimestamp(2, Timestamp.from(now));
            statement.setString(3, clip(by, 255));
            statement.setString(4, tenant.value());
            statement.executeUpdate();
        }
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank() || value.length() > 255) {
            throw new InvalidRequestException("invalid_admin", field + " is required (at most 255 characters).");
        }
        return value.trim();
    }

    private static boolean isDuplicate(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    private static String clip(String value, int max) {
        return value == null ? "" : value.length() <= max ? value : value.substring(0, max);
    }
}
