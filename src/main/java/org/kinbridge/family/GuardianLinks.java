package org.kinbridge.family;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.kinbridge.audit.AuditEntry;
import org.kinbridge.audit.AuditLog;
import org.kinbridge.shared.persistence.JdbcBatch;
import org.kinbridge.shared.TenantId;
import org.kinbridge.shared.persistence.BulkRows;
import org.kinbridge.shared.persistence.DatasourceDefinition;
import org.kinbridge.shared.persistence.IdChunks;
import org.kinbridge.shared.persistence.StagedRows;

/**
 * Parent-child links of a tenant. A roster import plans the change (so a mass removal can be held
 * for an admin), then applies it in its transaction; every change is audited with its source.
 * Links an admin made by hand are never ended by an import.
 */
@ApplicationScoped
public class GuardianLinks {

    /** Above this many changes in one apply, the audit trail gets one entry per kind of change, not per link. */
    static final int PER_LINK_AUDIT_LIMIT = 5000;

    private static final Comparator<ParentChildLink> IN_KEY_ORDER = (one, other) -> {
        int byStudent = one.studentSourcedId().compareTo(other.studentSourcedId());
        return byStudent != 0 ? byStudent : one.guardianSourcedId().compareTo(other.guardianSourcedId());
    };

    private static final String LINK_COLUMNS = "student_sourced_id, guardian_sourced_id, guardian_role, active, source, source_ref";

    @Resource(lookup = DatasourceDefinition.JNDI_NAME)
    private DataSource dataSource;

    @Inject
    private AuditLog audit;

    @Inject
    private NewLinkHolds holds;

    /**
     * What setting the roster's links to exactly {@code rosterLinks} would change. Blocked pairs, and new or ended
     * links of adults whose new links are on hold, are skipped and counted as blocked.
     */
    @Transactional
    public LinkPlan plan(TenantId tenant, Set<ParentChildLink> rosterLinks) {
        Map<String, StoredLink> stored = new HashMap<>();
        forEach(tenant, link -> stored.put(key(link.studentSourcedId(), link.guardianSourcedId()), link));
        return plan(rosterLinks, stored, blockedPairs(tenant), holds.heldAdults(tenant));
    }

    /**
     * What setting the links with an end among {@code focus} to exactly {@code rosterLinks} would change,
     * given those stored links ({@link #linksAround}); links between two other people stay as they are
     * (a delta import).
     */
    @Transactional
    public LinkPlan planAround(TenantId tenant, Set<ParentChildLink> rosterLinks, List<StoredLink> storedAround) {
        Map<String, StoredLink> stored = new HashMap<>();
        storedAround.forEach(link -> stored.put(key(link.studentSourcedId(), link.guardianSourcedId()), link));
        return plan(rosterLinks, stored, blockedPairs(tenant), holds.heldAdults(tenant));
    }

    /** Every stored link, active or not, with an end among these ids (a link between two of them once). */
    @Transactional
    public List<StoredLink> linksAround(TenantId tenant, Set<String> sourcedIds) {
        Map<String, StoredLink> links = new java.util.LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            for (String end : List.of("student_sourced_id", "guardian_sourced_id")) {
                IdChunks.query(connection, "SELECT " + LINK_COLUMNS + " FROM guardian_link WHERE tenant_id = ? AND " + end
                        + " IN (" + IdChunks.IDS + ")", tenant.value(), sourcedIds, rs -> {
                            StoredLink link = storedLink(rs);
                            links.put(key(link.studentSourcedId(), link.guardianSourcedId()), link);
                        });
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read links", e);
        }
        return new ArrayList<>(links.values());
    }

    private static LinkPlan plan(Set<ParentChildLink> rosterLinks, Map<String, StoredLink> stored, Set<String> blocked,
                                 Set<String> held) {
        if (stored.isEmpty() && blocked.isEmpty() && held.isEmpty()) {
            return new LinkPlan(new ArrayList<>(rosterLinks), List.of(), List.of(), List.of(), 0, 0, 0); // a first import
        }
        List<ParentChildLink> create = new ArrayList<>();
        List<ParentChildLink> reactivate = new ArrayList<>();
        List<ParentChildLink> changeRole = new ArrayList<>();
        int unchanged = 0;
        int skippedAsBlocked = 0;
        for (ParentChildLink link : rosterLinks) {
            if (blocked.contains(key(link.studentSourcedId(), link.guardianSourcedId()))) {
                skippedAsBlocked++;
                continue; // an admin's block outranks the roster; the stored link, if any, stays as it is
            }
            StoredLink current = stored.remove(key(link.studentSourcedId(), link.guardianSourcedId()));
            if (held.contains(link.guardianSourcedId()) && (current == null || !current.active())) {
                skippedAsBlocked++;
                continue; // the adult's new links are on hold: an existing link stays, none is made or restored
            }
            if (current == null) {
                create.add(link);
            } else if (!current.active()) {
                reactivate.add(link);
            } else if (current.source() == LinkSource.ROSTER && !current.guardianRole().equals(link.guardianRole().rosterName())) {
                changeRole.add(link);
            } else {
                unchanged++;
            }
        }
        List<StoredLink> end = stored.values().stream()
                .filter(link -> link.active() && link.source() == LinkSource.ROSTER)
                .filter(link -> !blocked.contains(key(link.studentSourcedId(), link.guardianSourcedId())))
                .toList();
        int activeBefore = unchanged + changeRole.size() + end.size()
                + (int) stored.values().stream().filter(l -> l.active() && l.source() != LinkSource.ROSTER).count();
        return new LinkPlan(create, reactivate, changeRole, end, unchanged, activeBefore, skippedAsBlocked);
    }

    /** Adult-child pairs an admin blocked ("do not link", court order): no import may link them. */
    @Transactional
    public java.util.Set<String> blockedPairs(TenantId tenant) {
        java.util.Set<String> blocked = new java.util.HashSet<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT student_sourced_id, guardian_sourced_id FROM link_block WHERE tenant_id = ?")) {
            select.setString(1, tenant.value());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    blocked.add(key(rs.getString(1), rs.getString(2)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read link blocks", e);
        }
        return blocked;
    }

    /**
     * Carries out a plan inside the caller's transaction, auditing each change as done by {@code actor}.
     * A district's first import changes hundreds of thousands of links: then each kind of change is one
     * audit entry naming the source, which every changed link also carries as its {@code source_ref}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(TenantId tenant, LinkPlan plan, String actor, String sourceRef, Instant now) {
        Timestamp at = Timestamp.from(now);
        int changes = plan.toCreate().size() + plan.toReactivate().size() + plan.toChangeRole().size() + plan.toEnd().size();
        boolean perLink = changes <= PER_LINK_AUDIT_LIMIT;
        List<AuditEntry> entries = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            Optional<BulkRows> copy = BulkRows.open(connection, "guardian_link", "tenant_id, student_sourced_id, "
                    + "guardian_sourced_id, guardian_role, active, source, source_ref, created_at, updated_at");
            if (copy.isPresent()) {
                try (BulkRows rows = copy.get()) {
                    // In key order the primary key's index is filled page by page instead of at random.
                    List<ParentChildLink> inKeyOrder = new ArrayList<>(plan.toCreate());
                    inKeyOrder.sort(IN_KEY_ORDER);
                    for (ParentChildLink link : inKeyOrder) {
                        rows.add(tenant.value(), link.studentSourcedId(), link.guardianSourcedId(),
                                link.guardianRole().rosterName(), true, "ROSTER", sourceRef, at, at);
                    }
                }
                if (perLink) {
                    plan.toCreate().forEach(link -> entries.add(entry(now, actor, "link.created", link, "source " + sourceRef)));
                }
            } else {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO guardian_link (tenant_id, "
                        + "student_sourced_id, guardian_sourced_id, guardian_role, active, source, source_ref, created_at, "
                        + "updated_at) VALUES (?, ?, ?, ?, TRUE, 'ROSTER', ?, ?, ?)")) {
                    JdbcBatch.run(insert, plan.toCreate(), link -> {
                        insert.setString(1, tenant.value());
                        insert.setString(2, link.studentSourcedId());
                        insert.setString(3, link.guardianSourcedId());
                        insert.setString(4, link.guardianRole().rosterName());
                        insert.setString(5, sourceRef);
                        insert.setTimestamp(6, at);
                        insert.setTimestamp(7, at);
                        if (perLink) {
                            entries.add(entry(now, actor, "link.created", link, "source " + sourceRef));
                        }
                    });
                }
            }
            restateAndEnd(connection, tenant, plan, sourceRef, at);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write links", e);
        }
        if (perLink) {
            plan.toReactivate().forEach(link -> entries.add(entry(now, actor, "link.restored", link,
                    "role " + link.guardianRole().rosterName())));
            plan.toChangeRole().forEach(link -> entries.add(entry(now, actor, "link.role_changed", link,
                    "role " + link.guardianRole().rosterName())));
            plan.toEnd().forEach(link -> entries.add(new AuditEntry(now, actor, "link.ended",
                    link.studentSourcedId() + " <- " + link.guardianSourcedId(), "no current roster row lists it")));
        } else {
            String subject = "links from " + sourceRef;
            entries.add(new AuditEntry(now, actor, "links.created", subject, plan.toCreate().size() + " links"));
            entries.add(new AuditEntry(now, actor, "links.restored", subject, plan.toReactivate().size() + " links"));
            entries.add(new AuditEntry(now, actor, "links.role_changed", subject, plan.toChangeRole().size() + " links"));
            entries.add(new AuditEntry(now, actor, "links.ended", subject, plan.toEnd().size() + " links"));
        }
        audit.recordAll(tenant, entries);
    }

    /**
     * Brings back or re-roles the links the plan restates and ends the links it ends. On PostgreSQL each of them is
     * staged with its new state and one UPDATE changes them all (a delta ends and restates thousands); elsewhere
     * one statement per link, in batches.
     */
    private static void restateAndEnd(Connection connection, TenantId tenant, LinkPlan plan, String sourceRef, Timestamp at)
            throws SQLException {
        List<ParentChildLink> restated = new ArrayList<>(plan.toReactivate());
        restated.addAll(plan.toChangeRole());
        Optional<StagedRows> staging = StagedRows.open(connection, "link_change", "guardian_link",
                "student_sourced_id, guardian_sourced_id, guardian_role, active");
        if (staging.isPresent()) {
            try (StagedRows changes = staging.get()) {
                restated.forEach(link -> changes.add(link.studentSourcedId(), link.guardianSourcedId(),
                        link.guardianRole().rosterName(), true));
                plan.toEnd().forEach(link -> changes.add(link.studentSourcedId(), link.guardianSourcedId(),
                        link.guardianRole(), false));
                // A restated link becomes an active roster link; an ended one keeps its role and source.
                changes.apply("UPDATE guardian_link g SET guardian_role = c.guardian_role, active = c.active, "
                        + "source = CASE WHEN c.active THEN 'ROSTER' ELSE g.source END, source_ref = ?, updated_at = ?, "
                        + "ended_at = CASE WHEN c.active THEN NULL ELSE CAST(? AS TIMESTAMP) END FROM link_change c "
                        + "WHERE g.tenant_id = ? AND g.student_sourced_id = c.student_sourced_id "
                        + "AND g.guardian_sourced_id = c.guardian_sourced_id", sourceRef, at, at, tenant.value());
            }
            return;
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE guardian_link SET guardian_role = ?, "
                + "active = TRUE, source = 'ROSTER', source_ref = ?, updated_at = ?, ended_at = NULL "
                + "WHERE tenant_id = ? AND student_sourced_id = ? AND guardian_sourced_id = ?")) {
            JdbcBatch.run(update, restated, link -> {
                update.setString(1, link.guardianRole().rosterName());
                update.setString(2, sourceRef);
                update.setTimestamp(3, at);
                update.setString(4, tenant.value());
                update.setString(5, link.studentSourcedId());
                update.setString(6, link.guardianSourcedId());
            });
        }
        try (PreparedStatement end = connection.prepareStatement("UPDATE guardian_link SET active = FALSE, "
                + "source_ref = ?, updated_at = ?, ended_at = ? "
                + "WHERE tenant_id = ? AND student_sourced_id = ? AND guardian_sourced_id = ?")) {
            JdbcBatch.run(end, plan.toEnd(), link -> {
                end.setString(1, sourceRef);
                end.setTimestamp(2, at);
                end.setTimestamp(3, at);
                end.setString(4, tenant.value());
                end.setString(5, link.studentSourcedId());
                end.setString(6, link.guardianSourcedId());
            });
        }
    }

    /** Every link of the tenant, streamed in a stable order. */
    @Transactional
    public void forEach(TenantId tenant, java.util.function.Consumer<StoredLink> links) {
        forEach(tenant, 0, Integer.MAX_VALUE, links);
    }

    /** One page of the tenant's links, in the same order as {@link #forEach(TenantId, java.util.function.Consumer)}. */
    @Transactional
    public List<StoredLink> page(TenantId tenant, int offset, int limit) {
        List<StoredLink> page = new ArrayList<>();
        forEach(tenant, offset, limit, page::add);
        return page;
    }

    /**
     * The active links of the first {@code students} students (by sourcedId, in the database's order) after
     * {@code afterStudent} (null: from the first), ordered by student then guardian: one page of a feed.
     */
    @Transactional
    public List<StoredLink> activeLinksOfStudentsAfter(TenantId tenant, String afterStudent, int students) {
        List<StoredLink> page = new ArrayList<>();
        String after = afterStudent == null ? "" : " AND student_sourced_id > ?";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + LINK_COLUMNS + " FROM guardian_link "
                     + "WHERE tenant_id = ? AND active = TRUE AND student_sourced_id IN (SELECT DISTINCT student_sourced_id "
                     + "FROM guardian_link WHERE tenant_id = ? AND active = TRUE" + after
                     + " ORDER BY student_sourced_id FETCH FIRST ? ROWS ONLY) ORDER BY student_sourced_id, guardian_sourced_id")) {
            int index = 1;
            select.setString(index++, tenant.value());
            select.setString(index++, tenant.value());
            if (afterStudent != null) {
                select.setString(index++, afterStudent);
            }
            select.setInt(index, students);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    page.add(storedLink(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read links", e);
        }
        return page;
    }

    @Transactional
    public int count(TenantId tenant) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM guardian_link WHERE tenant_id = ?")) {
            count.setString(1, tenant.value());
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count links", e);
        }
    }

    private void forEach(TenantId tenant, int offset, int limit, java.util.function.Consumer<StoredLink> links) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + LINK_COLUMNS + " FROM guardian_link "
                     + "WHERE tenant_id = ? ORDER BY student_sourced_id, guardian_sourced_id LIMIT ? OFFSET ?")) {
            select.setFetchSize(5000);
            select.setString(1, tenant.value());
            select.setInt(2, limit);
            select.setInt(3, offset);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    links.accept(storedLink(rs));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read links", e);
        }
    }

    /** CONTRACT.md's guardianship export: {@code studentSourcedId,guardianSourcedId,guardianRole,status}. */
    @Transactional
    public void writeCsv(TenantId tenant, Writer out) {
        try {
            out.write("studentSourcedId,guardianSourcedId,guardianRole,status\r\n");
            forEach(tenant, link -> {
                try {
                    out.write(csv(link.studentSourcedId()) + "," + csv(link.guardianSourcedId()) + ","
                            + link.guardianRole() + "," + (link.active() ? "active" : "inactive") + "\r\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String csv(String value) {
        return value.contains(",") || value.contains("\"") || value.contains("\n")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    private static StoredLink storedLink(ResultSet rs) throws SQLException {
        return new StoredLink(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                LinkSource.valueOf(rs.getString(5)), rs.getString(6));
    }

    private static AuditEntry entry(Instant now, String actor, String action, ParentChildLink link, String detail) {
        return new AuditEntry(now, actor, action, link.studentSourcedId() + " <- " + link.guardianSourcedId(), detail);
    }

    private static String key(String student, String guardian) {
        return student + '\u0000' + guardian;
    }
}
