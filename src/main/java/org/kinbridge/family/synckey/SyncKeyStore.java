package org.kinbridge.family.synckey;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.kinbridge.family.GuardianRole;
import org.kinbridge.family.LinkSource;
import org.kinbridge.shared.persistence.JdbcBatch;
import org.kinbridge.shared.TenantId;
import org.kinbridge.shared.persistence.DatasourceDefinition;

/**
 * What a sync-key import reads and the links it writes, in JDBC inside the caller's transaction. It
 * reads only people and links of {@code sync:} adults, and writes only links whose source is SYNC_KEY.
 */
@ApplicationScoped
public class SyncKeyStore {

    private static final String SYNC_PREFIX = ParentRow.SOURCED_ID_PREFIX + "%";

    @Resource(lookup = DatasourceDefinition.JNDI_NAME)
    private DataSource dataSource;

    /** Holds the tenant row until commit, so two imports for one school run one after the other. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(TenantId tenant) {
        query("SELECT id FROM tenant WHERE id = ? FOR UPDATE", List.of(tenant.value()), rs -> { });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public List<Student> activeStudents(TenantId tenant) {
        List<Student> students = new ArrayList<>();
        query("SELECT sourced_id, username, identifier FROM person WHERE tenant_id = ? AND is_student = TRUE AND active = TRUE",
                List.of(tenant.value()), rs -> students.add(new Student(rs.getString(1), rs.getString(2), rs.getString(3))));
        return students;
    }

    /** The fingerprint of every person this import made, by sourcedId. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, String> parentFingerprints(TenantId tenant) {
        Map<String, String> parents = new HashMap<>();
        query("SELECT sourced_id, fingerprint FROM person WHERE tenant_id = ? AND sourced_id LIKE ?",
                List.of(tenant.value(), SYNC_PREFIX), rs -> parents.put(rs.getString(1), rs.getString(2)));
        return parents;
    }

    /** Links of every {@code sync:} adult, whatever their source, by guardian then student. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, Map<String, ExistingLink>> links(TenantId tenant) {
        Map<String, Map<String, ExistingLink>> links = new HashMap<>();
        query("SELECT student_sourced_id, guardian_sourced_id, active, source FROM guardian_link "
                + "WHERE tenant_id = ? AND guardian_sourced_id LIKE ?", List.of(tenant.value(), SYNC_PREFIX), rs -> {
                    ExistingLink link = new ExistingLink(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4));
                    links.computeIfAbsent(link.guardianSourcedId(), g -> new HashMap<>()).put(link.studentSourcedId(), link);
                });
        return links;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> blockedPairs(TenantId tenant) {
        Set<String> blocked = new HashSet<>();
        query("SELECT student_sourced_id, guardian_sourced_id FROM link_block WHERE tenant_id = ? AND guardian_sourced_id LIKE ?",
                List.of(tenant.value(), SYNC_PREFIX), rs -> blocked.add(SyncImportPlanner.pair(rs.getString(1), rs.getString(2))));
        return blocked;
    }

    /** Creates, restores and ends the plan's links; only SYNC_KEY links are ever restored or ended. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void writeLinks(TenantId tenant, SyncImportPlan plan, Instant now) {
        Timestamp at = Timestamp.from(now);
        String parent = GuardianRole.PARENT.rosterName();
        String source = LinkSource.SYNC_KEY.name();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO guardian_link (tenant_id, student_sourced_id, "
                    + "guardian_sourced_id, guardian_role, active, source, source_ref, created_at, updated_at) "
                    + "VALUES (?, ?, ?, ?, TRUE, ?, ?, ?, ?)")) {
                JdbcBatch.run(insert, plan.linksToCreate(), link -> {
                    insert.setString(1, tenant.value());
                    insert.setString(2, link.studentSourcedId());
                    insert.setString(3, link.guardianSourcedId());
                    insert.setString(4, parent);
                    insert.setString(5, source);
                    insert.setString(6, link.syncValue());
                    insert.setTimestamp(7, at);
                    insert.setTimestamp(8, at);
                });
            }
            try (PreparedStatement restore = connection.prepareStatement("UPDATE guardian_link SET active = TRUE, source_ref = ?, "
                    + "updated_at = ?, ended_at = NULL WHERE tenant_id = ? AND student_sourced_id = ? AND guardian_sourced_id = ? "
                    + "AND source = ? AND active = FALSE")) {
                JdbcBatch.run(restore, plan.linksToRestore(), link -> {
                    restore.setString(1, link.syncValue());
                    restore.setTimestamp(2, at);
                    restore.setString(3, tenant.value());
                    restore.setString(4, link.studentSourcedId());
                    restore.setString(5, link.guardianSourcedId());
                    restore.setString(6, source);
                });
            }
            try (PreparedStatement end = connection.prepareStatement("UPDATE guardian_link SET active = FALSE, updated_at = ?, "
                    + "ended_at = ? WHERE tenant_id = ? AND student_sourced_id = ? AND guardian_sourced_id = ? "
                    + "AND source = ? AND active = TRUE")) {
                JdbcBatch.run(end, plan.linksToEnd(), link -> {
                    end.setTimestamp(1, at);
                    end.setTimestamp(2, at);
                    end.setString(3, tenant.value());
                    end.setString(4, link.studentSourcedId());
                    end.setString(5, link.guardianSourcedId());
                    end.setString(6, source);
                });
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write sync-key links", e);
        }
    }

    private void query(String sql, List<String> parameters, RowHandler handler) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(5000);
            for (int i = 0; i < parameters.size(); i++) {
                statement.setString(i + 1, parameters.get(i));
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    handler.handle(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read what a sync-key import needs", e);
        }
    }

    @FunctionalInterface
    private interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }
}
