package org.kinbridge.shared.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Runs a tenant-scoped statement for a set of ids, a few hundred at a time in {@code IN} lists: a
 * delta import looks up the handful of people it names among hundreds of thousands. The statement's
 * first parameter is the tenant; each {@code IN (}{@value #IDS}{@code )} becomes one array parameter on
 * PostgreSQL, elsewhere one list of placeholders per chunk, bound to the same ids.
 */
public final class IdChunks {

    public static final String IDS = "{ids}";
    private static final int CHUNK = 500;

    private IdChunks() {
    }

    /** Reads one row of a result. */
    @FunctionalInterface
    public interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }

    public static void query(Connection connection, String sql, String tenant, Collection<String> ids, RowHandler rows)
            throws SQLException {
        try (PlannerSettings probes = probesFor(connection, ids)) {
            for (List<String> chunk : chunks(connection, ids)) {
                try (PreparedStatement statement = prepare(connection, sql, tenant, chunk);
                     ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        rows.handle(rs);
                    }
                }
            }
        }
    }

    /** @return the rows changed */
    public static int update(Connection connection, String sql, String tenant, Collection<String> ids) throws SQLException {
        int changed = 0;
        try (PlannerSettings probes = probesFor(connection, ids)) {
            for (List<String> chunk : chunks(connection, ids)) {
                try (PreparedStatement statement = prepare(connection, sql, tenant, chunk)) {
                    changed += statement.executeUpdate();
                }
            }
        }
        return changed;
    }

    /**
     * Writes one {@code (tenant_id, sourced_id)} row per id into {@code table} (a constant of the caller's): on
     * PostgreSQL in one statement over an array, elsewhere in batches.
     */
    public static void insert(Connection connection, String table, String tenant, Collection<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        if (PostgreSql.is(connection)) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + table + " (tenant_id, sourced_id) SELECT ?, unnest(?)")) {
                insert.setString(1, tenant);
                insert.setArray(2, connection.createArrayOf("varchar", ids.toArray()));
                insert.executeUpdate();
            }
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " (tenant_id, sourced_id) VALUES (?, ?)")) {
            JdbcBatch.run(insert, new ArrayList<>(ids), id -> {
                insert.setString(1, tenant);
                insert.setString(2, id);
            });
        }
    }

    /**
     * Ids are looked up by index probes in tables a district keeps in memory, but PostgreSQL's default costs take
     * a random page read for four sequential ones: on 150,000 students it read the whole tenant's people (135-155 ms)
     * rather than probe 8,500 ids (50 ms), and every link (60-90 ms) rather than probe 4,000 (15 ms). For these
     * statements a random read is costed as one from memory; the planner still chooses, and a scan still wins where
     * the ids are a large share of the table. JIT never pays for a look-up this size.
     */
    private static PlannerSettings probesFor(Connection connection, Collection<String> ids) throws SQLException {
        return PlannerSettings.override(connection, ids.isEmpty() ? Map.of() : Map.of("random_page_cost", "1.1", "jit", "off"));
    }

    private static PreparedStatement prepare(Connection connection, String sql, String tenant, List<String> ids)
            throws SQLException {
        int lists = (sql.length() - sql.replace(IDS, "").length()) / IDS.length();
        if (PostgreSql.is(connection)) {
            // One array parameter per list: one statement, one plan, whatever the number of ids.
            PreparedStatement statement = connection.prepareStatement(sql.replace("IN (" + IDS + ")", "= ANY (?)"));
            statement.setString(1, tenant);
            java.sql.Array array = connection.createArrayOf("varchar", ids.toArray());
            for (int list = 0; list < lists; list++) {
                statement.setArray(2 + list, array);
            }
            return statement;
        }
        String placeholders = String.join(", ", Collections.nCopies(ids.size(), "?"));
        PreparedStatement statement = connection.prepareStatement(sql.replace(IDS, placeholders));
        int index = 1;
        statement.setString(index++, tenant);
        for (int list = 0; list < lists; list++) {
            for (String id : ids) {
                statement.setString(index++, id);
            }
        }
        return statement;
    }

    private static List<List<String>> chunks(Connection connection, Collection<String> ids) throws SQLException {
        List<String> all = new ArrayList<>(ids);
        if (all.isEmpty()) {
            return List.of();
        }
        if (PostgreSql.is(connection)) {
            return List.of(all);
        }
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
        return chunks;
    }
}
