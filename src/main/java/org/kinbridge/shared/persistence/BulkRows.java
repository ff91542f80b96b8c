package org.kinbridge.shared.persistence;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Streams rows into a PostgreSQL table with {@code COPY ... FROM STDIN}, inside the caller's
 * transaction, in chunks. A roster's first import inserts hundreds of thousands of rows, and COPY
 * does that several times faster than batched INSERTs. Other databases get an empty Optional and
 * keep their batched INSERTs.
 */
public final class BulkRows implements AutoCloseable {

    private static final int CHUNK_ROWS = 5000;

    private final CopyManager copy;
    private final String copySql;
    private final StringBuilder chunk = new StringBuilder(1 << 20);
    private int rows;

    private BulkRows(CopyManager copy, String table, String columns) {
        this.copy = copy;
        this.copySql = "COPY " + table + " (" + columns + ") FROM STDIN WITH (FORMAT csv)";
    }

    /** A COPY writer when the connection is PostgreSQL's; table and columns are our constants, never input. */
    public static Optional<BulkRows> open(Connection connection, String table, String columns) {
        try {
            if (connection.isWrapperFor(PGConnection.class)) {
                return Optional.of(new BulkRows(connection.unwrap(PGConnection.class).getCopyAPI(), table, columns));
            }
        } catch (SQLException e) {
            // not PostgreSQL, or a pool that will not unwrap: fall back to INSERTs
        }
        return Optional.empty();
    }

    /** One row: values in column order; null is SQL NULL, the empty string stays an empty string. */
    public void add(Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                chunk.append(',');
            }
            appendValue(values[i]);
        }
        chunk.append('\n');
        if (++rows == CHUNK_ROWS) {
            flush();
        }
    }

    private void appendValue(Object value) {
        if (value == null) {
            return;
        }
        String text = value instanceof Boolean b ? (b ? "t" : "f")
                : value instanceof Timestamp t ? t.toString()
                : value.toString();
        chunk.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                chunk.append('"');
            }
            chunk.append(c);
        }
        chunk.append('"');
    }

    private void flush() {
        if (rows == 0) {
            return;
        }
        try {
            copy.copyIn(copySql, new StringReader(chunk.toString()));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Could not copy rows into the database", e);
        }
        chunk.setLength(0);
        rows = 0;
    }

    @Override
    public void close() {
        flush();
    }
}
