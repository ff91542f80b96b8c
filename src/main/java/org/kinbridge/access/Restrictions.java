package org.kinbridge.access;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.kinbridge.audit.AuditEntry;
import org.kinbridge.audit.AuditLog;
import org.kinbridge.shared.InvalidRequestException;
import org.kinbridge.shared.TenantId;
import org.kinbridge.shared.persistence.DatasourceDefinition;

/**
 * Safeguarding restrictions on an adult (e.g. a court order), with DESIGN.md's separate switches for login,
 * data, messages and new links. Recording one suspends the account at once; lifting one does not resume it
 * (an admin does). Records are never purged.
 */
@ApplicationScoped
public class Restrictions {

    @Resource(lookup = DatasourceDefinition.JNDI_NAME)
    private DataSource dataSource;

    @Inject
    private AuditLog audit;

    @Inject
    private ReasonsEngine engine;

    @Inject
    private Clock clock;

    public record Restriction(boolean noLogin, boolean noData, boolean noMessages, boolean noNewLinks, String reason,
                              String recordedBy, Instant recordedAt) {
    }

    @Transactional
    public void record(TenantId tenant, String actor, String person, Restriction wanted) {
        if (wanted == null || wanted.reason() == null || wanted.reason().isBlank()) {
            throw new InvalidRequestException("reason_required", "Say why: a reason is recorded with every restriction.");
        }
        if (!(wanted.noLogin() || wanted.noData() || wanted.noMessages() || wanted.noNewLinks())) {
            throw new InvalidRequestException("invalid_restriction", "Turn on at least one switch: login, data, messages or new links.");
        }
        String reason = wanted.reason().trim();
        if (reason.length() > 1000) {
            throw new InvalidRequestException("reason_too_long", "A reason is at most 1000 characters.");
        }
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            if (Sql.list(connection, "SELECT 1 FROM person WHERE tenant_id = ? AND sourced_id = ? AND is_student = FALSE",
                    List.of(tenant.value(), person), rs -> 1).isEmpty()) {
                throw new UnknownAccountException(person);
            }
            List<Object> values = Arrays.asList(wanted.noLogin(), wanted.noData(), wanted.noMessages(), wanted.noNewLinks(),
                    reason, clip(actor), now, tenant.value(), person);
            if (Sql.update(connection, "UPDATE access_restriction SET no_login = ?, no_data = ?, no_messages = ?, no_new_links = ?, "
                    + "reason = ?, recorded_by = ?, recorded_at = ?, lifted_at = NULL, lifted_by = NULL "
                    + "WHERE tenant_id = ? AND person_sourced_id = ?", values) == 0) {
                Sql.update(connection, "INSERT INTO access_restriction (no_login, no_data, no_messages, no_new_links, reason, "
                        + "recorded_by, recorded_at, tenant_id, person_sourced_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", values);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record the restriction", e);
        }
        audit.record(tenant, new AuditEntry(now, actor, "access.restriction_recorded", person,
                "login " + !wanted.noLogin() + ", data " + !wanted.noData() + ", messages " + !wanted.noMessages()
                        + ", new links " + !wanted.noNewLinks() + "; reason: " + reason + "; source: panel"));
        engine.recomputeNow(tenant, Optional.of(person), actor);
    }

    @Transactional
    public void lift(TenantId tenant, String actor, String person, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidRequestException("reason_required", "Say why the restriction is lifted.");
        }
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            if (Sql.update(connection, "UPDATE access_restriction SET lifted_at = ?, lifted_by = ? WHERE tenant_id = ? "
                    + "AND person_sourced_id = ? AND lifted_at IS NULL", List.of(now, clip(actor), tenant.value(), person)) == 0) {
                throw new UnknownAccountException(person);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not lift the restriction", e);
        }
        audit.record(tenant, new AuditEntry(now, actor, "access.restriction_lifted", person,
                "reason: " + reason.trim() + "; source: panel"));
        engine.recomputeNow(tenant, Optional.of(person), actor);
    }

    /** The restriction in force on an adult, if any. */
    @Transactional
    public Optional<Restriction> inForce(TenantId tenant, String person) {
        try (Connection connection = dataSource.getConnection()) {
            return Sql.list(connection, "SELECT no_login, no_data, no_messages, no_new_links, reason, recorded_by, recorded_at "
                    + "FROM access_restriction WHERE tenant_id = ? AND person_sourced_id = ? AND lifted_at IS NULL",
                    List.of(tenant.value(), person), rs -> new Restriction(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3),
                            rs.getBoolean(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
                    .stream().findFirst();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read restrictions", e);
        }
    }

    static String clip(String value) {
        return value.length() <= 255 ? value : value.substring(0, 255);
    }
}
