package org.kinbridge.shared.persistence;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** Executes one prepared statement for many items, sending them to the database a thousand at a time. */
public final class JdbcBatch {

    private static final int SIZE = 1000;

    private JdbcBatch() {
    }

    /** Binds the statement's parameters for one item. */
    @FunctionalInterface
    public interface Binder<T> {
        void bind(T item) throws SQLException;
    }

    public static <T> void run(PreparedStatement statement, List<T> items, Binder<T> binder) throws SQLException {
        int pending = 0;
        for (T item : items) {
            binder.bind(item);
            statement.addBatch();
            if (++pending == SIZE) {
                statement.executeBatch();
                pending = 0;
            }
        }
        if (pending > 0) {
            statement.executeBatch();
        }
    }
}
