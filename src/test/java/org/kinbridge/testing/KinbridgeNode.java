package org.kinbridge.testing;

import com.icegreen.greenmail.util.GreenMail;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * One Kinbridge jar of a test that runs several (cross-product links): its own port, PostgreSQL schema,
 * work folder and settings, mail to the test's SMTP server. It can be stopped and started again on the
 * same schema, as a peer that goes down and comes back.
 */
public class KinbridgeNode {

    public final String name;
    public final String schema;
    public final Map<String, String> env = new HashMap<>();
    private final Path work;
    private final String[] args;
    private RunningJar jar;
    private String base;
    private int starts;

    /** @param args the jar's command-line flags, e.g. {@code --demo} */
    public KinbridgeNode(String name, String schemaPrefix, String operatorToken, GreenMail smtp, String... args) {
        this.name = name;
        this.schema = TestRunSettings.freshSchema(schemaPrefix + name);
        this.work = TestRunSettings.workDir(schemaPrefix + name + "-" + System.nanoTime());
        this.args = args.clone();
        env.putAll(TestRunSettings.serverEnvironment(schema, operatorToken));
        env.put("KINBRIDGE_SMTP_HOST", "127.0.0.1");
        env.put("KINBRIDGE_SMTP_PORT", String.valueOf(smtp.getSmtp().getPort()));
    }

    /** Starts the jar (again) and waits until it is ready; each start logs to its own file. */
    public KinbridgeNode start() {
        jar = RunningJar.start(env, work.resolve("run-" + (++starts) + ".log"), args);
        base = jar.base();
        return this;
    }

    public String base() {
        return base;
    }

    public void stop() {
        if (jar != null) {
            jar.close();
            jar = null;
        }
    }

    /** Starts every node at once (each start takes several seconds) and waits for all. */
    public static void startTogether(KinbridgeNode... nodes) {
        CompletableFuture.allOf(Stream.of(nodes).map(node -> CompletableFuture.runAsync(node::start))
                .toArray(CompletableFuture[]::new)).join();
    }

    /** Stops the jar and drops its schema; safe on a node that never started. */
    public void discard() throws SQLException {
        stop();
        TestRunSettings.dropSchema(schema);
    }
}
