package org.kinbridge.shared.persistence;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Streams rows into a PostgreSQL table with one {@code COPY ... FROM STDIN}, inside the caller's
 * transaction. Rows go out as they are added, so PostgreSQL stores and indexes them while the caller
 * is still reading its input: on two cores the import's parsing and the database's writing overlap.
 * A connection in COPY can run nothing else; {@link #pause()} ends the COPY so the caller can run
 * other statements, and the next row starts a new one. Other databases get an empty Optional and
 * keep their batched INSERTs.
 */
public final class BulkRows implements AutoCloseable {

    private static final int SEND_CHARS = 1 << 16;

    private final CopyManager copy;
    private final String copySql;
    private final StringBuilder pending = new StringBuilder(SEND_CHARS + 4096);
    private CopyIn open;

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
                pending.append(',');
            }
            appendValue(values[i]);
        }
        pending.append('\n');
        if (pending.length() >= SEND_CHARS) {
            send();
        }
    }

    /** Ends the running COPY, if any, so the connection can run other statements; later rows start a new one. */
    public void pause() {
        send();
        if (open != null) {
            try {
                open.endCopy();
            } catch (SQLException e) {
                throw new IllegalStateException("Could not copy rows into the database", e);
            } finally {
                open = null;
            }
        }
    }

    private void appendValue(Object value) {
        if (value == null) {
            return;
        }
        String text = value instanceof Boolean b ? (b ? "t" : "f")
                : value instanceof Timestamp t ? t.toString()
                : value.toString();
        pending.append('"');
        if (text.indexOf('"') < 0) {
            pending.append(text);
        } else {
            pending.append(text.replace("\"", "\"\""));
        }
        pending.append('"');
    }

    private void send() {
        if (pending.length() == 0) {
            return;
        }
        try {
            if (open == null) {
                open = copy.copyIn(copySql);
            }
            byte[] bytes = pending.toString().getBytes(StandardCharsets.UTF_8);
            open.writeToCopy(bytes, 0, bytes.length);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not copy rows into the database", e);
        }
        pending.setLength(0);
    }

    @Override
    public void close() {
        pause();
    }
}
