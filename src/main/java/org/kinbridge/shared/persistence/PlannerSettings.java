package org.kinbridge.shared.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL planner settings changed for the queries of one step and restored when it closes, transaction-local
 * ({@code set_config(.., true)}). For queries whose right plan does not depend on the data: just after a roster
 * import the tables have not been analysed yet, PostgreSQL believes they hold a handful of rows and picks plans that
 * are quadratic or sort a whole tenant. Does nothing on other databases.
 */
public final class PlannerSettings implements AutoCloseable {

    private final Connection connection;
    private final Map<String, String> previous;

    private PlannerSettings(Connection connection, Map<String, String> previous) {
        this.connection = connection;
        this.previous = previous;
    }

    /** Setting names are our constants, never input. One round trip reads the current values, one sets the new ones. */
    public static PlannerSettings override(Connection connection, Map<String, String> settings) throws SQLException {
        if (settings.isEmpty() || !PostgreSql.is(connection)) {
            return new PlannerSettings(connection, Map.of());
        }
        List<String> names = List.copyOf(settings.keySet());
        List<String> values = select(connection, "SELECT " + repeat("current_setting(?)", names.size()), names);
        Map<String, String> previous = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            previous.put(names.get(i), values.get(i));
        }
        set(connection, settings);
        return new PlannerSettings(connection, previous);
    }

    /**
     * Walk an index in the order a query asks for rather than sort: with stale statistics a tab of 50,000 accounts
     * looks like eight rows, and sorting eight rows looks cheaper than the index. The penalty that makes sorting
     * unattractive would also make the plan look expensive enough to JIT-compile, which costs 100-200 ms, so JIT is
     * off too.
     */
    public static PlannerSettings preferIndexOrder(Connection connection) throws SQLException {
        return override(connection, Map.of("enable_sort", "off", "jit", "off"));
    }

    @Override
    public void close() throws SQLException {
        if (!previous.isEmpty()) {
            set(connection, previous);
        }
    }

    private static void set(Connection connection, Map<String, String> settings) throws SQLException {
        List<String> params = new ArrayList<>();
        settings.forEach((name, value) -> params.addAll(List.of(name, value)));
        select(connection, "SELECT " + repeat("set_config(?, ?, true)", settings.size()), params);
    }

    private static String repeat(String call, int times) {
        return String.join(", ", Collections.nCopies(times, call));
    }

    /** The one row the statement answers, as strings. */
    private static List<String> select(Connection connection, String sql, List<String> params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                statement.setString(i + 1, params.get(i));
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                List<String> row = new ArrayList<>();
                for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
                    row.add(rs.getString(column));
                }
                return row;
            }
        }
    }
}
