package org.kinbridge.shared.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Both ways IdChunks sends ids: IN lists of a few hundred on H2 (the embedded default), one array on PostgreSQL.
 * More ids than one chunk holds, a statement with two lists, and another tenant's rows that must never come back.
 */
class IdChunksTest {

    private static final int PEOPLE = 1_234;

    @Test
    void onH2() throws SQLException {
        try (Connection h2 = DriverManager.getConnection("jdbc:h2:mem:idchunks-" + UUID.randomUUID())) {
            assertLooksUpAndUpdatesEveryNamedIdOfTheTenantOnly(h2);
        }
    }

    @Test
    void onPostgresql() throws SQLException {
        String schema = "kb_idchunks_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        try (Connection postgres = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "")) {
            try (Statement ddl = postgres.createStatement()) {
                ddl.execute("CREATE SCHEMA " + schema);
                ddl.execute("SET search_path TO " + schema);
            }
            try {
                assertLooksUpAndUpdatesEveryNamedIdOfTheTenantOnly(postgres);
            } finally {
                try (Statement ddl = postgres.createStatement()) {
                    ddl.execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        }
    }

    private static void assertLooksUpAndUpdatesEveryNamedIdOfTheTenantOnly(Connection connection) throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE pair (tenant_id VARCHAR(64) NOT NULL, a VARCHAR(255) NOT NULL, b VARCHAR(255) NOT NULL, "
                    + "seen BOOLEAN NOT NULL, PRIMARY KEY (tenant_id, a))");
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO pair VALUES (?, ?, ?, FALSE)")) {
            for (String tenant : List.of("ours", "theirs")) {
                for (int i = 0; i < PEOPLE; i++) {
                    insert.setString(1, tenant);
                    insert.setString(2, "p" + i);
                    insert.setString(3, "p" + (i + 1));
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
        // Every even id, plus one nobody has: more than two chunks of IN list.
        List<String> named = new ArrayList<>(IntStream.range(0, PEOPLE).filter(i -> i % 2 == 0).mapToObj(i -> "p" + i).toList());
        named.add("nobody");

        Set<String> found = new HashSet<>();
        IdChunks.query(connection, "SELECT a FROM pair WHERE tenant_id = ? AND (a IN (" + IdChunks.IDS + ") OR b IN ("
                + IdChunks.IDS + "))", "ours", named, rs -> found.add(rs.getString(1)));
        // a named (the even ones), or b named (b = a + 1: every odd a but the last, whose b is past the range).
        assertEquals(PEOPLE - 1, found.size());

        int changed = IdChunks.update(connection, "UPDATE pair SET seen = TRUE WHERE tenant_id = ? AND a IN (" + IdChunks.IDS + ")",
                "ours", named);
        assertEquals(named.size() - 1, changed);
        try (Statement count = connection.createStatement();
             var rs = count.executeQuery("SELECT tenant_id, COUNT(*) FROM pair WHERE seen GROUP BY tenant_id")) {
            rs.next();
            assertEquals("ours", rs.getString(1));
            assertEquals(named.size() - 1, rs.getInt(2));
            assertEquals(false, rs.next(), "no row of another tenant changed");
        }
        assertEquals(0, IdChunks.update(connection, "UPDATE pair SET seen = TRUE WHERE tenant_id = ? AND a IN (" + IdChunks.IDS + ")",
                "ours", List.of()), "no ids, no statement");
    }
}
