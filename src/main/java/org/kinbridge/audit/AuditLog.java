package org.kinbridge.audit;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.UUID;
import java.util.Optional;
import javax.sql.DataSource;
import org.kinbridge.shared.persistence.BulkRows;
import org.kinbridge.shared.TenantId;
import org.kinbridge.shared.persistence.DatasourceDefinition;

/**
 * Appends audit entries inside the caller's transaction, so an entry exists exactly when the change
 * it records was committed. Batched, or streamed by COPY on PostgreSQL, since one roster import or
 * recompute can change a hundred thousand records.
 */
@ApplicationScoped
public class AuditLog {

    private static final String INSERT = "INSERT INTO audit_entry (id, tenant_id, at, actor, action, subject, detail) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final int BATCH = 1000;
    /** From this many entries (a district's first recompute writes some 170,000) PostgreSQL gets them by COPY. */
    private static final int COPY_FROM = 1000;

    @Resource(lookup = DatasourceDefinition.JNDI_NAME)
    private DataSource dataSource;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(TenantId tenant, AuditEntry entry) {
        recordAll(tenant, java.util.List.of(entry));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(TenantId tenant, Collection<AuditEntry> entries) {
        if (entries.size() >= COPY_FROM) {
            try (Connection connection = dataSource.getConnection()) {
                Optional<BulkRows> copy = BulkRows.open(connection, "audit_entry", "id, tenant_id, at, actor, action, subject, detail");
                if (copy.isPresent()) {
                    try (BulkRows rows = copy.get()) {
                        for (AuditEntry entry : entries) {
                            rows.add(UUID.randomUUID().toString(), tenant.value(), Timestamp.from(entry.at()),
                                    clip(entry.actor(), 255), clip(entry.action(), 60), clip(entry.subject(), 600),
                                    entry.detail() == null ? null : clip(entry.detail(), 2000));
                        }
                    }
                    return;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not write the audit trail", e);
            }
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(INSERT)) {
            int pending = 0;
            for (AuditEntry entry : entries) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, tenant.value());
                insert.setTimestamp(3, Timestamp.from(entry.at()));
                insert.setString(4, clip(entry.actor(), 255));
                insert.setString(5, clip(entry.action(), 60));
                insert.setString(6, clip(entry.subject(), 600));
                insert.setString(7, entry.detail() == null ? null : clip(entry.detail(), 2000));
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the audit trail", e);
        }
    }

    /** The latest entries about a person: those whose subject names them on either side of a link. */
    @Transactional
    public java.util.List<AuditEntry> about(TenantId tenant, String sourcedId, int limit) {
        java.util.List<AuditEntry> entries = new java.util.ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT at, actor, action, subject, detail FROM audit_entry "
                     + "WHERE tenant_id = ? AND (subject = ? OR subject LIKE ? OR subject LIKE ?) ORDER BY at DESC")) {
            select.setMaxRows(limit);
            select.setString(1, tenant.value());
            select.setString(2, sourcedId);
            select.setString(3, escapeLike(sourcedId) + " <- %");
            select.setString(4, "% <- " + escapeLike(sourcedId));
            try (java.sql.ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    entries.add(new AuditEntry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the audit trail", e);
        }
        return entries;
    }

    /** What the Audit page filters by; every part may be absent. {@code action} matches as a prefix. */
    public record Filter(String person, String action, java.time.Instant from, java.time.Instant to) {
    }

    /** One page of entries matching the filter, newest first, and how many match in all. */
    public record Page(java.util.List<AuditEntry> items, int total, int offset, int limit) {
    }

    @Transactional
    public Page search(TenantId tenant, Filter filter, int offset, int limit) {
        java.util.List<Object> params = new java.util.ArrayList<>();
        String where = where(tenant, filter, params);
        try (Connection connection = dataSource.getConnection()) {
            int total;
            try (PreparedStatement count = prepared(connection, "SELECT COUNT(*) FROM audit_entry" + where, params);
                 java.sql.ResultSet rs = count.executeQuery()) {
                rs.next();
                total = rs.getInt(1);
            }
            params.add(limit);
            params.add(offset);
            java.util.List<AuditEntry> items = new java.util.ArrayList<>();
            try (PreparedStatement select = prepared(connection, "SELECT at, actor, action, subject, detail FROM audit_entry" + where
                    + " ORDER BY at DESC, id LIMIT ? OFFSET ?", params); java.sql.ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    items.add(new AuditEntry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5)));
                }
            }
            return new Page(items, total, offset, limit);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not search the audit trail", e);
        }
    }

    /** Streams every entry matching the filter, newest first (for CSV export). */
    @Transactional
    public void forEach(TenantId tenant, Filter filter, java.util.function.Consumer<AuditEntry> entries) {
        java.util.List<Object> params = new java.util.ArrayList<>();
        String where = where(tenant, filter, params);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = prepared(connection, "SELECT at, actor, action, subject, detail FROM audit_entry" + where
                     + " ORDER BY at DESC, id", params)) {
            select.setFetchSize(2000);
            try (java.sql.ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    entries.accept(new AuditEntry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not export the audit trail", e);
        }
    }

    private static String where(TenantId tenant, Filter filter, java.util.List<Object> params) {
        StringBuilder where = new StringBuilder(" WHERE tenant_id = ?");
        params.add(tenant.value());
        if (filter.person() != null && !filter.person().isBlank()) {
            String person = filter.person().trim();
            where.append(" AND (subject = ? OR subject LIKE ? OR subject LIKE ?)");
            params.add(person);
            params.add(escapeLike(person) + " <- %");
            params.add("% <- " + escapeLike(person));
        }
        if (filter.action() != null && !filter.action().isBlank()) {
            where.append(" AND action LIKE ?");
            params.add(escapeLike(filter.action().trim()) + "%");
        }
        if (filter.from() != null) {
            where.append(" AND at >= ?");
            params.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.append(" AND at < ?");
            params.add(Timestamp.from(filter.to()));
        }
        return where.toString();
    }

    private static PreparedStatement prepared(Connection connection, String sql, java.util.List<Object> params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            statement.setObject(i + 1, params.get(i));
        }
        return statement;
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String clip(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
