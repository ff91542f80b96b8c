package org.kinbridge.testing;

import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code java -jar target/kinbridge.jar} started the way an operator starts it: environment variables and flags. */
public final class RunningJar implements AutoCloseable {

    private final Process process;
    private final String base;
    private final Duration startUp;

    private RunningJar(Process process, String base, Duration startUp) {
        this.process = process;
        this.base = base;
        this.startUp = startUp;
    }

    public static RunningJar start(Map<String, String> environment, Path log, String... args) {
        String jar = System.getProperty("kinbridge.jar", "target/kinbridge.jar");
        if (!new File(jar).isFile()) {
            throw new IllegalStateException("Run through 'mvn verify': " + jar + " is built in the package phase");
        }
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"), "-jar", jar));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        try {
            Process process = builder.start();
            String base = "http://localhost:" + environment.get("KINBRIDGE_PORT");
            Duration startUp = awaitReady(process, base, started);
            return new RunningJar(process, base, startUp);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Duration awaitReady(Process process, String base, long started) {
        Http http = new Http();
        long deadline = started + Duration.ofSeconds(150).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("kinbridge.jar exited with " + process.exitValue());
            }
            try {
                HttpResponse<String> ready = http.get(base + "/health/ready");
                if (ready.statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - started);
                }
            } catch (IllegalStateException notListeningYet) {
                // keep polling
            }
            sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException("kinbridge.jar did not become ready within 150 s");
    }

    public String base() {
        return base;
    }

    public Duration startUp() {
        return startUp;
    }

    /** The server's process id (for thread dumps, /proc figures). */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Ends the server the way a crash or the OOM killer does: SIGKILL, so no shutdown hook, no orderly
     * transaction end, no last heartbeat. Returns once the process is gone.
     */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                throw new IllegalStateException("kinbridge.jar (pid " + process.pid() + ") outlived SIGKILL for 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
