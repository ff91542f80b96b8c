package org.kinbridge.shared.persistence;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Declares the pooled, JTA-enlisted datasource. The JDBC URL and credentials come from MicroProfile
 * Config ({@code KINBRIDGE_DB_URL}, ...) through {@link UrlRoutedDataSource}, so one jar runs anywhere.
 */
@DataSourceDefinition(
        name = DatasourceDefinition.JNDI_NAME,
        className = "org.kinbridge.shared.persistence.UrlRoutedDataSource",
        minPoolSize = 2,
        maxPoolSize = 40,
        initialPoolSize = 2,
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=meta-data",
            "fish.payara.fail-all-connections=true"
        })
@ApplicationScoped
public class DatasourceDefinition {

    public static final String JNDI_NAME = "java:app/jdbc/kinbridge";
}
