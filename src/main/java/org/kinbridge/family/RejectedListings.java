package org.kinbridge.family;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.kinbridge.shared.TenantId;
import org.kinbridge.shared.persistence.BulkRows;
import org.kinbridge.shared.persistence.DatasourceDefinition;
import org.kinbridge.shared.persistence.IdChunks;
import org.kinbridge.shared.persistence.JdbcBatch;

/**
 * The pairs the roster lists that the link rules turned down at the last import (an unknown id, a
 * teacher, an inactive pupil...). A delta import that names one end of such a pair reads the other
 * end again, because the pair may make a link now: without this it would have to search every
 * stored row's agent list.
 */
@ApplicationScoped
public class RejectedListings {

    @Resource(lookup = DatasourceDefinition.JNDI_NAME)
    private DataSource dataSource;

    /** A bulk import: the tenant's rejected pairs become exactly these. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replaceAll(TenantId tenant, List<RejectedLink> rejected) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM rejected_listing WHERE tenant_id = ?")) {
                delete.setString(1, tenant.value());
                delete.executeUpdate();
            }
            insert(connection, tenant, rejected);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store rejected listings", e);
        }
    }

    /** A delta import: the rejected pairs with an end among {@code focus} become these. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replaceAround(TenantId tenant, Set<String> focus, List<RejectedLink> rejected) {
        try (Connection connection = dataSource.getConnection()) {
            IdChunks.update(connection, "DELETE FROM rejected_listing WHERE tenant_id = ? AND (lister_sourced_id IN ("
                    + IdChunks.IDS + ") OR listed_sourced_id IN (" + IdChunks.IDS + "))", tenant.value(), focus);
            insert(connection, tenant, rejected);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store rejected listings", e);
        }
    }

    /** The other ends of rejected pairs that have an end among these ids. */
    @Transactional
    public Set<String> counterparts(TenantId tenant, Set<String> sourcedIds) {
        Set<String> counterparts = new HashSet<>();
        try (Connection connection = dataSource.getConnection()) {
            IdChunks.query(connection, "SELECT lister_sourced_id, listed_sourced_id FROM rejected_listing WHERE tenant_id = ? "
                    + "AND (lister_sourced_id IN (" + IdChunks.IDS + ") OR listed_sourced_id IN (" + IdChunks.IDS + "))",
                    tenant.value(), sourcedIds, rs -> {
                        counterparts.add(rs.getString(1));
                        counterparts.add(rs.getString(2));
                    });
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read rejected listings", e);
        }
        counterparts.removeAll(sourcedIds);
        return counterparts;
    }

    private static void insert(Connection connection, TenantId tenant, List<RejectedLink> rejected) throws SQLException {
        Map<String, RejectedLink> once = new LinkedHashMap<>();
        for (RejectedLink pair : rejected) {
            once.putIfAbsent(pair.listedBy() + '\u0000' + pair.listed(), pair);
        }
        Optional<BulkRows> copy = BulkRows.open(connection, "rejected_listing",
                "tenant_id, lister_sourced_id, listed_sourced_id, reason");
        if (copy.isPresent()) {
            try (BulkRows rows = copy.get()) {
                once.values().forEach(pair -> rows.add(tenant.value(), clip(pair.listedBy()), clip(pair.listed()),
                        pair.reason().name()));
            }
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO rejected_listing "
                + "(tenant_id, lister_sourced_id, listed_sourced_id, reason) VALUES (?, ?, ?, ?)")) {
            JdbcBatch.run(insert, new ArrayList<>(once.values()), pair -> {
                insert.setString(1, tenant.value());
                insert.setString(2, clip(pair.listedBy()));
                insert.setString(3, clip(pair.listed()));
                insert.setString(4, pair.reason().name());
            });
        }
    }

    private static String clip(String id) {
        return id.length() <= 255 ? id : id.substring(0, 255);
    }
}
