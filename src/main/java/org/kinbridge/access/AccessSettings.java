package org.kinbridge.access;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.kinbridge.audit.AuditEntry;
import org.kinbridge.audit.AuditLog;
import org.kinbridge.shared.InvalidRequestException;
import org.kinbridge.shared.TenantId;
import org.kinbridge.shared.persistence.DatasourceDefinition;
import org.kinbridge.shared.persistence.Sql;

/** Per-tenant access settings: whether relatives get access, how long an invitation lasts, a welcome note. */
@ApplicationScoped
public class AccessSettings {

    public static final int DEFAULT_INVITE_DAYS = 7;

    @Resource(lookup = DatasourceDefinition.JNDI_NAME)
    private DataSource dataSource;

    @Inject
    private AuditLog audit;

    @Inject
    private Clock clock;

    /** A tenant's settings; defaults (no relatives, 7 days) until an admin saves some. */
    public record Settings(boolean relativesAllowed, int inviteDays, String welcomeNote) {
    }

    @Transactional
    public Settings of(TenantId tenant) {
        try (Connection connection = dataSource.getConnection()) {
            return read(connection, tenant);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read access settings", e);
        }
    }

    static Settings read(Connection connection, TenantId tenant) throws SQLException {
        List<Settings> found = Sql.list(connection, "SELECT relatives_allowed, invite_days, welcome_note FROM access_setting "
                + "WHERE tenant_id = ?", List.of(tenant.value()), rs -> new Settings(rs.getBoolean(1), rs.getInt(2), rs.getString(3)));
        return found.isEmpty() ? new Settings(false, DEFAULT_INVITE_DAYS, null) : found.get(0);
    }

    @Transactional
    public Settings update(TenantId tenant, String actor, Settings wanted) {
        if (wanted == null || wanted.inviteDays() < 1 || wanted.inviteDays() > 60) {
            throw new InvalidRequestException("invalid_settings", "inviteDays is 1 to 60.");
        }
        String note = wanted.welcomeNote() == null || wanted.welcomeNote().isBlank() ? null : wanted.welcomeNote().trim();
        if (note != null && note.length() > 2000) {
            throw new InvalidRequestException("invalid_settings", "The welcome note is at most 2000 characters.");
        }
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            List<Object> values = java.util.Arrays.asList(wanted.relativesAllowed(), wanted.inviteDays(), note, actor, now, tenant.value());
            if (Sql.update(connection, "UPDATE access_setting SET relatives_allowed = ?, invite_days = ?, welcome_note = ?, "
                    + "updated_by = ?, updated_at = ? WHERE tenant_id = ?", values) == 0) {
                Sql.update(connection, "INSERT INTO access_setting (relatives_allowed, invite_days, welcome_note, updated_by, "
                        + "updated_at, tenant_id) VALUES (?, ?, ?, ?, ?, ?)", values);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not save access settings", e);
        }
        audit.record(tenant, new AuditEntry(now, actor, "access.settings_changed", "tenant " + tenant.value(),
                "relativesAllowed " + wanted.relativesAllowed() + "; inviteDays " + wanted.inviteDays()));
        return new Settings(wanted.relativesAllowed(), wanted.inviteDays(), note);
    }
}
