package org.kinbridge.family;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.kinbridge.shared.TenantId;
import org.kinbridge.shared.persistence.BulkRows;
import org.kinbridge.shared.persistence.DatasourceDefinition;
import org.kinbridge.shared.persistence.PostgreSql;
import org.kinbridge.shared.persistence.IdChunks;
import org.kinbridge.shared.persistence.StagedRows;

/**
 * People of a tenant as the roster last described them. Written in JDBC batches inside the import's
 * single transaction: a district's worth of rows would swamp a persistence context.
 */
@ApplicationScoped
public class PeopleStore {

    private static final String COLUMNS = "active, enabled_user, roles, primary_role, given_name, family_name, username, "
            + "email, identifier, agent_sourced_ids, org_sourced_ids, fingerprint, last_import_id, updated_at, "
            + "family_key, given_key, username_key, is_student";
    private static final String INSERT = "INSERT INTO person (" + COLUMNS + ", tenant_id, sourced_id) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE = "UPDATE person SET active = ?, enabled_user = ?, roles = ?, primary_role = ?, "
            + "given_name = ?, family_name = ?, username = ?, email = ?, identifier = ?, agent_sourced_ids = ?, "
            + "org_sourced_ids = ?, fingerprint = ?, last_import_id = ?, updated_at = ?, family_key = ?, given_key = ?, "
            + "username_key = ?, is_student = ? WHERE tenant_id = ? AND sourced_id = ?";
    /** Every column from the rows staged in {@code person_change} (PostgreSQL), matched by key. */
    private static final String UPDATE_FROM_STAGED = "UPDATE person p SET "
            + Arrays.stream(COLUMNS.split(", ")).map(column -> column + " = s." + column).collect(Collectors.joining(", "))
            + " FROM person_change s WHERE p.tenant_id = s.tenant_id AND p.sourced_id = s.sourced_id";
    private static final int BATCH = 1000;

    /** Parents created by a sync-key CSV import carry this prefix; the OneRoster roster does not own them. */
    public static final String SYNC_KEY_PREFIX = "sync:";
    private static final String ROSTER_OWNED = " AND sourced_id NOT LIKE 'sync:%'";

    @Resource(lookup = DatasourceDefinition.JNDI_NAME)
    private DataSource dataSource;

    /** What the roster stored, per sourcedId: enough to tell new, changed and unchanged rows apart. */
    @Transactional
    public Map<String, Stored> stored(TenantId tenant) {
        Map<String, Stored> stored = new HashMap<>();
        query(tenant, "SELECT sourced_id, fingerprint, active FROM person WHERE tenant_id = ?" + ROSTER_OWNED,
                rs -> stored.put(rs.getString(1), new Stored(rs.getString(2), rs.getBoolean(3))));
        return stored;
    }

    /** The stored roster people with these ids (a delta's people and their neighbours), by sourcedId. */
    @Transactional
    public Map<String, StoredPerson> find(TenantId tenant, Collection<String> sourcedIds) {
        Map<String, StoredPerson> found = new HashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            IdChunks.query(connection, "SELECT sourced_id, " + COLUMNS + " FROM person WHERE tenant_id = ?" + ROSTER_OWNED
                    + " AND sourced_id IN (" + IdChunks.IDS + ")", tenant.value(), sourcedIds,
                    rs -> found.put(rs.getString(1), new StoredPerson(read(rs), rs.getString(13))));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read people", e);
        }
        return found;
    }

    /** Stored relationships.csv pairs with at least one end among these ids. */
    @Transactional
    public List<Relationship> relationshipsAround(TenantId tenant, Collection<String> sourcedIds) {
        List<Relationship> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            IdChunks.query(connection, "SELECT user_sourced_id, related_sourced_id, relationship_role FROM roster_relationship "
                    + "WHERE tenant_id = ? AND (user_sourced_id IN (" + IdChunks.IDS + ") OR related_sourced_id IN ("
                    + IdChunks.IDS + "))", tenant.value(), sourcedIds,
                    rs -> found.add(new Relationship(rs.getString(1), rs.getString(2), rs.getString(3))));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read relationships", e);
        }
        return found.stream().distinct().toList();
    }

    /**
     * Refreshes PostgreSQL's statistics of the roster tables. Right after a district's first import
     * they still describe empty tables, and the planner then walks a few hundred thousand rows one
     * index probe at a time; autovacuum would notice only within the next minute.
     */
    @Transactional
    public void refreshPlannerStatistics() {
        try (Connection connection = dataSource.getConnection()) {
            if (PostgreSql.is(connection)) {
                try (java.sql.Statement analyze = connection.createStatement()) {
                    analyze.execute("ANALYZE person, guardian_link");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not refresh the roster tables' statistics", e);
        }
    }

    /** Replaces the tenant's relationships.csv pairs with these. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replaceRelationships(TenantId tenant, List<Relationship> relationships) {
        replaceRelationships(tenant, null, relationships);
    }

    /** Replaces the stored pairs with an end among {@code sourcedIds} (a delta's people) with these. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replaceRelationshipsAround(TenantId tenant, Collection<String> sourcedIds, List<Relationship> relationships) {
        replaceRelationships(tenant, sourcedIds, relationships);
    }

    private void replaceRelationships(TenantId tenant, Collection<String> around, List<Relationship> relationships) {
        try (Connection connection = dataSource.getConnection()) {
            if (around == null) {
                try (PreparedStatement delete = connection.prepareStatement("DELETE FROM roster_relationship WHERE tenant_id = ?")) {
                    delete.setString(1, tenant.value());
                    delete.executeUpdate();
                }
            } else {
                IdChunks.update(connection, "DELETE FROM roster_relationship WHERE tenant_id = ? AND (user_sourced_id IN ("
                        + IdChunks.IDS + ") OR related_sourced_id IN (" + IdChunks.IDS + "))", tenant.value(), around);
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO roster_relationship "
                    + "(tenant_id, user_sourced_id, related_sourced_id, relationship_role) VALUES (?, ?, ?, ?)")) {
                int pending = 0;
                for (Relationship relationship : relationships) {
                    insert.setString(1, tenant.value());
                    insert.setString(2, relationship.userSourcedId());
                    insert.setString(3, relationship.relatedSourcedId());
                    insert.setString(4, relationship.role());
                    insert.addBatch();
                    if (++pending % BATCH == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store relationships", e);
        }
    }

    /** A batch writer for one import; use inside the import's transaction and close it before commit. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Writer writer(TenantId tenant, String importId, Instant now) {
        try {
            return new Writer(dataSource.getConnection(), tenant, importId, now);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not open a database connection", e);
        }
    }

    private void query(TenantId tenant, String sql, RowHandler handler) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(5000);
            statement.setString(1, tenant.value());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    handler.handle(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read people", e);
        }
    }

    private static RosterPerson read(ResultSet rs) throws SQLException {
        boolean enabledNull = rs.getObject(3) == null;
        return new RosterPerson(rs.getString(1), rs.getBoolean(2),
                enabledNull ? Optional.empty() : Optional.of(rs.getBoolean(3)), split(rs.getString(4)),
                Optional.ofNullable(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getString(9), rs.getString(10), split(rs.getString(11)), split(rs.getString(12)));
    }

    static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    /** A stored row's fingerprint and whether the person is still on the roster. */
    public record Stored(String fingerprint, boolean active) {
    }

    /**
     * A stored person with the fingerprint of the row they were written from: fields longer than a column are stored
     * clipped, so a fingerprint recomputed from the stored values would differ and an unchanged row be rewritten.
     */
    public record StoredPerson(RosterPerson person, String fingerprint) {
    }

    @FunctionalInterface
    private interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }

    /** Inserts and updates people in batches; closing flushes. */
    public static final class Writer implements AutoCloseable {

        private final Connection connection;
        private final PreparedStatement insert;
        private final PreparedStatement update;
        private final TenantId tenant;
        private final String importId;
        private final Timestamp now;
        private int pendingInserts;
        private int pendingUpdates;
        private PreparedStatement end;
        private int pendingEnds;

        private final Optional<BulkRows> copy;

        private Writer(Connection connection, TenantId tenant, String importId, Instant now) throws SQLException {
            this.connection = connection;
            this.copy = BulkRows.open(connection, "person", COLUMNS + ", tenant_id, sourced_id");
            this.insert = connection.prepareStatement(INSERT);
            this.update = connection.prepareStatement(UPDATE);
            this.tenant = tenant;
            this.importId = importId;
            this.now = Timestamp.from(now);
        }

        public void insert(RosterPerson person) {
            if (copy.isPresent()) {
                copy.get().add(valuesOf(person));
                return;
            }
            bindAndAdd(insert, person);
            if (++pendingInserts == BATCH) {
                flush(insert);
                pendingInserts = 0;
            }
        }

        /** Statements cannot run while the connection is in COPY: end it before a batch goes out. */
        private void flushBatch(PreparedStatement statement) {
            copy.ifPresent(BulkRows::pause);
            flush(statement);
        }

        /** The person is no longer in the roster: inactive, and changed for the next comparison. */
        public void end(String sourcedId) {
            try {
                if (end == null) {
                    end = connection.prepareStatement("UPDATE person SET active = FALSE, fingerprint = 'ended', "
                            + "last_import_id = ?, updated_at = ? WHERE tenant_id = ? AND sourced_id = ?");
                }
                end.setString(1, importId);
                end.setTimestamp(2, now);
                end.setString(3, tenant.value());
                end.setString(4, sourcedId);
                end.addBatch();
                if (++pendingEnds == BATCH) {
                    flushBatch(end);
                    pendingEnds = 0;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not end a person", e);
            }
        }

        public void update(RosterPerson person) {
            bindAndAdd(update, person);
            if (++pendingUpdates == BATCH) {
                flushBatch(update);
                pendingUpdates = 0;
            }
        }

        /**
         * Updates these changed people at once (a delta's, already in memory): on PostgreSQL they are staged and
         * one UPDATE writes them all; elsewhere as {@link #update} does.
         */
        public void updateAll(Collection<RosterPerson> people) {
            copy.ifPresent(BulkRows::pause);
            Optional<StagedRows> staging = StagedRows.open(connection, "person_change", "person",
                    COLUMNS + ", tenant_id, sourced_id");
            if (staging.isEmpty()) {
                people.forEach(this::update);
                return;
            }
            try (StagedRows changes = staging.get()) {
                people.forEach(person -> changes.add(valuesOf(person)));
                changes.apply(UPDATE_FROM_STAGED);
            }
        }

        private void bindAndAdd(PreparedStatement statement, RosterPerson person) {
            try {
                Object[] values = valuesOf(person);
                for (int i = 0; i < values.length; i++) {
                    if (values[i] == null) {
                        statement.setNull(i + 1, i == 1 ? Types.BOOLEAN : Types.VARCHAR);
                    } else {
                        statement.setObject(i + 1, values[i]);
                    }
                }
                statement.addBatch();
            } catch (SQLException e) {
                throw new IllegalStateException("Could not write a person", e);
            }
        }

        /** The row in the column order of {@link #COLUMNS}, then tenant and sourcedId (as INSERT, UPDATE and COPY list them). */
        private Object[] valuesOf(RosterPerson person) {
            return new Object[] {person.active(), person.enabledUser().orElse(null), String.join(",", person.roles()),
                person.primaryRole().orElse(null), clip(person.givenName()), clip(person.familyName()),
                clip(person.username()), clip(person.email()), clip(person.identifier()),
                clipTo(String.join(",", person.agentSourcedIds()), 4000), clipTo(String.join(",", person.orgSourcedIds()), 2000),
                person.fingerprint(), importId, now, lower(clip(person.familyName())), lower(clip(person.givenName())),
                lower(clip(person.username())), person.roles().contains("student"), tenant.value(), person.sourcedId()};
        }

        private static String lower(String value) {
            return value == null ? null : value.toLowerCase(java.util.Locale.ROOT);
        }

        private static String clip(String value) {
            return value == null ? null : clipTo(value, 255);
        }

        private static String clipTo(String value, int max) {
            return value.length() <= max ? value : value.substring(0, max);
        }

        private static void flush(PreparedStatement statement) {
            try {
                statement.executeBatch();
            } catch (SQLException e) {
                throw new IllegalStateException("Could not write people", e);
            }
        }

        @Override
        public void close() {
            try (connection; insert; update) {
                copy.ifPresent(BulkRows::close);
                if (pendingInserts > 0) {
                    flush(insert);
                }
                if (pendingUpdates > 0) {
                    flushBatch(update);
                }
                if (end != null) {
                    if (pendingEnds > 0) {
                        flushBatch(end);
                    }
                    end.close();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not write people", e);
            }
        }
    }
}
