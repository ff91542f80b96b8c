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

    /**
     * A delta import: the stored pairs with an end in its focus ({@code storedAround}, as {@link #around} read them
     * before the import wrote anything) become {@code rejected}, the pairs the rules turned down around the focus.
     * Only the differences are written: most listings a delta touches are the same as before.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replaceAround(TenantId tenant, List<RejectedLink> storedAround, List<RejectedLink> rejected) {
        Map<String, RejectedLink> before = byKey(storedAround);
        Map<String, RejectedLink> after = byKey(rejected);
        List<RejectedLink> gone = before.entrySet().stream().filter(e -> !e.getValue().equals(after.get(e.getKey())))
                .map(Map.Entry::getValue).toList();
        List<RejectedLink> added = after.entrySet().stream().filter(e -> !e.getValue().equals(before.get(e.getKey())))
                .map(Map.Entry::getValue).toList();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM rejected_listing WHERE tenant_id = ? "
                    + "AND lister_sourced_id = ? AND listed_sourced_id = ?")) {
                JdbcBatch.run(delete, gone, pair -> {
                    delete.setString(1, tenant.value());
                    delete.setString(2, pair.listedBy());
                    delete.setString(3, pair.listed());
                });
            }
            insert(connection, tenant, added);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store rejected listings", e);
        }
    }

    /** The stored pairs with an end among these ids. */
    @Transactional
    public List<RejectedLink> around(TenantId tenant, Set<String> sourcedIds) {
        List<RejectedLink> pairs = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            IdChunks.query(connection, "SELECT lister_sourced_id, listed_sourced_id, reason FROM rejected_listing WHERE tenant_id = ? "
                    + "AND (lister_sourced_id IN (" + IdChunks.IDS + ") OR listed_sourced_id IN (" + IdChunks.IDS + "))",
                    tenant.value(), sourcedIds,
                    rs -> pairs.add(new RejectedLink(rs.getString(1), rs.getString(2), LinkRejection.valueOf(rs.getString(3)))));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read rejected listings", e);
        }
        return pairs;
    }

    /** The other ends of the stored pairs that have an end among these ids. */
    @Transactional
    public Set<String> counterparts(TenantId tenant, Set<String> sourcedIds) {
        return counterparts(around(tenant, sourcedIds), sourcedIds);
    }

    /** The ends of these pairs that are not among {@code sourcedIds}. */
    public static Set<String> counterparts(List<RejectedLink> pairs, Set<String> sourcedIds) {
        Set<String> counterparts = new HashSet<>();
        pairs.forEach(pair -> counterparts.addAll(List.of(pair.listedBy(), pair.listed())));
        counterparts.removeAll(sourcedIds);
        return counterparts;
    }

    /** Pairs by their stored key (ids as the table keeps them), the first of any repeat; ids clipped as stored. */
    private static Map<String, RejectedLink> byKey(List<RejectedLink> pairs) {
        Map<String, RejectedLink> byKey = new LinkedHashMap<>();
        for (RejectedLink pair : pairs) {
            RejectedLink stored = new RejectedLink(clip(pair.listedBy()), clip(pair.listed()), pair.reason());
            byKey.putIfAbsent(stored.listedBy() + '\u0000' + stored.listed(), stored);
        }
        return byKey;
    }

    private static void insert(Connection connection, TenantId tenant, List<RejectedLink> rejected) throws SQLException {
        if (rejected.isEmpty()) {
            return;
        }
        Map<String, RejectedLink> once = byKey(rejected);
        Optional<BulkRows> copy = BulkRows.open(connection, "rejected_listing",
                "tenant_id, lister_sourced_id, listed_sourced_id, reason");
        if (copy.isPresent()) {
            try (BulkRows rows = copy.get()) {
                once.values().forEach(pair -> rows.add(tenant.value(), pair.listedBy(), pair.listed(), pair.reason().name()));
            }
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO rejected_listing "
                + "(tenant_id, lister_sourced_id, listed_sourced_id, reason) VALUES (?, ?, ?, ?)")) {
            JdbcBatch.run(insert, new ArrayList<>(once.values()), pair -> {
                insert.setString(1, tenant.value());
                insert.setString(2, pair.listedBy());
                insert.setString(3, pair.listed());
                insert.setString(4, pair.reason().name());
            });
        }
    }

    private static String clip(String id) {
        return id.length() <= 255 ? id : id.substring(0, 255);
    }
}
