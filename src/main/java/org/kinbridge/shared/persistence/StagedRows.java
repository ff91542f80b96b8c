package org.kinbridge.shared.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * Rows for one set-based statement on PostgreSQL: they are COPYed into a temporary table with some of a real
 * table's columns, and one {@code UPDATE ... FROM} joins them. A delta import changes a few thousand stored rows;
 * one statement each costs PostgreSQL its per-statement work a few thousand times over. The temporary table is
 * made at the first row, dropped on {@link #close()} (at commit at the latest), and lives in the caller's
 * transaction like everything else. Other databases get an empty Optional and keep their batches.
 */
public final class StagedRows implements AutoCloseable {

    private final Connection connection;
    private final String name;
    private final String createSql;
    private final BulkRows rows;
    private int staged;

    private StagedRows(Connection connection, String name, String table, String columns, BulkRows rows) {
        this.connection = connection;
        this.name = name;
        // Same names and types as the target's columns, none of its constraints or indexes.
        this.createSql = "CREATE TEMPORARY TABLE " + name + " ON COMMIT DROP AS SELECT " + columns + " FROM " + table
                + " WITH NO DATA";
        this.rows = rows;
    }

    /**
     * Staging for {@code table}'s {@code columns} under the temporary name {@code name}, when the connection is
     * PostgreSQL's. Names and columns are our constants, never input.
     */
    public static Optional<StagedRows> open(Connection connection, String name, String table, String columns) {
        return BulkRows.open(connection, name, columns).map(rows -> new StagedRows(connection, name, table, columns, rows));
    }

    /** One row, values in column order (as {@link BulkRows#add} takes them). */
    public void add(Object... values) {
        if (staged == 0) {
            create(); // before the first row can be sent
        }
        rows.add(values);
        staged++;
    }

    /**
     * Runs the statement that reads the staged rows (by the temporary table's name), binding {@code parameters} in
     * order; nothing runs when no row was staged.
     *
     * @return the rows the statement changed
     */
    public int apply(String sql, Object... parameters) {
        if (staged == 0) {
            return 0;
        }
        rows.pause();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not apply the staged rows of " + name, e);
        }
    }

    private void create() {
        try (Statement create = connection.createStatement()) {
            create.execute(createSql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not stage rows in " + name, e);
        }
    }

    /** Drops the temporary table, so the same transaction can stage under this name again. */
    @Override
    public void close() {
        if (staged == 0) {
            return;
        }
        rows.pause();
        try (Statement drop = connection.createStatement()) {
            drop.execute("DROP TABLE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop the staged rows of " + name, e);
        }
    }
}
