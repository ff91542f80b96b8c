package org.kinbridge.shared.persistence;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A datasource that picks the JDBC driver from {@code KINBRIDGE_DB_URL}: a {@code @DataSourceDefinition}
 * fixes its class name at build time, while operators choose H2 or PostgreSQL at run time.
 */
public class UrlRoutedDataSource implements DataSource {

    static final String DEFAULT_URL = "jdbc:h2:./data/kinbridge;DB_CLOSE_ON_EXIT=FALSE";

    private volatile DataSource target;
    private PrintWriter logWriter;
    private int loginTimeout;

    private DataSource target() {
        DataSource current = target;
        if (current == null) {
            synchronized (this) {
                if (target == null) {
                    target = create(DatabaseSettings.fromConfig(config()));
                }
                current = target;
            }
        }
        return current;
    }

    private static Config config() {
        return ConfigProvider.getConfig(UrlRoutedDataSource.class.getClassLoader());
    }

    static DataSource create(DatabaseSettings settings) {
        String url = settings.url();
        if (url.startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setUrl(url);
            settings.user().ifPresent(pg::setUser);
            settings.password().ifPresent(pg::setPassword);
            pg.setReWriteBatchedInserts(true);
            pg.setApplicationName("kinbridge");
            return pg;
        }
        if (url.startsWith("jdbc:h2:")) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(url);
            h2.setUser(settings.user().orElse("sa"));
            h2.setPassword(settings.password().orElse(""));
            return h2;
        }
        throw new IllegalStateException("KINBRIDGE_DB_URL must start with jdbc:postgresql: or jdbc:h2:");
    }

    @Override
    public Connection getConnection() throws SQLException {
        return target().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return target().getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        return target().unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || target().isWrapperFor(iface);
    }
}
