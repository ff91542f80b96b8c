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
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.kinbridge.family.FamilyDirectory.Filter;
import org.kinbridge.shared.TenantId;
import org.kinbridge.shared.persistence.DatasourceDefinition;
import org.kinbridge.shared.persistence.IdChunks;
import org.kinbridge.shared.persistence.PlannerSettings;

/**
 * Keeps the members of the Families panel's link-based filters in {@code family_filter}, with their list keys, so
 * {@link FamilyDirectory} pages a filter from one index range instead of joining the tenant's people and links. A
 * person's membership depends on their own row (student, on the roster, email, name keys) and their active links:
 * every writer of those has the people it touched (both ends of each link it changed) refreshed. Manual changes and
 * sync-key imports refresh inside their own transaction. Imports leave it until they have committed, off the
 * importing thread ({@link FamilyFilterRebuilds}): a bulk import rewrites the whole roster and marks the tenant stale
 * (every member is rebuilt); a delta import records the people it touched in {@code family_filter_pending}. Either way
 * a reader that comes first brings the filters up to date itself ({@link #catchUp}), so nobody reads a filter that
 * misses a committed change. The tenant's {@code family_filter_state} row is locked by every refresh, so refreshes of
 * one tenant never overlap.
 */
@ApplicationScoped
public class FamilyFilters {

    private static final Logger LOG = Logger.getLogger(FamilyFilters.class.getName());

    /** The filters kept here, in the order of their letters in a person's code (see {@link #code}). */
    private static final List<Filter> KEPT = List.of(Filter.NO_PARENTS, Filter.PARENTS_WITHOUT_EMAIL, Filter.RELATIVES);
    private static final Map<Filter, String> LETTERS = Map.of(Filter.NO_PARENTS, "N", Filter.PARENTS_WITHOUT_EMAIL, "P",
            Filter.RELATIVES, "R");

    private static final String INSERT = "INSERT INTO family_filter (tenant_id, sourced_id, filter, family_key, given_key, "
            + "username_key) SELECT x.tenant_id, x.sourced_id, f.filter, x.family_key, x.given_key, x.username_key FROM (";
    private static final String BY_CODE = codes();
    private static final String ACTIVE_LINK = "SELECT 1 FROM guardian_link l WHERE l.tenant_id = p.tenant_id AND l.active = TRUE AND ";

    @Resource(lookup = DatasourceDefinition.JNDI_NAME)
    private DataSource dataSource;

    @Inject
    private Event<FamilyFilterRebuilds.Due> rebuildDue;

    public FamilyFilters() {
        // for CDI, which injects the datasource
    }

    /** On a datasource of a test's own. */
    FamilyFilters(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Whether {@code filter} is kept here rather than read from person. */
    static boolean keeps(Filter filter) {
        return KEPT.contains(filter);
    }

    /** Every member of the tenant's filters is to be recomputed once this transaction (a bulk import) has committed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refreshAll(TenantId tenant) {
        markStale(tenant);
        rebuildDue.fire(new FamilyFilterRebuilds.Due(tenant));
    }

    /** The marking alone: readers and the rebuild take it from here. */
    void markStale(TenantId tenant) {
        try (Connection connection = dataSource.getConnection()) {
            lockState(connection, tenant);
            update(connection, "UPDATE family_filter_state SET stale = TRUE WHERE tenant_id = ?", tenant);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not mark the family filters stale", e);
        }
    }

    /** The recording alone: readers and the refresh after commit take it from here. */
    void markPending(TenantId tenant, Collection<String> people) {
        try (Connection connection = dataSource.getConnection()) {
            if (lockState(connection, tenant).stale()) {
                return; // a rebuild of everyone is due anyway
            }
            update(connection, "UPDATE family_filter_state SET pending = TRUE WHERE tenant_id = ?", tenant);
            IdChunks.insert(connection, "family_filter_pending", tenant.value(), people);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record the family filters' pending refresh", e);
        }
    }

    /** Whether the tenant's members wait for an import's refresh: a reader calls {@link #catchUp} first. */
    @Transactional
    public boolean behind(TenantId tenant) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT stale, pending FROM family_filter_state WHERE tenant_id = ?")) {
            select.setString(1, tenant.value());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() && (rs.getBoolean(1) || rs.getBoolean(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the family filters' state", e);
        }
    }

    /**
     * Brings the tenant's members up to date in a transaction of its own: rebuilt whole after a bulk import, or the
     * people delta imports recorded refreshed; does nothing if another node or thread did it first.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void catchUp(TenantId tenant) {
        try (Connection connection = dataSource.getConnection()) {
            State state = lockState(connection, tenant);
            if (state.stale()) {
                rebuild(connection, tenant);
            } else if (state.pending()) {
                Set<String> pending = new LinkedHashSet<>();
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT DISTINCT sourced_id FROM family_filter_pending WHERE tenant_id = ?")) {
                    select.setString(1, tenant.value());
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            pending.add(rs.getString(1));
                        }
                    }
                }
                refresh(connection, tenant, pending);
            } else {
                return;
            }
            update(connection, "DELETE FROM family_filter_pending WHERE tenant_id = ?", tenant);
            update(connection, "UPDATE family_filter_state SET stale = FALSE, pending = FALSE WHERE tenant_id = ?", tenant);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not bring the family filters up to date", e);
        }
    }

    /**
     * Recomputes every member of the tenant's filters in one pass over its people and links. Hash joins whatever the
     * statistics say: the rows were written moments ago and nothing has analysed them yet.
     */
    private static void rebuild(Connection connection, TenantId tenant) throws SQLException {
        long started = System.nanoTime();
        String select = "SELECT p.tenant_id, p.sourced_id, p.family_key, p.given_key, p.username_key, "
                + code("s.student IS NOT NULL", "g.guardian IS NOT NULL", "g.relative = 1") + " AS code FROM person p "
                + "LEFT JOIN (SELECT DISTINCT l.student_sourced_id AS student FROM guardian_link l "
                + "WHERE l.tenant_id = ? AND l.active = TRUE) s ON s.student = p.sourced_id "
                + "LEFT JOIN (SELECT l.guardian_sourced_id AS guardian, MAX(CASE WHEN l.guardian_role = 'relative' THEN 1 ELSE 0 END) "
                + "AS relative FROM guardian_link l WHERE l.tenant_id = ? AND l.active = TRUE GROUP BY l.guardian_sourced_id) g "
                + "ON g.guardian = p.sourced_id WHERE p.tenant_id = ?";
        int members;
        try (PlannerSettings hashJoins = PlannerSettings.override(connection, Map.of("enable_nestloop", "off",
                "work_mem", "64MB", "max_parallel_workers_per_gather", "0", "jit", "off"))) {
            update(connection, "DELETE FROM family_filter WHERE tenant_id = ?", tenant);
            try (PreparedStatement insert = connection.prepareStatement(INSERT + select + ") x " + BY_CODE)) {
                for (int i = 1; i <= 3; i++) {
                    insert.setString(i, tenant.value());
                }
                members = insert.executeUpdate();
            }
        }
        LOG.log(Level.INFO, "Family filters of tenant {0} rebuilt in {1} ms: {2} members",
                new Object[] {tenant, (System.nanoTime() - started) / 1_000_000, members});
    }

    /** Recomputes the filters these people belong to, after a change to them or to links they are an end of. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refreshAround(TenantId tenant, Collection<String> people) {
        if (people.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            if (lockState(connection, tenant).stale()) {
                return; // the rebuild after the bulk import recomputes everyone, after this transaction
            }
            refresh(connection, tenant, people);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not refresh the family filters", e);
        }
    }

    private static void refresh(Connection connection, TenantId tenant, Collection<String> people) throws SQLException {
        String select = "SELECT p.tenant_id, p.sourced_id, p.family_key, p.given_key, p.username_key, "
                + code("EXISTS (" + ACTIVE_LINK + "l.student_sourced_id = p.sourced_id)",
                        "EXISTS (" + ACTIVE_LINK + "l.guardian_sourced_id = p.sourced_id)",
                        "EXISTS (" + ACTIVE_LINK + "l.guardian_sourced_id = p.sourced_id AND l.guardian_role = 'relative')")
                + " AS code FROM person p WHERE p.tenant_id = ? AND p.sourced_id IN (" + IdChunks.IDS + ")";
        IdChunks.update(connection, "DELETE FROM family_filter WHERE tenant_id = ? AND sourced_id IN (" + IdChunks.IDS + ")",
                tenant.value(), people);
        IdChunks.update(connection, INSERT + select + ") x " + BY_CODE, tenant.value(), people);
    }

    /**
     * Has these people and both ends of every link the plan changed refreshed once this transaction (a delta import)
     * has committed: only their ids are written here; readers catch up if they come before the refresh.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refreshAfterCommit(TenantId tenant, Collection<String> people, LinkPlan links) {
        Set<String> touched = new LinkedHashSet<>(people);
        touched.addAll(links.peopleTouched());
        if (!touched.isEmpty()) {
            markPending(tenant, touched);
        }
        rebuildDue.fire(new FamilyFilterRebuilds.Due(tenant));
    }

    /**
     * Locks the tenant's state row until the end of the transaction (creating it on the tenant's first refresh) and
     * reads it: a refresh waits here for any other refresh of the tenant to commit.
     */
    private static State lockState(Connection connection, TenantId tenant) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT stale, pending FROM family_filter_state WHERE tenant_id = ? FOR UPDATE")) {
            select.setString(1, tenant.value());
            try (ResultSet rs = select.executeQuery()) {
                if (rs.next()) {
                    return new State(rs.getBoolean(1), rs.getBoolean(2));
                }
            }
        }
        update(connection, "INSERT INTO family_filter_state (tenant_id, stale, pending) VALUES (?, FALSE, FALSE)", tenant);
        return new State(false, false);
    }

    /** Whether every member is to be rebuilt (after a bulk import), and whether some people wait for a refresh (after deltas). */
    private record State(boolean stale, boolean pending) {
    }

    private static void update(Connection connection, String sql, TenantId tenant) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, tenant.value());
            statement.executeUpdate();
        }
    }

    /**
     * The filters person {@code p} belongs to, as a code of one letter each, given SQL conditions saying whether they
     * are the student of an active link, the adult of one, and the adult of one in the relative role. The rules:
     * students on the roster with no active link (NO_PARENTS); adults without email who are the adult of an active
     * link (PARENTS_WITHOUT_EMAIL); whoever is the adult of an active link in the relative role (RELATIVES).
     */
    private static String code(String linkedAsStudent, String linkedAsGuardian, String linkedAsRelative) {
        Map<Filter, String> rules = Map.of(
                Filter.NO_PARENTS, "p.is_student = TRUE AND p.active = TRUE AND NOT (" + linkedAsStudent + ")",
                Filter.PARENTS_WITHOUT_EMAIL, "p.is_student = FALSE AND p.email IS NULL AND " + linkedAsGuardian,
                Filter.RELATIVES, linkedAsRelative);
        return KEPT.stream().map(filter -> "CASE WHEN " + rules.get(filter) + " THEN '" + LETTERS.get(filter) + "' ELSE '' END")
                .collect(Collectors.joining(" || ", "(", ")"));
    }

    /**
     * Joins each person's code to one row per filter it names: an equi-join the database hashes, so the people and
     * links are read once for all three filters. Lists every code (each combination of letters, in filter order).
     */
    private static String codes() {
        List<String> rows = new ArrayList<>();
        for (int combination = 1; combination < 1 << KEPT.size(); combination++) {
            StringBuilder code = new StringBuilder();
            List<Filter> named = new ArrayList<>();
            for (int i = 0; i < KEPT.size(); i++) {
                if ((combination & 1 << i) != 0) {
                    code.append(LETTERS.get(KEPT.get(i)));
                    named.add(KEPT.get(i));
                }
            }
            named.forEach(filter -> rows.add("('" + code + "', '" + filter.name() + "')"));
        }
        return "JOIN (VALUES " + String.join(", ", rows) + ") f(code, filter) ON f.code = x.code";
    }
}
