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

    /** Runs the statement once per item; returns each item's update count, in order (callers may tell per item what happened). */
    public static <T> int[] run(PreparedStatement statement, List<T> items, Binder<T> binder) throws SQLException {
        int[] counts = new int[items.size()];
        for (int from = 0; from < items.size(); from += SIZE) {
            int to = Math.min(items.size(), from + SIZE);
            for (T item : items.subList(from, to)) {
                binder.bind(item);
                statement.addBatch();
            }
            System.arraycopy(statement.executeBatch(), 0, counts, from, to - from);
        }
        return counts;
    }
}
