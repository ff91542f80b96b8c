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
import org.kinbridge.family.NewLinkHolds;
import org.kinbridge.shared.InvalidRequestException;
import org.kinbridge.shared.TenantId;
import org.kinbridge.shared.persistence.DatasourceDefinition;
import org.kinbridge.shared.persistence.Sql;

/**
 * Safeguarding restrictions on an adult (e.g. a court order), with DESIGN.md's separate switches: login and data
 * suspend the account at once (sign-in, sessions, launches and activation refused); messages stop the welcome email
 * (bulk actions report the adult as restricted; a printed letter is still possible, as the school hands it over);
 * new links put the adult's new links on hold in family, existing links stay. When a restriction stops suspending
 * (lifted, or recorded again without login and data), the account returns to the state it was suspended from and
 * the reasons engine takes it on from there. Records are never purged.
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
    private NewLinkHolds holds;

    @Inject
    private Clock clock;

    @Inject
    private MailOutcomes mailOutcomes;

    private static final String NEW_LINKS_HELD = "A safeguarding restriction recorded in Accounts says: no new links.";

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
        Optional<AccountState> before;
        try (Connection connection = dataSource.getConnection()) {
            if (Sql.list(connection, "SELECT 1 FROM person WHERE tenant_id = ? AND sourced_id = ? AND is_student = FALSE",
                    List.of(tenant.value(), person), rs -> 1).isEmpty()) {
                throw new UnknownAccountException(person);
            }
            before = accountState(connection, tenant, person);
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
        if (wanted.noMessages() && mailOutcomes.withdrawQueued(tenant, person)) {
            audit.record(tenant, new AuditEntry(now, actor, "account.mail_withdrawn", person,
                    "the welcome mail had not gone yet and will not: restriction (no messages)"));
        }
        if (wanted.noNewLinks()) {
            holds.hold(tenant, actor, person, NEW_LINKS_HELD);
        } else {
            holds.release(tenant, actor, person);
        }
        if (wanted.noLogin() || wanted.noData()) {
            engine.recomputeNow(tenant, Optional.of(person), actor);
            rememberSuspension(tenant, person, before);
        } else {
            resume(tenant, actor, person, now, "restriction no longer covers login or data");
        }
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
        holds.release(tenant, actor, person);
        resume(tenant, actor, person, now, "restriction lifted: " + reason.trim());
    }

    /** Notes which state the restriction just suspended the account from, unless an earlier one already did. */
    private void rememberSuspension(TenantId tenant, String person, Optional<AccountState> before) {
        try (Connection connection = dataSource.getConnection()) {
            boolean suspendedNow = accountState(connection, tenant, person).orElse(null) == AccountState.SUSPENDED;
            if (suspendedNow && before.isPresent() && before.get() != AccountState.SUSPENDED) {
                Sql.update(connection, "UPDATE access_restriction SET suspended_state = ? WHERE tenant_id = ? "
                        + "AND person_sourced_id = ? AND suspended_state IS NULL", List.of(before.get().name(), tenant.value(), person));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not note the suspension", e);
        }
    }

    /**
     * Gives back the state a restriction suspended the account from (an admin's own suspension stays: then nothing
     * was noted), audited, and lets the reasons engine move it on if the family facts changed meanwhile. An
     * invitation comes back without its code, which the suspension killed: the school sends or prints a new one.
     */
    private void resume(TenantId tenant, String actor, String person, Instant now, String why) {
        try (Connection connection = dataSource.getConnection()) {
            Optional<AccountState> suspendedFrom = Sql.list(connection, "SELECT suspended_state FROM access_restriction "
                    + "WHERE tenant_id = ? AND person_sourced_id = ? AND suspended_state IS NOT NULL",
                    List.of(tenant.value(), person), rs -> AccountState.valueOf(rs.getString(1))).stream().findFirst();
            if (suspendedFrom.isPresent() && Sql.update(connection, "UPDATE parent_account SET state = ?, state_changed_at = ? "
                    + "WHERE tenant_id = ? AND person_sourced_id = ? AND state = 'SUSPENDED'",
                    List.of(suspendedFrom.get().name(), now, tenant.value(), person)) == 1) {
                audit.record(tenant, ReasonsEngine.transition(now, actor, person, Optional.of(AccountState.SUSPENDED),
                        suspendedFrom.get(), why, "panel"));
            }
            Sql.update(connection, "UPDATE access_restriction SET suspended_state = NULL WHERE tenant_id = ? "
                    + "AND person_sourced_id = ?", List.of(tenant.value(), person));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not resume the account", e);
        }
        engine.recomputeNow(tenant, Optional.of(person), actor);
    }

    private static Optional<AccountState> accountState(Connection connection, TenantId tenant, String person) throws SQLException {
        return Sql.list(connection, "SELECT state FROM parent_account WHERE tenant_id = ? AND person_sourced_id = ?",
                List.of(tenant.value(), person), rs -> AccountState.valueOf(rs.getString(1))).stream().findFirst();
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
