package org.kinbridge.shared.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Planner settings hold for one step of a transaction and come back when it closes: a setting left behind would
 * steer every later statement (a seq-scan penalty once made an UPDATE look expensive enough to JIT-compile, 120 ms).
 */
class PlannerSettingsTest {

    @Test
    void overridesForTheStepAndRestoresWhatWasSetBefore() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "")) {
            connection.setAutoCommit(false);
            execute(connection, "SET LOCAL enable_sort = off");
            try (PlannerSettings step = PlannerSettings.override(connection, Map.of("enable_seqscan", "off", "enable_sort", "on"))) {
                assertEquals(List.of("off", "on"), settings(connection));
            }
            assertEquals(List.of("on", "off"), settings(connection));
            connection.rollback();
        }
    }

    @Test
    void idChunksLeavesTheTransactionsSettingsAsItFoundThem() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "")) {
            connection.setAutoCommit(false);
            execute(connection, "CREATE TEMPORARY TABLE person_ids ON COMMIT DROP AS "
                    + "SELECT 't' AS tenant_id, 'p-' || n AS sourced_id FROM generate_series(1, 50) n");
            List<String> before = lookUpSettings(connection);
            List<String> found = new java.util.ArrayList<>();
            List<List<String>> during = new java.util.ArrayList<>();
            IdChunks.query(connection, "SELECT sourced_id FROM person_ids WHERE tenant_id = ? AND sourced_id IN (" + IdChunks.IDS
                    + ")", "t", List.of("p-3", "p-7", "nobody"), rs -> {
                        found.add(rs.getString(1));
                        during.add(lookUpSettings(connection));
                    });
            found.sort(null);
            assertEquals(List.of("p-3", "p-7"), found);
            assertEquals(List.of(List.of("1.1", "off"), List.of("1.1", "off")), during, "random reads costed as from memory");
            assertEquals(before, lookUpSettings(connection));
            connection.rollback();
        }
    }

    @Test
    void changesNothingOnH2() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:planner-settings", "sa", "")) {
            try (PlannerSettings step = PlannerSettings.override(connection, Map.of("enable_seqscan", "off"))) {
                execute(connection, "SELECT 1");
            }
        }
    }

    private static List<String> settings(Connection connection) throws SQLException {
        try (Statement select = connection.createStatement();
             ResultSet rs = select.executeQuery("SELECT current_setting('enable_seqscan'), current_setting('enable_sort')")) {
            rs.next();
            return List.of(rs.getString(1), rs.getString(2));
        }
    }

    private static List<String> lookUpSettings(Connection connection) throws SQLException {
        try (Statement select = connection.createStatement();
             ResultSet rs = select.executeQuery("SELECT current_setting('random_page_cost'), current_setting('jit')")) {
            rs.next();
            return List.of(rs.getString(1), rs.getString(2));
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
