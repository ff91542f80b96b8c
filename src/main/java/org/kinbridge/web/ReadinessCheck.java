package org.kinbridge.web;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.kinbridge.shared.persistence.DatabaseMigration;
import org.kinbridge.shared.persistence.DatasourceDefinition;

/** Ready once the schema is migrated and the database answers: then launches can be taken. */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    @Inject
    private DatabaseMigration migration;

    @Resource(lookup = DatasourceDefinition.JNDI_NAME)
    private DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("database").withData("migrated", migration.isMigrated());
        if (!migration.isMigrated()) {
            return response.down().build();
        }
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2) ? response.up().build() : response.down().build();
        } catch (SQLException e) {
            return response.down().withData("reason", "database unreachable").build();
        }
    }
}
