package org.kinbridge.shared.persistence;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Which database a connection talks to, for the few steps only PostgreSQL has (COPY aside, which
 * {@link BulkRows} detects by unwrapping): array parameters, planner settings, ANALYZE and VACUUM.
 * H2, the zero-setup default, takes the portable path.
 */
public final class PostgreSql {

    private PostgreSql() {
    }

    public static boolean is(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().startsWith("PostgreSQL");
    }
}
