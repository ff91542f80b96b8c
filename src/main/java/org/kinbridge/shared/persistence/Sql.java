package org.kinbridge.shared.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The few JDBC steps the stores that write plain SQL repeat; values always travel as parameters. */
public final class Sql {

    private Sql() {
    }

    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    public static PreparedStatement prepare(Connection connection, String sql, List<?> params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        bind(statement, params);
        return statement;
    }

    private static void bind(PreparedStatement statement, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object value = params.get(i);
            statement.setObject(i + 1, value instanceof Instant instant ? Timestamp.from(instant) : value);
        }
    }

    public static <T> List<T> list(Connection connection, String sql, List<?> params, Row<T> row) throws SQLException {
        List<T> out = new ArrayList<>();
        try (PreparedStatement statement = prepare(connection, sql, params); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                out.add(row.read(rs));
            }
        }
        return out;
    }

    public static int update(Connection connection, String sql, List<?> params) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, params)) {
            return statement.executeUpdate();
        }
    }

    /** Runs one statement for many rows in JDBC batches; returns each row's update count, in order. */
    public static int[] batch(Connection connection, String sql, List<? extends List<?>> rows) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            return JdbcBatch.run(statement, rows, row -> bind(statement, row));
        }
    }

    /** {@code (?, ?, ...)} with {@code n} placeholders, for an IN list. */
    public static String placeholders(int n) {
        return "(" + "?, ".repeat(n - 1) + "?)";
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
