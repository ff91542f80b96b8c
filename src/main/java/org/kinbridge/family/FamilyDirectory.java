package org.kinbridge.family;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.kinbridge.shared.InvalidRequestException;
import org.kinbridge.shared.TenantId;
import org.kinbridge.shared.persistence.DatasourceDefinition;

/**
 * Finds people and their families for the Families panel: prefix search on name, username or exact id,
 * filters an admin needs (students without parents, parents without email, relatives), paged by the database.
 */
@ApplicationScoped
public class FamilyDirectory {

    public enum Filter { ALL, STUDENTS, ADULTS, NO_PARENTS, PARENTS_WITHOUT_EMAIL, RELATIVES }

    private static final String ACTIVE_LINKS = "(SELECT COUNT(*) FROM guardian_link l WHERE l.tenant_id = p.tenant_id AND l.active = TRUE "
            + "AND (l.student_sourced_id = p.sourced_id OR l.guardian_sourced_id = p.sourced_id))";

    @Resource(lookup = DatasourceDefinition.JNDI_NAME)
    private DataSource dataSource;

    /** One page of people matching the query and filter, ordered by family then given name. */
    @Transactional
    public Page search(TenantId tenant, String query, Filter filter, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > 200) {
            throw new InvalidRequestException("invalid_paging", "offset is 0 or more and limit 1 to 200.");
        }
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" FROM person p WHERE p.tenant_id = ?");
        params.add(tenant.value());
        String q = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
        if (!q.isEmpty()) {
            String prefix = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            where.append(" AND (p.family_key LIKE ? OR p.given_key LIKE ? OR p.username_key LIKE ? OR p.sourced_id = ?)");
            params.addAll(List.of(prefix, prefix, prefix, query.trim()));
        }
        where.append(switch (filter) {
            case ALL -> "";
            case STUDENTS -> " AND p.is_student = TRUE";
            case ADULTS -> " AND p.is_student = FALSE";
            case NO_PARENTS -> " AND p.is_student = TRUE AND p.active = TRUE AND NOT EXISTS (SELECT 1 FROM guardian_link l "
                    + "WHERE l.tenant_id = p.tenant_id AND l.student_sourced_id = p.sourced_id AND l.active = TRUE)";
            case PARENTS_WITHOUT_EMAIL -> " AND p.is_student = FALSE AND p.email IS NULL AND EXISTS (SELECT 1 FROM guardian_link l "
                    + "WHERE l.tenant_id = p.tenant_id AND l.guardian_sourced_id = p.sourced_id AND l.active = TRUE)";
            case RELATIVES -> " AND EXISTS (SELECT 1 FROM guardian_link l WHERE l.tenant_id = p.tenant_id "
                    + "AND l.guardian_sourced_id = p.sourced_id AND l.active = TRUE AND l.guardian_role = 'relative')";
        });
        try (Connection connection = dataSource.getConnection()) {
            int total;
            try (PreparedStatement count = prepare(connection, "SELECT COUNT(*)" + where, params)) {
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    total = rs.getInt(1);
                }
            }
            List<PersonSummary> items = new ArrayList<>();
            List<Object> pageParams = new ArrayList<>(params);
            pageParams.add(limit);
            pageParams.add(offset);
            try (PreparedStatement select = prepare(connection, "SELECT p.sourced_id, p.given_name, p.family_name, p.username, "
                    + "p.email, p.roles, p.is_student, p.active, " + ACTIVE_LINKS + where
                    + " ORDER BY p.family_key, p.given_key, p.sourced_id LIMIT ? OFFSET ?", pageParams)) {
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        items.add(new PersonSummary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), PeopleStore.split(rs.getString(6)), rs.getBoolean(7), rs.getBoolean(8), rs.getInt(9)));
                    }
                }
            }
            return new Page(items, total, offset, limit);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not search people", e);
        }
    }

    /** A person and every link they are part of, on either side. */
    @Transactional
    public Optional<Family> family(TenantId tenant, String sourcedId) {
        try (Connection connection = dataSource.getConnection()) {
            Optional<PersonSummary> person;
            try (PreparedStatement select = prepare(connection, "SELECT p.sourced_id, p.given_name, p.family_name, p.username, "
                    + "p.email, p.roles, p.is_student, p.active, " + ACTIVE_LINKS + " FROM person p WHERE p.tenant_id = ? AND p.sourced_id = ?",
                    List.of(tenant.value(), sourcedId))) {
                try (ResultSet rs = select.executeQuery()) {
                    person = rs.next() ? Optional.of(new PersonSummary(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), PeopleStore.split(rs.getString(6)), rs.getBoolean(7),
                            rs.getBoolean(8), rs.getInt(9))) : Optional.empty();
                }
            }
            if (person.isEmpty()) {
                return Optional.empty();
            }
            List<FamilyLink> links = new ArrayList<>();
            try (PreparedStatement select = prepare(connection, "SELECT l.student_sourced_id, l.guardian_sourced_id, o.sourced_id, "
                    + "o.given_name, o.family_name, l.guardian_role, l.active, l.source, l.source_ref, "
                    + "(SELECT COUNT(*) FROM link_block b WHERE b.tenant_id = l.tenant_id AND b.student_sourced_id = l.student_sourced_id "
                    + "AND b.guardian_sourced_id = l.guardian_sourced_id) FROM guardian_link l LEFT JOIN person o ON o.tenant_id = l.tenant_id "
                    + "AND o.sourced_id = CASE WHEN l.student_sourced_id = ? THEN l.guardian_sourced_id ELSE l.student_sourced_id END "
                    + "WHERE l.tenant_id = ? AND (l.student_sourced_id = ? OR l.guardian_sourced_id = ?) "
                    + "ORDER BY l.active DESC, o.family_name, o.given_name", List.of(sourcedId, tenant.value(), sourcedId, sourcedId))) {
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        String other = rs.getString(1).equals(sourcedId) ? rs.getString(2) : rs.getString(1);
                        String name = ((rs.getString(4) == null ? "" : rs.getString(4)) + " "
                                + (rs.getString(5) == null ? "" : rs.getString(5))).trim();
                        links.add(new FamilyLink(rs.getString(1), rs.getString(2), other, name.isEmpty() ? other : name,
                                rs.getString(6), rs.getBoolean(7), rs.getString(8), rs.getString(9), rs.getInt(10) > 0));
                    }
                }
            }
            return Optional.of(new Family(person.get(), links));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the family", e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<Object> params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            statement.setObject(i + 1, params.get(i));
        }
        return statement;
    }

    public record Page(List<PersonSummary> items, int total, int offset, int limit) {
    }

    public record Family(PersonSummary person, List<FamilyLink> links) {
    }
}
