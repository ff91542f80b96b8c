package org.kinbridge.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Settings for one test run, fixed before any test starts (Arquillian reads them from arquillian.xml):
 * a free HTTP port and a fresh PostgreSQL schema, so runs never collide; the schema is dropped at the end.
 * {@code KINBRIDGE_TEST_DB_URL} points the run at another PostgreSQL server.
 */
public class TestRunSettings implements LauncherSessionListener {

    static final String DEFAULT_SERVER = "jdbc:postgresql://127.0.0.1:5432/test";

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        try {
            // The build points java.io.tmpdir under target/; Payara Micro will not start without it.
            Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (System.getProperty("kb.test.port") != null) {
            return;
        }
        int port = freePort();
        String schema = "kb_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        System.setProperty("kb.test.port", String.valueOf(port));
        System.setProperty("kb.test.schema", schema);
        System.setProperty("kb.test.db.server", serverUrl());
        System.setProperty("kb.test.db.url", serverUrl() + "?currentSchema=" + schema);
        System.setProperty("kb.test.base.url", "http://localhost:" + port + "/kinbridge");
        System.setProperty("kb.test.preboot", Path.of("src/main/payara/pre-boot-commands.txt").toAbsolutePath().toString());
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        String schema = System.getProperty("kb.test.schema");
        if (schema == null) {
            return;
        }
        try {
            dropSchema(schema);
        } catch (SQLException e) {
            System.err.println("Could not drop test schema " + schema + ": " + e.getMessage());
        }
    }

    /** A new schema name for a server a test starts itself (Kinbridge creates it on start). */
    public static String freshSchema(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** The environment of {@code java -jar kinbridge.jar} on a free port and its own PostgreSQL schema. */
    public static java.util.Map<String, String> serverEnvironment(String schema, String operatorToken) {
        java.util.Map<String, String> env = new java.util.HashMap<>();
        env.put("KINBRIDGE_PORT", String.valueOf(freePort()));
        env.put("KINBRIDGE_DB_URL", schemaUrl(schema));
        env.put("KINBRIDGE_DB_USER", "postgres");
        env.put("KINBRIDGE_OPERATOR_TOKEN", operatorToken);
        return env;
    }

    /** A connection to the test server working in {@code schema}, e.g. to read what a server a test started wrote. */
    public static Connection connectTo(String schema) throws SQLException {
        return DriverManager.getConnection(schemaUrl(schema), "postgres", "");
    }

    public static void dropSchema(String schema) throws SQLException {
        try (Connection connection = DriverManager.getConnection(serverUrl(), "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private static String schemaUrl(String schema) {
        return serverUrl() + "?currentSchema=" + schema;
    }

    static String serverUrl() {
        String configured = System.getenv("KINBRIDGE_TEST_DB_URL");
        return configured == null || configured.isBlank() ? DEFAULT_SERVER : configured;
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port", e);
        }
    }

    /** A directory under target/ for files a test leaves behind. */
    public static Path workDir(String name) {
        try {
            return Files.createDirectories(Path.of("target", "test-work", name));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
