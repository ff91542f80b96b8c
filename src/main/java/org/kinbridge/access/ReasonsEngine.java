package org.kinbridge.access;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.kinbridge.audit.AuditEntry;
import org.kinbridge.audit.AuditLog;
import org.kinbridge.shared.TenantId;
import org.kinbridge.shared.persistence.DatasourceDefinition;
import org.kinbridge.shared.persistence.PlannerSettings;
import org.kinbridge.shared.persistence.PostgreSql;
import org.kinbridge.shared.persistence.Sql;

/**
 * Recomputes every adult's reasons and account state for a tenant, set-based: one aggregate query over the
 * links streams the facts, {@link Lifecycle} decides, and only the changes are written, in JDBC batches, each
 * state change with its audit entry. A tenant's runs are serialised by a lock on its tenant row.
 */
@ApplicationScoped
public class ReasonsEngine {

    private static final Logger LOG = Logger.getLogger(ReasonsEngine.class.getName());
    private static final int BATCH = 1000;
    private static final int INSERT_CHUNK = 5000;
    /** person, state, reasons, family_key, given_key */
    private static final int INSERTED_COLUMNS = 5;

    @Resource(lookup = DatasourceDefinition.JNDI_NAME)
    private DataSource dataSource;

    @Inject
    private AuditLog audit;

    @Inject
    private Clock clock;

    /** What one run found and changed. */
    public record Outcome(int examined, int changed, int stateChanges, long millis) {
    }

    /** The list keys an account sorts by in the Account Manager: the person's lower-case family and given names. */
    private record ListKeys(String family, String given) {
    }

    private record Change(String person, Optional<AccountState> from, AccountState to, Set<RevokeReason> reasons, ListKeys keys) {
    }

    /** An account whose person the roster renamed: its list keys follow. */
    private record Renamed(String person, ListKeys keys) {
    }

    /** A whole-tenant run in its own transaction (after an import or a link change). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Outcome recompute(TenantId tenant, String cause) {
        return run(tenant, Optional.empty(), cause);
    }

    /**
     * After a run that changed a large share of accounts: VACUUM marks the new rows visible to all, so
     * counting a tab of the Account Manager is read from its index alone, and ANALYZE gives the planner
     * the tab sizes. Must run outside any transaction (VACUUM refuses one); PostgreSQL only.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void tidyAfterLargeRun() {
        try (Connection connection = dataSource.getConnection()) {
            if (PostgreSql.is(connection)) {
                connection.setAutoCommit(true);
                try (java.sql.Statement vacuum = connection.createStatement()) {
                    vacuum.execute("VACUUM (ANALYZE) parent_account");
                }
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not vacuum parent_account; autovacuum will get to it", e);
        }
    }

    /** A run inside the caller's transaction, for the whole tenant or one adult. */
    @Transactional
    public Outcome recomputeNow(TenantId tenant, Optional<String> person, String cause) {
        return run(tenant, person, cause);
    }

    private Outcome run(TenantId tenant, Optional<String> person, String cause) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        List<Change> changes = new ArrayList<>();
        List<Renamed> renamed = new ArrayList<>();
        int examined = 0;
        try (Connection connection = dataSource.getConnection()) {
            Sql.list(connection, "SELECT id FROM tenant WHERE id = ? FOR UPDATE", List.of(tenant.value()), rs -> 1);
            boolean relatives = AccessSettings.read(connection, tenant).relativesAllowed();
            Map<String, String> newestHolder = newestHolders(connection, tenant);
            String personFilter = person.isPresent() ? " AND l.guardian_sourced_id = ?" : "";
            String sql = "SELECT p.sourced_id, p.active, p.enabled_user, g.live, g.eligible, g.on_roll, a.state, a.reasons, "
                    + "a.username, a.activated_at, r.person_sourced_id, COALESCE(p.family_key, ''), COALESCE(p.given_key, ''), "
                    + "a.family_key, a.given_key FROM person p "
                    + "LEFT JOIN (SELECT l.guardian_sourced_id AS gid, "
                    + "SUM(CASE WHEN l.active = TRUE AND s.active = TRUE THEN 1 ELSE 0 END) AS live, "
                    + "SUM(CASE WHEN l.active = TRUE AND s.active = TRUE AND (l.guardian_role <> 'relative' OR ?) THEN 1 ELSE 0 END) AS eligible, "
                    + "SUM(CASE WHEN s.active = TRUE THEN 1 ELSE 0 END) AS on_roll "
                    + "FROM guardian_link l LEFT JOIN person s ON s.tenant_id = l.tenant_id AND s.sourced_id = l.student_sourced_id "
                    + "WHERE l.tenant_id = ?" + personFilter + " GROUP BY l.guardian_sourced_id) g ON g.gid = p.sourced_id "
                    + "LEFT JOIN parent_account a ON a.tenant_id = p.tenant_id AND a.person_sourced_id = p.sourced_id "
                    + "LEFT JOIN access_restriction r ON r.tenant_id = p.tenant_id AND r.person_sourced_id = p.sourced_id "
                    + "AND r.lifted_at IS NULL AND (r.no_login = TRUE OR r.no_data = TRUE) "
                    + "WHERE p.tenant_id = ? AND p.is_student = FALSE AND (g.gid IS NOT NULL OR a.person_sourced_id IS NOT NULL)"
                    + (person.isPresent() ? " AND p.sourced_id = ?" : "");
            List<Object> params = new ArrayList<>(List.of(relatives, tenant.value()));
            person.ifPresent(params::add);
            params.add(tenant.value());
            person.ifPresent(params::add);
            // A whole-tenant run reads every link and adult of the tenant, usually right after an import has loaded
            // them, before autovacuum has analysed the tables: with the stale statistics PostgreSQL estimates a row or
            // two and plans nested loops, which rescan the links' aggregate once per adult (quadratic: 17-90 s for
            // 8,000 adults). Hash or merge joins are right for a whole tenant whatever the statistics say, so nested
            // loops are switched off for this one query (transaction-local, restored afterwards). One adult's run keeps
            // its index look-ups.
            try (PlannerSettings noNestedLoops = PlannerSettings.override(connection,
                    person.isEmpty() ? Map.of("enable_nestloop", "off") : Map.of());
                 PreparedStatement select = Sql.prepare(connection, sql, params)) {
                select.setFetchSize(5000);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        examined++;
                        ListKeys keys = new ListKeys(rs.getString(12), rs.getString(13));
                        decide(rs, newestHolder, keys).ifPresent(changes::add);
                        if (rs.getString(7) != null && !keys.equals(new ListKeys(rs.getString(14), rs.getString(15)))) {
                            renamed.add(new Renamed(rs.getString(1), keys));
                        }
                    }
                }
            }
            write(connection, tenant, changes, now);
            Sql.batch(connection, "UPDATE parent_account SET family_key = ?, given_key = ? WHERE tenant_id = ? AND person_sourced_id = ?",
                    renamed.stream().map(r -> List.of(r.keys().family(), r.keys().given(), tenant.value(), r.person())).toList());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not recompute parent accounts", e);
        }
        List<AuditEntry> entries = new ArrayList<>();
        int stateChanges = 0;
        for (Change change : changes) {
            if (change.from().isEmpty() || change.from().get() != change.to()) {
                stateChanges++;
                entries.add(transition(now, "reasons-engine", change.person(), change.from(), change.to(),
                        change.reasons().isEmpty() ? "eligible" : describe(change.reasons()), cause));
            }
        }
        audit.recordAll(tenant, entries);
        long millis = (System.nanoTime() - started) / 1_000_000;
        LOG.log(Level.INFO, "Access recomputed for tenant {0} ({1}): {2} adults examined, {3} changed, {4} state changes in {5} ms",
                new Object[] {tenant, cause, examined, changes.size(), stateChanges, millis});
        return new Outcome(examined, changes.size(), stateChanges, millis);
    }

    private static Optional<Change> decide(ResultSet rs, Map<String, String> newestHolder, ListKeys keys) throws SQLException {
        String person = rs.getString(1);
        Optional<AccountState> current = Optional.ofNullable(rs.getString(7)).map(AccountState::valueOf);
        String username = rs.getString(9);
        boolean replaced = username != null && current.map(AccountState::holdsUsername).orElse(false)
                && newestHolder.containsKey(username) && !newestHolder.get(username).equals(person);
        Object enabled = rs.getObject(3);
        Lifecycle.Facts facts = new Lifecycle.Facts(rs.getBoolean(2), enabled == null || rs.getBoolean(3),
                rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getString(11) != null, replaced);
        Set<RevokeReason> reasons = Lifecycle.reasons(facts);
        Optional<AccountState> next = Lifecycle.next(current, reasons, rs.getTimestamp(10) != null);
        if (next.isEmpty()) {
            return Optional.empty();
        }
        boolean same = current.isPresent() && current.get() == next.get()
                && RevokeReason.join(reasons).equals(rs.getString(8) == null ? "" : rs.getString(8));
        return same ? Optional.empty() : Optional.of(new Change(person, current, next.get(), reasons, keys));
    }

    /** Per username, the person holding the most recently provisioned live account. */
    private static Map<String, String> newestHolders(Connection connection, TenantId tenant) throws SQLException {
        Map<String, String> newest = new HashMap<>();
        Map<String, Timestamp> when = new HashMap<>();
        try (PreparedStatement select = Sql.prepare(connection, "SELECT username, person_sourced_id, provisioned_at "
                + "FROM parent_account WHERE tenant_id = ? AND username IS NOT NULL "
                + "AND state IN ('INVITED', 'ACTIVE', 'SUSPENDED', 'READY_TO_REVOKE')", List.of(tenant.value()))) {
            select.setFetchSize(5000);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Timestamp at = rs.getTimestamp(3);
                    Timestamp seen = when.get(rs.getString(1));
                    if (seen == null || (at != null && at.after(seen))) {
                        newest.put(rs.getString(1), rs.getString(2));
                        when.put(rs.getString(1), at == null ? new Timestamp(0) : at);
                    }
                }
            }
        }
        return newest;
    }

    private static void write(Connection connection, TenantId tenant, List<Change> changes, Instant now) throws SQLException {
        Timestamp at = Timestamp.from(now);
        try (PreparedStatement moved = connection.prepareStatement("UPDATE parent_account SET state = ?, reasons = ?, "
                     + "state_changed_at = ? WHERE tenant_id = ? AND person_sourced_id = ?");
             PreparedStatement restated = connection.prepareStatement("UPDATE parent_account SET reasons = ? "
                     + "WHERE tenant_id = ? AND person_sourced_id = ?");
             PreparedStatement lockOut = connection.prepareStatement("UPDATE parent_account SET activation_hash = NULL, "
                     + "activation_expires_at = NULL WHERE tenant_id = ? AND person_sourced_id = ?");
             PreparedStatement endSessions = connection.prepareStatement("DELETE FROM parent_session "
                     + "WHERE tenant_id = ? AND person_sourced_id = ?")) {
            int[] pending = new int[5];
            List<String[]> fresh = new ArrayList<>();
            for (Change change : changes) {
                String reasons = RevokeReason.join(change.reasons());
                if (change.from().isEmpty()) {
                    fresh.add(new String[] {change.person(), change.to().name(), reasons, change.keys().family(), change.keys().given()});
                    if (fresh.size() == INSERT_CHUNK) {
                        insertAll(connection, tenant, fresh, at);
                        fresh.clear();
                    }
                } else if (change.from().get() != change.to()) {
                    bind(moved, change.to().name(), reasons, at, tenant.value(), change.person());
                    flush(moved, pending, 1);
                    if (change.to() == AccountState.SUSPENDED) {
                        bind(lockOut, tenant.value(), change.person());
                        flush(lockOut, pending, 3);
                        bind(endSessions, tenant.value(), change.person());
                        flush(endSessions, pending, 4);
                    }
                } else {
                    bind(restated, reasons, tenant.value(), change.person());
                    flush(restated, pending, 2);
                }
            }
            insertAll(connection, tenant, fresh, at);
            PreparedStatement[] all = {null, moved, restated, lockOut, endSessions};
            for (int i = 1; i < all.length; i++) {
                if (pending[i] > 0) {
                    all[i].executeBatch();
                }
            }
        }
    }

    /**
     * New accounts, many rows per statement (arrays unnested by PostgreSQL): after a first import nearly every adult
     * gets a row, and one INSERT per row was most of the run's time.
     */
    private static void insertAll(Connection connection, TenantId tenant, List<String[]> rows, Timestamp at) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        String[][] columns = new String[INSERTED_COLUMNS][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int c = 0; c < INSERTED_COLUMNS; c++) {
                columns[c][i] = rows.get(i)[c];
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO parent_account (tenant_id, person_sourced_id, "
                + "state, reasons, family_key, given_key, state_changed_at, created_at) "
                + "SELECT ?, t.person, t.state, t.reasons, t.family_key, t.given_key, ?, ? "
                + "FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[]) "
                + "AS t(person, state, reasons, family_key, given_key)")) {
            insert.setString(1, tenant.value());
            insert.setTimestamp(2, at);
            insert.setTimestamp(3, at);
            for (int c = 0; c < INSERTED_COLUMNS; c++) {
                insert.setArray(4 + c, connection.createArrayOf("varchar", columns[c]));
            }
            insert.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
        statement.addBatch();
    }

    private static void flush(PreparedStatement statement, int[] pending, int which) throws SQLException {
        if (++pending[which] == BATCH) {
            statement.executeBatch();
            pending[which] = 0;
        }
    }

    static String describe(Set<RevokeReason> reasons) {
        return reasons.stream().map(RevokeReason::text).reduce((a, b) -> a + " " + b).orElse("");
    }

    /** The audit entry of one state change: actor, time, from/to, reason and source. */
    static AuditEntry transition(Instant at, String actor, String person, Optional<AccountState> from, AccountState to,
                                 String reason, String source) {
        return new AuditEntry(at, actor, to.auditAction(), person,
                "from " + from.map(Enum::name).orElse(AccountState.NOT_ELIGIBLE.name()) + " to " + to.name()
                        + "; reason: " + reason + "; source: " + source);
    }
}
