package org.kinbridge.shared.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date before anything else touches the database, then announces
 * {@link DatabaseReady} so start-up work (keys, demo data) can run. Flyway's own lock keeps
 * several nodes starting together from migrating twice.
 */
@ApplicationScoped
public class DatabaseMigration {

    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

    @Resource(lookup = DatasourceDefinition.JNDI_NAME)
    private DataSource dataSource;

    @Inject
    private Event<DatabaseReady> ready;

    private volatile boolean migrated;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        DatabaseSettings settings = DatabaseSettings.fromConfig(ConfigProvider.getConfig(getClass().getClassLoader()));
        var configuration = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations(settings.migrationLocations())
                .failOnMissingLocations(true);
        settings.schema().ifPresent(schema -> configuration.schemas(schema).createSchemas(true));
        try {
            MigrateResult result = configuration.load().migrate();
            LOG.log(Level.INFO, "Database schema at version {0} ({1} migrations applied)",
                    new Object[] {result.targetSchemaVersion, result.migrationsExecuted});
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Database migration failed; Kinbridge will not report ready", e);
            throw e;
        }
        migrated = true;
        ready.fire(new DatabaseReady());
    }

    public boolean isMigrated() {
        return migrated;
    }
}
