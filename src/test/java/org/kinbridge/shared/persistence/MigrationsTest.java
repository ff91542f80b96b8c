package org.kinbridge.shared.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

/** Every migration runs on both databases we support: embedded H2 (the default) and PostgreSQL. */
class MigrationsTest {

    private static final String[] TABLES = {"tenant", "platform_registration", "platform_deployment",
        "registration_invitation", "tool_key", "tool_secret", "login_state", "used_nonce", "startup_lock", "roster_import",
        "import_issue", "person", "roster_relationship", "guardian_link", "audit_entry", "link_block"};

    @Test
    void migrateAnEmptyH2Database() throws Exception {
        DatabaseSettings settings = new DatabaseSettings(
                "jdbc:h2:mem:migrations-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", Optional.empty(), Optional.empty());
        DataSource h2 = UrlRoutedDataSource.create(settings);
        assertMigratesCompletely(Flyway.configure().dataSource(h2).locations(settings.migrationLocations()),
                h2, null, "h2");
    }

    @Test
    void migrateAFreshPostgresqlSchema() throws Exception {
        String schema = "kb_migration_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        DatabaseSettings settings = new DatabaseSettings(
                "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema, Optional.of("postgres"), Optional.empty());
        assertEquals(Optional.of(schema), settings.schema());
        DataSource postgres = UrlRoutedDataSource.create(settings);
        try {
            assertMigratesCompletely(Flyway.configure().dataSource(postgres).locations(settings.migrationLocations())
                    .schemas(schema).createSchemas(true), postgres, schema, "postgresql");
        } finally {
            try (Connection connection = postgres.getConnection()) {
                connection.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    @Test
    void onlyH2AndPostgresqlUrlsAreAccepted() {
        var mysql = new DatabaseSettings("jdbc:mysql://localhost/kinbridge", Optional.empty(), Optional.empty());
        IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> UrlRoutedDataSource.create(mysql));
        assertTrue(refused.getMessage().contains("KINBRIDGE_DB_URL"));
    }

    private static void assertMigratesCompletely(org.flywaydb.core.api.configuration.FluentConfiguration configuration,
                                                 DataSource dataSource, String schema, String vendor) throws Exception {
        MigrateResult result = configuration.load().migrate();
        assertEquals(migrationFileCount("src/main/resources/db/migration") + migrationFileCount("src/main/resources/db/vendor/" + vendor),
                result.migrationsExecuted);
        assertEquals(0, configuration.load().migrate().migrationsExecuted, "a second run has nothing to do");
        configuration.load().validate();
        try (Connection connection = dataSource.getConnection()) {
            for (String table : TABLES) {
                assertTrue(tableExists(connection, schema, table), table + " exists");
            }
        }
    }

    private static boolean tableExists(Connection connection, String schema, String table) throws SQLException {
        String name = connection.getMetaData().getDatabaseProductName().contains("H2") ? table.toUpperCase() : table;
        try (ResultSet tables = connection.getMetaData().getTables(null, schema, name, null)) {
            return tables.next();
        }
    }

    private static long migrationFileCount(String folder) throws Exception {
        try (Stream<Path> files = Files.list(Path.of(folder))) {
            return files.filter(f -> f.getFileName().toString().matches("V\\d+(_\\d+)*__.+\\.sql")).count();
        }
    }
}
