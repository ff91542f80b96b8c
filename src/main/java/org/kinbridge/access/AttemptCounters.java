package org.kinbridge.access;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.kinbridge.audit.AuditEntry;
import org.kinbridge.audit.AuditLog;
import org.kinbridge.shared.TenantId;
import org.kinbridge.shared.persistence.DatasourceDefinition;
import org.kinbridge.shared.persistence.Sql;

/**
 * Failed-attempt counters in the database ({@code access_attempt}), so that all nodes of a cluster count together.
 * A failure is counted in a transaction of its own: the refused sign-in's transaction rolls back, the count must not.
 * The row is read {@code FOR UPDATE}, so concurrent failures on two nodes are counted one after the other.
 */
@ApplicationScoped
public class AttemptCounters {

    private static final String UNIQUE_VIOLATION = "23505";

    @Resource(lookup = DatasourceDefinition.JNDI_NAME)
    private DataSource dataSource;

    @Inject
    private AuditLog audit;

    AttemptCounters() {
        // for CDI
    }

    /** Counters kept in a database of the caller's choosing (tests). */
    AttemptCounters(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Two nodes created the same subject's first row at once; the loser's transaction is rolled back: count again. */
    static final class FirstFailureRace extends RuntimeException {
        FirstFailureRace(SQLException cause) {
            super("Another node counted this subject's first failure at the same moment", cause);
        }
    }

    @Transactional
    public Optional<LockoutPolicy.Counter> find(TenantId tenant, String subject) {
        try (Connection connection = dataSource.getConnection()) {
            return read(connection, tenant, subject, "");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read failed attempts", e);
        }
    }

    /**
     * Counts one failure; when it locks the subject, audits the lock (with the counter) in the same transaction.
     *
     * @param lockAudit what the audit entry says, given the new counter; used only when this failure locks
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public LockoutPolicy.Counter fail(TenantId tenant, String subject, LockoutPolicy policy, Instant now,
                                      Function<LockoutPolicy.Counter, AuditEntry> lockAudit) {
        try (Connection connection = dataSource.getConnection()) {
            Optional<LockoutPolicy.Counter> stored = read(connection, tenant, subject, " FOR UPDATE");
            LockoutPolicy.Counter before = stored.orElse(LockoutPolicy.Counter.none(now));
            LockoutPolicy.Counter after = policy.afterFailure(before, now);
            List<Object> values = Arrays.asList(after.failures(), after.windowStartedAt(), after.lockouts(),
                    after.lockedUntil().orElse(null), tenant.value(), subject);
            if (stored.isPresent()) {
                Sql.update(connection, "UPDATE access_attempt SET failures = ?, window_started_at = ?, lockouts = ?, "
                        + "locked_until = ? WHERE tenant_id = ? AND subject = ?", values);
            } else {
                insert(connection, values);
            }
            if (after.lockouts() > before.lockouts()) {
                audit.record(tenant, lockAudit.apply(after));
            }
            return after;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count a failed attempt", e);
        }
    }

    /** Forgets a subject's failures and locks (a successful sign-in). */
    @Transactional
    public void clear(TenantId tenant, String subject) {
        try (Connection connection = dataSource.getConnection()) {
            Sql.update(connection, "DELETE FROM access_attempt WHERE tenant_id = ? AND subject = ?", List.of(tenant.value(), subject));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not clear failed attempts", e);
        }
    }

    /**
     * Deletes the counters of every tenant that {@code policy} can forget at {@code now}; maintenance by time, like
     * the purge of expired login states, not a read of any tenant's data.
     *
     * @return how many were deleted
     */
    @Transactional
    public int forgetQuiet(LockoutPolicy policy, Instant now) {
        try (Connection connection = dataSource.getConnection()) {
            return Sql.update(connection, "DELETE FROM access_attempt WHERE window_started_at <= ? "
                    + "AND (locked_until IS NULL OR locked_until <= ?)",
                    List.of(policy.windowsStartedBefore(now), policy.locksEndedBefore(now)));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not forget old failed attempts", e);
        }
    }

    private static void insert(Connection connection, List<Object> values) throws SQLException {
        try {
            Sql.update(connection, "INSERT INTO access_attempt (failures, window_started_at, lockouts, locked_until, tenant_id, "
                    + "subject) VALUES (?, ?, ?, ?, ?, ?)", values);
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new FirstFailureRace(e);
            }
            throw e;
        }
    }

    private static Optional<LockoutPolicy.Counter> read(Connection connection, TenantId tenant, String subject, String lock)
            throws SQLException {
        return Sql.list(connection, "SELECT failures, window_started_at, lockouts, locked_until FROM access_attempt "
                + "WHERE tenant_id = ? AND subject = ?" + lock, List.of(tenant.value(), subject),
                rs -> new LockoutPolicy.Counter(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getInt(3),
                        Optional.ofNullable(Sql.instant(rs, "locked_until")))).stream().findFirst();
    }
}
