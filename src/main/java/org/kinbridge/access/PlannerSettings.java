package org.kinbridge.access;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kinbridge.shared.persistence.PostgreSql;

/**
 * PostgreSQL planner settings changed for the queries of one step and restored when it closes, transaction-local
 * ({@code set_config(.., true)}). For queries whose right plan does not depend on the data: just after a roster
 * import the tables have not been analysed yet, PostgreSQL believes they hold a handful of rows and picks plans that
 * are quadratic or sort a whole tenant. Does nothing on other databases.
 */
final class PlannerSettings implements AutoCloseable {

    private final Connection connection;
    private final Map<String, String> previous;

    private PlannerSettings(Connection connection, Map<String, String> previous) {
        this.connection = connection;
        this.previous = previous;
    }

    /** Setting names are our constants, never input. */
    static PlannerSettings override(Connection connection, Map<String, String> settings) throws SQLException {
        Map<String, String> previous = new LinkedHashMap<>();
        if (!settings.isEmpty() && PostgreSql.is(connection)) {
            for (Map.Entry<String, String> setting : settings.entrySet()) {
                previous.put(setting.getKey(), Sql.list(connection, "SELECT current_setting(?)", List.of(setting.getKey()),
                        rs -> rs.getString(1)).get(0));
                set(connection, setting.getKey(), setting.getValue());
            }
        }
        return new PlannerSettings(connection, previous);
    }

    /**
     * Walk an index in the order a query asks for rather than sort: with stale statistics a tab of 50,000 accounts
     * looks like eight rows, and sorting eight rows looks cheaper than the index. The penalty that makes sorting
     * unattractive would also make the plan look expensive enough to JIT-compile, which costs 100-200 ms, so JIT is
     * off too.
     */
    static PlannerSettings preferIndexOrder(Connection connection) throws SQLException {
        return override(connection, Map.of("enable_sort", "off", "jit", "off"));
    }

    @Override
    public void close() throws SQLException {
        for (Map.Entry<String, String> setting : previous.entrySet()) {
            set(connection, setting.getKey(), setting.getValue());
        }
    }

    private static void set(Connection connection, String name, String value) throws SQLException {
        Sql.list(connection, "SELECT set_config(?, ?, true)", List.of(name, value), rs -> 1);
    }
}
