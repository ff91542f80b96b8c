package org.kinbridge.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.kinbridge.shared.persistence.Sql;

/** The hourly purge deletes exactly the counters the policy can forget, of every tenant, on the migrated schema. */
class AttemptCountersTest {

    private static final LockoutPolicy POLICY = new LockoutPolicy(5, Duration.ofMinutes(15), Duration.ofHours(24));
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void forgetsQuietSubjectsOnlyAndKeepsWhatStillCounts() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:attempts-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration", "classpath:db/vendor/h2").load().migrate();
        try (Connection connection = h2.getConnection()) {
            for (String tenant : List.of("riverside", "hillside")) {
                Sql.update(connection, "INSERT INTO tenant (id, name, created_at) VALUES (?, ?, ?)", List.of(tenant, tenant, NOW));
                store(connection, tenant, "failures-in-window", 3, NOW.minusSeconds(60), 0, null);
                store(connection, tenant, "failures-window-over", 3, NOW.minus(Duration.ofMinutes(16)), 0, null);
                store(connection, tenant, "locked-now", 0, NOW.minusSeconds(60), 2, NOW.plus(Duration.ofMinutes(30)));
                store(connection, tenant, "lock-ended-recently", 0, NOW.minus(Duration.ofHours(2)), 1, NOW.minus(Duration.ofHours(1)));
                store(connection, tenant, "lock-ended-a-day-ago", 0, NOW.minus(Duration.ofHours(26)), 3, NOW.minus(Duration.ofHours(25)));
            }
        }

        int forgotten = new AttemptCounters(h2).forgetQuiet(POLICY, NOW);

        assertEquals(4, forgotten, "two per tenant");
        try (Connection connection = h2.getConnection()) {
            List<String> left = new ArrayList<>();
            try (ResultSet rs = connection.createStatement().executeQuery(
                    "SELECT tenant_id, subject, failures, window_started_at, lockouts, locked_until FROM access_attempt ORDER BY tenant_id, subject")) {
                while (rs.next()) {
                    left.add(rs.getString(1) + "/" + rs.getString(2));
                    LockoutPolicy.Counter counter = new LockoutPolicy.Counter(rs.getInt(3), rs.getTimestamp(4).toInstant(), rs.getInt(5),
                            Optional.ofNullable(rs.getTimestamp(6)).map(Timestamp::toInstant));
                    assertEquals(false, POLICY.forgettable(counter, NOW), "the database agrees with the policy: " + left);
                }
            }
            assertEquals(List.of("hillside/failures-in-window", "hillside/lock-ended-recently", "hillside/locked-now",
                    "riverside/failures-in-window", "riverside/lock-ended-recently", "riverside/locked-now"), left);
        }
    }

    private static void store(Connection connection, String tenant, String subject, int failures, Instant windowStartedAt,
                              int lockouts, Instant lockedUntil) throws SQLException {
        Sql.update(connection, "INSERT INTO access_attempt (tenant_id, subject, failures, window_started_at, lockouts, locked_until) "
                + "VALUES (?, ?, ?, ?, ?, ?)", java.util.Arrays.asList(tenant, subject, failures, windowStartedAt, lockouts, lockedUntil));
    }
}
