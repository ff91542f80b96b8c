package org.kinbridge.family;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kinbridge.audit.AuditLog;
import org.kinbridge.shared.TenantId;

/**
 * A delta import's look-ups and writes at the store level, on both databases Kinbridge runs on: PostgreSQL stages
 * changed people and links and rewrites them with one statement each and reads ids as arrays, H2 (the zero-setup
 * default) keeps its batches and IN lists. Both must leave exactly the same rows and audit trail. Plain JUnit: the
 * stores share one connection in one transaction, as they do inside an import's transaction.
 */
class DeltaWritesTest {

    private static final TenantId TENANT = new TenantId("delta-school");
    private static final Instant BULK_AT = Instant.parse("2026-09-01T08:00:00Z");
    private static final Instant DELTA_AT = Instant.parse("2026-11-20T08:00:00Z");
    private static final Instant RESTORE_AT = Instant.parse("2026-11-21T08:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aDeltaRewritesPeopleAndEndsRestoresAndReRolesLinksInPlace(String database) throws Exception {
        try (OneTransaction db = OneTransaction.migrated(database)) {
            PeopleStore people = wire(new PeopleStore(), db.dataSource());
            AuditLog audit = wire(new AuditLog(), db.dataSource());
            NewLinkHolds holds = wire(new NewLinkHolds(), db.dataSource(), audit, Clock.fixed(BULK_AT, ZoneOffset.UTC));
            GuardianLinks links = wire(new GuardianLinks(), db.dataSource(), audit, holds);
            RejectedListings rejected = wire(new RejectedListings(), db.dataSource());
            db.update("INSERT INTO tenant (id, name, created_at) VALUES (?, ?, ?)", TENANT.value(), "Delta school",
                    Timestamp.from(BULK_AT));

            // The bulk: two pupils, two parents, three links.
            try (PeopleStore.Writer writer = people.writer(TENANT, "bulk", BULK_AT)) {
                writer.insert(person("stu-1", "student", "Ava", "ava@school.example", "par-1", "par-2"));
                writer.insert(person("stu-2", "student", "Ben", "ben@school.example", "par-1"));
                writer.insert(person("par-1", "parent", "Paula", "paula@mail.example"));
                writer.insert(person("par-2", "parent", "Peter", "peter@mail.example"));
            }
            links.apply(TENANT, links.plan(TENANT, Set.of(link("stu-1", "par-1", GuardianRole.PARENT),
                    link("stu-1", "par-2", GuardianRole.PARENT), link("stu-2", "par-1", GuardianRole.PARENT))),
                    "import:bulk", "bulk", BULK_AT);

            // A delta renames par-2, adds par-3 for stu-2, ends stu-1 <- par-2 and makes par-1 stu-2's guardian. The
            // look-up names a thousand unknown ids too: H2 reads them in several IN lists.
            Set<String> focus = new LinkedHashSet<>(List.of("stu-1", "stu-2", "par-1", "par-2", "par-3"));
            List<String> looked = new ArrayList<>(focus);
            IntStream.range(0, 1200).forEach(i -> looked.add("unknown-" + i));
            assertEquals(Set.of("stu-1", "stu-2", "par-1", "par-2"), people.find(TENANT, looked).keySet());
            RosterPerson renamed = person("par-2", "parent", "Pete", "pete@new.example");
            try (PeopleStore.Writer writer = people.writer(TENANT, "delta-1", DELTA_AT)) {
                writer.insert(person("par-3", "parent", "Quinn", "quinn@mail.example", "stu-2"));
                writer.updateAll(List.of(renamed));
            }
            List<StoredLink> around = links.linksAround(TENANT, focus);
            assertEquals(3, around.size(), around.toString());
            LinkPlan plan = links.planAround(TENANT, Set.of(link("stu-1", "par-1", GuardianRole.PARENT),
                    link("stu-2", "par-1", GuardianRole.GUARDIAN), link("stu-2", "par-3", GuardianRole.PARENT)), around);
            assertEquals(List.of(1, 0, 1, 1, 1), List.of(plan.toCreate().size(), plan.toReactivate().size(),
                    plan.toChangeRole().size(), plan.toEnd().size(), plan.unchanged()));
            links.apply(TENANT, plan, "import:delta-1", "delta-1", DELTA_AT);
            rejected.replaceAround(TENANT, rejected.around(TENANT, focus), List.of(new RejectedLink("par-2", "stu-9", LinkRejection.DANGLING)));

            assertEquals(List.of(
                    "par-1|parent|Paula|paula|paula@mail.example|bulk|2026-09-01T08:00:00Z|true",
                    "par-2|parent|Pete|pete|pete@new.example|delta-1|2026-11-20T08:00:00Z|true",
                    "par-3|parent|Quinn|quinn|quinn@mail.example|delta-1|2026-11-20T08:00:00Z|true",
                    "stu-1|student|Ava|ava|ava@school.example|bulk|2026-09-01T08:00:00Z|true",
                    "stu-2|student|Ben|ben|ben@school.example|bulk|2026-09-01T08:00:00Z|true"), db.people());
            assertEquals(renamed.fingerprint(), db.rows("SELECT fingerprint FROM person WHERE sourced_id = 'par-2'").get(0));
            assertEquals(List.of(
                    "stu-1|par-1|parent|true|ROSTER|bulk|2026-09-01T08:00:00Z|null",
                    "stu-1|par-2|parent|false|ROSTER|delta-1|2026-11-20T08:00:00Z|2026-11-20T08:00:00Z",
                    "stu-2|par-1|guardian|true|ROSTER|delta-1|2026-11-20T08:00:00Z|null",
                    "stu-2|par-3|parent|true|ROSTER|delta-1|2026-11-20T08:00:00Z|null"), db.links());
            assertEquals(Set.of("stu-9"), rejected.counterparts(TENANT, Set.of("par-2")));
            // Only what differs is written: the same pair again changes nothing, a new reason replaces the old one.
            rejected.replaceAround(TENANT, rejected.around(TENANT, focus), List.of(new RejectedLink("par-2", "stu-9", LinkRejection.DANGLING)));
            assertEquals(List.of("par-2|stu-9|DANGLING"), db.rows("SELECT lister_sourced_id, listed_sourced_id, reason FROM rejected_listing"));
            rejected.replaceAround(TENANT, rejected.around(TENANT, focus), List.of(new RejectedLink("par-2", "stu-9", LinkRejection.INACTIVE),
                    new RejectedLink("stu-2", "tch-1", LinkRejection.TEACHER)));
            assertEquals(List.of("par-2|stu-9|INACTIVE", "stu-2|tch-1|TEACHER"),
                    db.rows("SELECT lister_sourced_id, listed_sourced_id, reason FROM rejected_listing"));
            rejected.replaceAround(TENANT, rejected.around(TENANT, focus), List.of(new RejectedLink("par-2", "stu-9", LinkRejection.DANGLING)));

            // The next delta lists par-2 for stu-1 again, as a relative: the ended link comes back in that role.
            Set<String> again = Set.of("stu-1", "par-2");
            links.apply(TENANT, links.planAround(TENANT, Set.of(link("stu-1", "par-1", GuardianRole.PARENT),
                    link("stu-1", "par-2", GuardianRole.RELATIVE)), links.linksAround(TENANT, again)),
                    "import:delta-2", "delta-2", RESTORE_AT);
            rejected.replaceAround(TENANT, rejected.around(TENANT, again), List.of());

            assertEquals(List.of(
                    "stu-1|par-1|parent|true|ROSTER|bulk|2026-09-01T08:00:00Z|null",
                    "stu-1|par-2|relative|true|ROSTER|delta-2|2026-11-21T08:00:00Z|null",
                    "stu-2|par-1|guardian|true|ROSTER|delta-1|2026-11-20T08:00:00Z|null",
                    "stu-2|par-3|parent|true|ROSTER|delta-1|2026-11-20T08:00:00Z|null"), db.links());
            assertEquals(Set.of(), rejected.counterparts(TENANT, Set.of("par-2")));
            assertEquals(List.of(
                    "import:bulk|link.created|stu-1 <- par-1|source bulk",
                    "import:bulk|link.created|stu-1 <- par-2|source bulk",
                    "import:bulk|link.created|stu-2 <- par-1|source bulk",
                    "import:delta-1|link.created|stu-2 <- par-3|source delta-1",
                    "import:delta-1|link.ended|stu-1 <- par-2|no current roster row lists it",
                    "import:delta-1|link.role_changed|stu-2 <- par-1|role guardian",
                    "import:delta-2|link.restored|stu-1 <- par-2|role relative"),
                    db.rows("SELECT actor || '|' || action || '|' || subject || '|' || detail FROM audit_entry "
                            + "WHERE tenant_id = 'delta-school'"));
        }
    }

    private static RosterPerson person(String sourcedId, String role, String givenName, String email, String... agents) {
        return new RosterPerson(sourcedId, true, Optional.of(true), List.of(role), Optional.of(role), givenName, "Brook",
                null, email, null, List.of(agents), List.of("org-1"));
    }

    private static ParentChildLink link(String student, String guardian, GuardianRole role) {
        return new ParentChildLink(student, guardian, role);
    }

    /** Sets each field of {@code bean} that one of {@code dependencies} fits, as the container would inject it. */
    private static <T> T wire(T bean, Object... dependencies) throws IllegalAccessException {
        for (Field field : bean.getClass().getDeclaredFields()) {
            for (Object dependency : dependencies) {
                if (!java.lang.reflect.Modifier.isStatic(field.getModifiers()) && field.getType().isInstance(dependency)) {
                    field.setAccessible(true);
                    field.set(bean, dependency);
                }
            }
        }
        return bean;
    }

    /** A migrated database (an in-memory H2, or a fresh PostgreSQL schema) and one open transaction on it. */
    private record OneTransaction(Connection connection, Optional<String> schema) implements AutoCloseable {

        static OneTransaction migrated(String database) throws SQLException {
            Optional<String> schema = database.equals("postgresql")
                    ? Optional.of("kb_delta_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)) : Optional.empty();
            String url = schema.map(name -> "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + name)
                    .orElse("jdbc:h2:mem:delta-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            String user = schema.isPresent() ? "postgres" : "sa";
            var flyway = Flyway.configure().dataSource(url, user, "")
                    .locations("classpath:db/migration", "classpath:db/vendor/" + database);
            schema.ifPresent(name -> flyway.schemas(name).createSchemas(true));
            flyway.load().migrate();
            Connection connection = DriverManager.getConnection(url, user, "");
            connection.setAutoCommit(false);
            return new OneTransaction(connection, schema);
        }

        /** Hands out the one connection; closing a handle leaves it open, as a container's pool would. */
        DataSource dataSource() {
            Connection handle = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> method.getName().equals("close") ? null : invoke(method, args));
            return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                    (proxy, method, args) -> method.getName().equals("getConnection") ? handle : null);
        }

        private Object invoke(java.lang.reflect.Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(connection, args);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
            }
        }

        void update(String sql, Object... values) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    statement.setObject(i + 1, values[i]);
                }
                statement.executeUpdate();
            }
        }

        /** The rows as {@code a|b|c} lines, sorted here rather than by either database's collation. */
        List<String> rows(String sql) throws SQLException {
            List<String> rows = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(sql); ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    List<String> columns = new ArrayList<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        Object value = rs.getObject(i);
                        columns.add(value instanceof Timestamp at ? at.toInstant().toString() : String.valueOf(value));
                    }
                    rows.add(String.join("|", columns));
                }
            }
            rows.sort(null);
            return rows;
        }

        List<String> people() throws SQLException {
            return rows("SELECT sourced_id, roles, given_name, given_key, email, last_import_id, updated_at, active FROM person "
                    + "WHERE tenant_id = 'delta-school'");
        }

        List<String> links() throws SQLException {
            return rows("SELECT student_sourced_id, guardian_sourced_id, guardian_role, active, source, source_ref, updated_at, "
                    + "ended_at FROM guardian_link WHERE tenant_id = 'delta-school'");
        }

        @Override
        public void close() throws SQLException {
            try (connection) {
                connection.rollback();
                if (schema.isPresent()) {
                    connection.setAutoCommit(true);
                    connection.createStatement().execute("DROP SCHEMA " + schema.get() + " CASCADE");
                }
            }
        }
    }
}
