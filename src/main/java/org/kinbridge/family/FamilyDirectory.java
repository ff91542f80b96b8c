package org.kinbridge.family;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.kinbridge.shared.InvalidRequestException;
import org.kinbridge.shared.TenantId;
import org.kinbridge.shared.persistence.DatasourceDefinition;
import org.kinbridge.shared.persistence.IdChunks;
import org.kinbridge.shared.persistence.PlannerSettings;
import org.kinbridge.shared.persistence.Sql;

/**
 * Finds people and their families for the Families panel: prefix search on name, username or exact id,
 * filters an admin needs (students without parents, parents without email, relatives), paged by the database.
 * A page is read in list order (family name, given name, sourcedId) from one index range: of person for everyone,
 * students or adults, of {@code family_filter} ({@link FamilyFilters}) for the link-based filters, brought up to date
 * first if a just-committed import left them behind. Only the rows shown are then read in full; counts stop at {@link #COUNT_CAP}.
 */
@ApplicationScoped
public class FamilyDirectory {

    public enum Filter { ALL, STUDENTS, ADULTS, NO_PARENTS, PARENTS_WITHOUT_EMAIL, RELATIVES }

    /**
     * Matches are counted up to here; a page says "more than" beyond ({@code totalIsEstimate}). Counting all of a
     * district's 400,000 people reads every row's visibility, 150-200 ms until VACUUM has marked them all visible,
     * which on a shared table can take long after an import.
     */
    static final int COUNT_CAP = 10_000;

    private static final String LIST_ORDER = " ORDER BY m.family_key, m.given_key, m.sourced_id";
    private static final String SUMMARY = "SELECT p.sourced_id, p.given_name, p.family_name, p.username, p.email, p.roles, "
            + "p.is_student, p.active, (SELECT COUNT(*) FROM guardian_link l WHERE l.tenant_id = p.tenant_id AND l.active = TRUE "
            + "AND (l.student_sourced_id = p.sourced_id OR l.guardian_sourced_id = p.sourced_id)) FROM person p WHERE p.tenant_id = ? ";

    @Resource(lookup = DatasourceDefinition.JNDI_NAME)
    private DataSource dataSource;

    @Inject
    private FamilyFilters filters;

    public FamilyDirectory() {
        // for CDI, which injects the datasource and filters
    }

    /** On a datasource of a test's own. */
    FamilyDirectory(DataSource dataSource, FamilyFilters filters) {
        this.dataSource = dataSource;
        this.filters = filters;
    }

    /**
     * One page of people matching the query and filter, in list order.
     *
     * @param total           people matching; with {@code totalIsEstimate} more than that many
     */
    public record Page(List<PersonSummary> items, int total, boolean totalIsEstimate, int offset, int limit) {
    }

    /** The people a filter and query select, as a condition on member rows {@code m} (person or family_filter). */
    private record Listing(String from, List<Object> params, boolean search, boolean ofPerson) {

        static Listing of(TenantId tenant, String query, Filter filter) {
            List<Object> params = new ArrayList<>(List.of(tenant.value()));
            StringBuilder from = new StringBuilder();
            if (FamilyFilters.keeps(filter)) {
                from.append(" FROM family_filter m WHERE m.tenant_id = ? AND m.filter = ?");
                params.add(filter.name());
            } else {
                from.append(" FROM person m WHERE m.tenant_id = ?").append(switch (filter) {
                    case STUDENTS -> " AND m.is_student = TRUE";
                    case ADULTS -> " AND m.is_student = FALSE";
                    default -> "";
                });
            }
            String q = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
            if (!q.isEmpty()) {
                String prefix = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                from.append(" AND (m.family_key LIKE ? OR m.given_key LIKE ? OR m.username_key LIKE ? OR m.sourced_id = ?)");
                params.addAll(List.of(prefix, prefix, prefix, query.trim()));
            }
            return new Listing(from.toString(), params, !q.isEmpty(), !FamilyFilters.keeps(filter));
        }

        List<Object> params(Object... more) {
            List<Object> all = new ArrayList<>(params);
            all.addAll(Arrays.asList(more));
            return all;
        }

        /**
         * A list is read in the order of its index, never collected and sorted: person's list index gives family and
         * given name, and only the sourcedId tie-break within a name is sorted as rows come (Incremental Sort). A
         * search of all people reads its matches through the prefix indexes and sorts them instead, planned for the
         * prefix at hand: walking the list hoping to meet a page of matches early reads most of the tenant when they
         * sort late (1.3 s for "smi" among 400,000 people), and a plan made for any prefix scans the table. No
         * statement here scans a table or bitmaps a whole tenant: counting "up to 10,000" looks cheap to a scan that
         * may stop early, but the tenant's rows can be anywhere in it.
         */
        PlannerSettings plan(Connection connection) throws SQLException {
            return PlannerSettings.override(connection, search && ofPerson
                    ? Map.of("enable_indexscan", "off", "enable_indexonlyscan", "off", "enable_seqscan", "off",
                            "plan_cache_mode", "force_custom_plan", "jit", "off")
                    : Map.of("enable_sort", "off", "enable_seqscan", "off", "enable_bitmapscan", "off", "jit", "off"));
        }
    }

    private record Total(int count, boolean estimate) {
    }

    @Transactional
    public Page search(TenantId tenant, String query, Filter filter, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > 200) {
            throw new InvalidRequestException("invalid_paging", "offset is 0 or more and limit 1 to 200.");
        }
        Listing listing = Listing.of(tenant, query, filter);
        if (!listing.ofPerson() && filters.behind(tenant)) {
            filters.catchUp(tenant); // an import has just committed and its refresh has not finished yet
        }
        try (Connection connection = dataSource.getConnection()) {
            Total total;
            List<String> shown;
            try (PlannerSettings plan = listing.plan(connection)) {
                total = count(connection, listing);
                shown = Sql.list(connection, "SELECT m.sourced_id" + listing.from() + LIST_ORDER + " OFFSET ? ROWS FETCH FIRST ? ROWS ONLY",
                        listing.params(offset, limit), rs -> rs.getString(1));
            }
            return new Page(summaries(connection, tenant, shown), total.count(), total.estimate(), offset, limit);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not search people", e);
        }
    }

    /** Exact up to {@link #COUNT_CAP} matches, an estimate beyond. */
    private static Total count(Connection connection, Listing listing) throws SQLException {
        int found = Sql.list(connection, "SELECT COUNT(*) FROM (SELECT m.sourced_id" + listing.from() + " FETCH FIRST ? ROWS ONLY) c",
                listing.params(COUNT_CAP + 1), rs -> rs.getInt(1)).get(0);
        return found > COUNT_CAP ? new Total(COUNT_CAP, true) : new Total(found, false);
    }

    /** The people shown, in the order given. */
    private static List<PersonSummary> summaries(Connection connection, TenantId tenant, List<String> shown) throws SQLException {
        Map<String, PersonSummary> found = new HashMap<>();
        IdChunks.query(connection, SUMMARY + "AND p.sourced_id IN (" + IdChunks.IDS + ")", tenant.value(), shown,
                rs -> found.put(rs.getString(1), summary(rs)));
        return shown.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    /** A person and every link they are part of, on either side. */
    @Transactional
    public Optional<Family> family(TenantId tenant, String sourcedId) {
        try (Connection connection = dataSource.getConnection()) {
            Optional<PersonSummary> person;
            try (PreparedStatement select = Sql.prepare(connection, SUMMARY + "AND p.sourced_id = ?", List.of(tenant.value(), sourcedId))) {
                try (ResultSet rs = select.executeQuery()) {
                    person = rs.next() ? Optional.of(summary(rs)) : Optional.empty();
                }
            }
            if (person.isEmpty()) {
                return Optional.empty();
            }
            List<FamilyLink> links = new ArrayList<>();
            try (PreparedStatement select = Sql.prepare(connection, "SELECT l.student_sourced_id, l.guardian_sourced_id, o.sourced_id, "
                    + "o.given_name, o.family_name, l.guardian_role, l.active, l.source, l.source_ref, "
                    + "(SELECT COUNT(*) FROM link_block b WHERE b.tenant_id = l.tenant_id AND b.student_sourced_id = l.student_sourced_id "
                    + "AND b.guardian_sourced_id = l.guardian_sourced_id) FROM guardian_link l LEFT JOIN person o ON o.tenant_id = l.tenant_id "
                    + "AND o.sourced_id = CASE WHEN l.student_sourced_id = ? THEN l.guardian_sourced_id ELSE l.student_sourced_id END "
                    + "WHERE l.tenant_id = ? AND (l.student_sourced_id = ? OR l.guardian_sourced_id = ?) "
                    + "ORDER BY l.active DESC, o.family_name, o.given_name", List.of(sourcedId, tenant.value(), sourcedId, sourcedId))) {
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        String other = rs.getString(1).equals(sourcedId) ? rs.getString(2) : rs.getString(1);
                        links.add(new FamilyLink(rs.getString(1), rs.getString(2), other, RosterPerson.displayName(rs.getString(4), rs.getString(5), other),
                                rs.getString(6), rs.getBoolean(7), rs.getString(8), rs.getString(9), rs.getInt(10) > 0));
                    }
                }
            }
            return Optional.of(new Family(person.get(), links));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the family", e);
        }
    }

    /** The names these people are shown by ({@link RosterPerson#displayName(String, String, String)}), by sourcedId; ids not stored are left out. */
    @Transactional
    public Map<String, String> names(TenantId tenant, Collection<String> sourcedIds) {
        Map<String, String> names = new HashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            IdChunks.query(connection, "SELECT sourced_id, given_name, family_name FROM person WHERE tenant_id = ? "
                    + "AND sourced_id IN (" + IdChunks.IDS + ")", tenant.value(), sourcedIds,
                    rs -> names.put(rs.getString(1), RosterPerson.displayName(rs.getString(2), rs.getString(3), rs.getString(1))));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read names", e);
        }
        return names;
    }

    private static PersonSummary summary(ResultSet rs) throws SQLException {
        return new PersonSummary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                PeopleStore.split(rs.getString(6)), rs.getBoolean(7), rs.getBoolean(8), rs.getInt(9));
    }

    public record Family(PersonSummary person, List<FamilyLink> links) {
    }
}
