package org.kinbridge.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kinbridge.family.FamilyDirectory.Filter;
import org.kinbridge.shared.TenantId;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The filters' SQL on both databases Kinbridge runs on (embedded H2, the default, and PostgreSQL), without a
 * server: a whole-tenant rebuild gives each filter exactly its members (done by the first reader of a stale tenant),
 * a refresh around the people a change touched follows the change (at once, or once an import has committed), lists come in list order with or without a
 * search, and a school imported before the filters existed gets them when they are first read. The journeys over HTTP are FamilyFiltersIT.
 */
class FamilyFiltersTest {

    private static final TenantId TENANT = new TenantId("t-filters");
    private static final TenantId OTHER = new TenantId("t-other");

    static Stream<Arguments> databases() {
        return Stream.of(Arguments.of("h2"), Arguments.of("postgresql"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void eachFilterHoldsExactlyItsMembersAndFollowsChanges(String vendor) throws Exception {
        try (Database database = Database.migrated(vendor)) {
            DataSource data = database.dataSource;
            aSchool(data, TENANT);
            aSchool(data, OTHER); // the same ids in another school never leak in
            FamilyFilters filters = new FamilyFilters(data);
            FamilyDirectory directory = new FamilyDirectory(data, filters);
            filters.markStale(TENANT);
            filters.markStale(OTHER);
            assertTrue(filters.behind(TENANT));

            assertEquals(List.of("stu-3"), ids(directory, Filter.NO_PARENTS, ""), "a reader rebuilds stale filters first");
            assertFalse(filters.behind(TENANT));
            assertEquals(List.of("rel-2", "par-2"), ids(directory, Filter.PARENTS_WITHOUT_EMAIL, ""), "Adams before Brook");
            assertEquals(List.of("rel-2", "rel-1"), ids(directory, Filter.RELATIVES, ""), "in list order: Adams before Young");
            assertEquals(List.of("rel-2", "stu-1", "stu-2", "stu-4", "par-1", "par-2", "stu-3", "adu-9", "rel-1"),
                    ids(directory, Filter.ALL, ""));
            assertEquals(List.of("stu-1", "stu-2", "stu-4", "stu-3"), ids(directory, Filter.STUDENTS, ""));
            assertEquals(List.of("rel-2", "par-1", "par-2", "adu-9", "rel-1"), ids(directory, Filter.ADULTS, ""));

            // par-2 loses its only link and stu-2 its only parent; rel-1 becomes an email-less parent of stu-3.
            execute(data, "UPDATE guardian_link SET active = FALSE WHERE tenant_id = ? AND guardian_sourced_id = 'par-2'", TENANT);
            execute(data, "UPDATE person SET email = NULL WHERE tenant_id = ? AND sourced_id = 'rel-1'", TENANT);
            link(data, TENANT, "stu-3", "rel-1", "parent");
            filters.refreshAround(TENANT, List.of("par-2", "stu-2", "rel-1", "stu-3"));
            assertEquals(List.of("stu-2"), ids(directory, Filter.NO_PARENTS, ""));
            assertEquals(List.of("rel-2", "rel-1"), ids(directory, Filter.PARENTS_WITHOUT_EMAIL, ""));
            assertEquals(List.of("rel-2", "rel-1"), ids(directory, Filter.RELATIVES, ""));

            // A student who leaves the roster is no longer missing parents; a renamed relative moves in the list.
            execute(data, "UPDATE person SET active = FALSE WHERE tenant_id = ? AND sourced_id = 'stu-2'", TENANT);
            execute(data, "UPDATE person SET family_name = 'Aaron', family_key = 'aaron' WHERE tenant_id = ? AND sourced_id = 'rel-1'", TENANT);
            filters.refreshAround(TENANT, List.of("stu-2", "rel-1"));
            assertEquals(List.of(), ids(directory, Filter.NO_PARENTS, ""));
            assertEquals(List.of("rel-1", "rel-2"), ids(directory, Filter.RELATIVES, ""));

            // An import leaves the refresh until it has committed: the people it touched wait, and a reader catches up.
            execute(data, "UPDATE guardian_link SET active = FALSE WHERE tenant_id = ? AND student_sourced_id = 'stu-4'", TENANT);
            filters.markPending(TENANT, List.of("stu-4", "par-1"));
            filters.markPending(TENANT, List.of("stu-4", "rel-2"));
            assertTrue(filters.behind(TENANT));
            assertEquals(List.of("rel-1", "rel-2"), stored(data, Filter.RELATIVES), "nothing refreshed before the import commits");
            assertEquals(List.of("stu-4"), ids(directory, Filter.NO_PARENTS, ""), "a reader refreshes the pending people first");
            assertEquals(List.of("rel-1"), ids(directory, Filter.RELATIVES, ""));
            assertFalse(filters.behind(TENANT));
            assertEquals(0, count(data, "SELECT COUNT(*) FROM family_filter_pending"), "the pending ids are gone");

            assertEquals(List.of("stu-3"), ids(directory, Filter.NO_PARENTS, "", OTHER), "the other school is untouched");
            filters.markStale(TENANT);
            filters.refreshAround(TENANT, List.of("stu-3"));
            filters.markPending(TENANT, List.of("stu-3"));
            filters.catchUp(TENANT);
            assertEquals(List.of("rel-1"), ids(directory, Filter.RELATIVES, ""), "a whole rebuild agrees");
            assertEquals(List.of("stu-4"), ids(directory, Filter.NO_PARENTS, ""));
            assertFalse(filters.behind(TENANT));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void searchesPagesAndCountsWithinAFilter(String vendor) throws Exception {
        try (Database database = Database.migrated(vendor)) {
            DataSource data = database.dataSource;
            aSchool(data, TENANT);
            FamilyFilters filters = new FamilyFilters(data);
            filters.markStale(TENANT);
            filters.catchUp(TENANT);
            FamilyDirectory directory = new FamilyDirectory(data, filters);

            assertEquals(List.of("rel-2"), ids(directory, Filter.RELATIVES, "ada"), "family name prefix");
            assertEquals(List.of("rel-1"), ids(directory, Filter.RELATIVES, "You"), "given or family name prefix, any case");
            assertEquals(List.of(), ids(directory, Filter.RELATIVES, "yo_"), "an underscore is no wildcard");
            assertEquals(List.of("rel-1"), ids(directory, Filter.RELATIVES, "ruth.y"), "username prefix");
            assertEquals(List.of("rel-1"), ids(directory, Filter.RELATIVES, "rel-1"), "exact sourcedId");
            assertEquals(List.of(), ids(directory, Filter.PARENTS_WITHOUT_EMAIL, "ruth"));
            assertEquals(List.of("stu-1", "stu-2", "stu-4"), ids(directory, Filter.STUDENTS, "brook"));

            FamilyDirectory.Page second = directory.search(TENANT, "", Filter.ALL, 1, 3);
            assertEquals(List.of("stu-1", "stu-2", "stu-4"), second.items().stream().map(PersonSummary::sourcedId).toList());
            assertEquals(9, second.total());
            assertFalse(second.totalIsEstimate());
            PersonSummary stu1 = second.items().get(0);
            assertEquals(List.of("Ava", "Brook", true, true, 3), List.of(stu1.givenName(), stu1.familyName(), stu1.student(),
                    stu1.active(), stu1.activeLinks()));
            assertEquals(0, directory.search(TENANT, "", Filter.RELATIVES, 2, 25).items().size());
            assertEquals(2, directory.search(TENANT, "", Filter.RELATIVES, 2, 25).total());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aSchoolImportedBeforeTheFiltersExistedGetsThemOnFirstRead(String vendor) throws Exception {
        try (Database database = Database.migrated(vendor, "11")) {
            DataSource data = database.dataSource;
            aSchool(data, TENANT);
            database.migrateToLatest();
            FamilyFilters filters = new FamilyFilters(data);
            assertTrue(filters.behind(TENANT), "the migration leaves the members to the first reader");
            FamilyDirectory directory = new FamilyDirectory(data, filters);
            assertEquals(List.of("rel-2", "rel-1"), ids(directory, Filter.RELATIVES, ""));
            assertFalse(filters.behind(TENANT));
        }
    }

    /**
     * Brooks: stu-1 and stu-2 with parents par-1 (email) and par-2 (none); stu-4 with par-1; stu-3 Cole with no
     * parent; relatives rel-1 Ruth Young (email) of stu-1 and rel-2 Ada Adams (none) of stu-4; adu-9 Dee with no child.
     */
    private static void aSchool(DataSource data, TenantId tenant) throws SQLException {
        execute(data, "INSERT INTO tenant (id, name, created_at) VALUES (?, 'School', CURRENT_TIMESTAMP)", tenant);
        person(data, tenant, "stu-1", "Ava", "Brook", "ava@school.example", true);
        person(data, tenant, "stu-2", "Ben", "Brook", null, true);
        person(data, tenant, "stu-4", "Cy", "Brook", null, true);
        person(data, tenant, "stu-3", "Cal", "Cole", null, true);
        person(data, tenant, "par-1", "Paula", "Brook", "paula@mail.example", false);
        person(data, tenant, "par-2", "Peter", "Brook", null, false);
        person(data, tenant, "rel-1", "Ruth", "Young", "ruth@mail.example", false);
        person(data, tenant, "rel-2", "Ada", "Adams", null, false);
        person(data, tenant, "adu-9", "Dee", "Dee", null, false);
        link(data, tenant, "stu-1", "par-1", "parent");
        link(data, tenant, "stu-1", "par-2", "parent");
        link(data, tenant, "stu-2", "par-2", "parent");
        link(data, tenant, "stu-4", "par-1", "parent");
        link(data, tenant, "stu-1", "rel-1", "relative");
        link(data, tenant, "stu-4", "rel-2", "relative");
    }

    private static void person(DataSource data, TenantId tenant, String id, String given, String family, String email,
                               boolean student) throws SQLException {
        try (Connection connection = data.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO person (tenant_id, sourced_id, active, roles, given_name, family_name, username, email, "
                        + "agent_sourced_ids, org_sourced_ids, fingerprint, updated_at, family_key, given_key, username_key, is_student) "
                        + "VALUES (?, ?, TRUE, ?, ?, ?, ?, ?, '', '', 'f', ?, ?, ?, ?, ?)")) {
            String username = (given + "." + family).toLowerCase();
            Object[] values = {tenant.value(), id, student ? "student" : "parent", given, family, username, email,
                Timestamp.from(Instant.now()), family.toLowerCase(), given.toLowerCase(), username, student};
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            insert.executeUpdate();
        }
    }

    private static void link(DataSource data, TenantId tenant, String student, String guardian, String role) throws SQLException {
        try (Connection connection = data.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO guardian_link (tenant_id, student_sourced_id, guardian_sourced_id, guardian_role, active, source, "
                        + "source_ref, created_at, updated_at) VALUES (?, ?, ?, ?, TRUE, 'MANUAL', 'test', ?, ?)")) {
            Timestamp now = Timestamp.from(Instant.now());
            Object[] values = {tenant.value(), student, guardian, role, now, now};
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            insert.executeUpdate();
        }
    }

    private static void execute(DataSource data, String sql, TenantId tenant) throws SQLException {
        try (Connection connection = data.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, tenant.value());
            statement.executeUpdate();
        }
    }

    /** The members stored for the filter, as the table holds them now. */
    private static List<String> stored(DataSource data, Filter filter) throws SQLException {
        List<String> members = new ArrayList<>();
        try (Connection connection = data.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT sourced_id FROM family_filter WHERE tenant_id = ? AND filter = ? ORDER BY sourced_id")) {
            select.setString(1, TENANT.value());
            select.setString(2, filter.name());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    members.add(rs.getString(1));
                }
            }
        }
        return members;
    }

    private static int count(DataSource data, String sql) throws SQLException {
        try (Connection connection = data.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static List<String> ids(FamilyDirectory directory, Filter filter, String query) {
        return ids(directory, filter, query, TENANT);
    }

    private static List<String> ids(FamilyDirectory directory, Filter filter, String query, TenantId tenant) {
        return directory.search(tenant, query, filter, 0, 200).items().stream().map(PersonSummary::sourcedId).toList();
    }

    /** A freshly migrated database: an H2 in memory, or a PostgreSQL schema of its own, dropped on close. */
    private record Database(DataSource dataSource, String vendor, String schema) implements AutoCloseable {

        static Database migrated(String vendor) {
            return migrated(vendor, "latest");
        }

        /** Migrated up to {@code version} ("latest" for all). */
        static Database migrated(String vendor, String version) {
            Database database;
            if (vendor.equals("h2")) {
                JdbcDataSource h2 = new JdbcDataSource();
                h2.setURL("jdbc:h2:mem:filters-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
                database = new Database(h2, vendor, null);
            } else {
                PGSimpleDataSource postgres = new PGSimpleDataSource();
                String schema = "kb_filters_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
                postgres.setURL("jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema);
                postgres.setUser("postgres");
                database = new Database(postgres, vendor, schema);
            }
            try {
                database.flyway(version).migrate();
            } catch (RuntimeException e) {
                try {
                    database.close();
                } catch (SQLException closing) {
                    e.addSuppressed(closing);
                }
                throw e;
            }
            return database;
        }

        void migrateToLatest() {
            flyway("latest").migrate();
        }

        private Flyway flyway(String version) {
            var configuration = Flyway.configure().dataSource(dataSource).target(version)
                    .locations("classpath:db/migration", "classpath:db/vendor/" + vendor);
            return (schema == null ? configuration : configuration.schemas(schema).createSchemas(true)).load();
        }

        @Override
        public void close() throws SQLException {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute(schema == null ? "SHUTDOWN" : "DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }
}
