package org.kinbridge.bench;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.kinbridge.testing.Http;
import org.kinbridge.testing.IdToken;
import org.kinbridge.testing.LtiFlow;
import org.kinbridge.testing.TestPlatform;

/**
 * Launch benchmark: acts as an LTI 1.3 platform (the test suite's {@link TestPlatform}, serving its JWKS on
 * loopback and signing RS256 id_tokens) against a running Kinbridge, and drives complete launches
 * (GET /lti/login answered 302 with state and nonce, then POST /lti/launch answered 200 text/html) from a
 * fixed number of client threads. A warm-up phase precedes the timed phase; both stop after a fixed count.
 *
 * <p>Options ({@code --name=value}, or the environment variable in brackets):
 * <ul>
 *   <li>{@code --base} Kinbridge's base URL [BENCH_BASE_URL], required</li>
 *   <li>{@code --token} the operator token [BENCH_OPERATOR_TOKEN], required</li>
 *   <li>{@code --launches} timed launches [BENCH_LAUNCHES], default 5000</li>
 *   <li>{@code --warmup} warm-up launches [BENCH_WARMUP], default 4000 (the JIT needs thousands of launches to settle)</li>
 *   <li>{@code --concurrency} client threads [BENCH_CONCURRENCY], default 8</li>
 *   <li>{@code --role} admin, learner or mentor [BENCH_ROLE], default admin</li>
 *   <li>{@code --users} distinct user ids (sub) cycled through [BENCH_USERS], default 200</li>
 *   <li>{@code --server-pid} Kinbridge's pid, for its RSS and CPU time [BENCH_SERVER_PID]</li>
 *   <li>{@code --jstack-dir} when set, takes {@code --jstack-samples} thread dumps of the server during the
 *       timed phase into this directory [BENCH_JSTACK_DIR, BENCH_JSTACK_SAMPLES (default 10)]</li>
 *   <li>{@code --jfr} when set, records the server with Java Flight Recorder (profile settings) during the
 *       timed phase into this file, through {@code jcmd} [BENCH_JFR_FILE]</li>
 * </ul>
 * Exits 0 when the timed phase had no errors, 1 otherwise, 2 when set-up failed.
 */
public final class LaunchBenchmark {

    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private final Http http = new Http();
    private final Options options;
    private final LtiFlow flow;

    private LaunchBenchmark(Options options) {
        this.options = options;
        this.flow = new LtiFlow(http, options.base);
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        int status = new LaunchBenchmark(options).run();
        System.exit(status);
    }

    private int run() throws Exception {
        System.out.printf(Locale.ROOT, "Kinbridge launch benchmark: base=%s launches=%d warmup=%d concurrency=%d role=%s users=%d%n",
                options.base, options.launches, options.warmup, options.concurrency, options.role, options.users);
        try (TestPlatform platform = new TestPlatform()) {
            String tenant;
            try {
                tenant = setUp(platform);
            } catch (RuntimeException e) {
                System.out.println("SET-UP FAILED: " + e.getMessage());
                return 2;
            }
            System.out.println("Platform " + platform.issuer() + " (client " + platform.clientId() + ") registered for tenant " + tenant);

            if (options.warmup > 0) {
                Phase warmup = runPhase(platform, "warm-up", options.warmup, false);
                warmup.print(false);
            }
            Phase timed = runPhase(platform, "timed", options.launches, true);
            timed.print(true);
            printServerMemory();
            System.out.printf(Locale.ROOT, "JWKS fetches by Kinbridge during the run: %d%n", platform.jwksFetches());
            return timed.errors.get() == 0 ? 0 : 1;
        }
    }

    /** A tenant and this platform registered through the operator API; answers the tenant id. */
    private String setUp(TestPlatform platform) {
        String auth = Http.bearer(options.token);
        HttpResponse<String> tenant = http.postJson(options.base + "/api/v1/tenants",
                "{\"name\":\"Benchmark School " + System.currentTimeMillis() + "\"}", "Authorization", auth);
        if (tenant.statusCode() != 201) {
            throw new IllegalStateException("POST /api/v1/tenants answered " + tenant.statusCode() + ": " + tenant.body());
        }
        String tenantId;
        try {
            tenantId = String.valueOf(JSONObjectUtils.parse(tenant.body()).get("id"));
        } catch (ParseException e) {
            throw new IllegalStateException("POST /api/v1/tenants answered no JSON: " + tenant.body());
        }
        HttpResponse<String> registered = http.postJson(options.base + "/api/v1/tenants/" + tenantId + "/platforms",
                platform.registrationJson(), "Authorization", auth);
        if (registered.statusCode() != 201) {
            throw new IllegalStateException("POST .../platforms answered " + registered.statusCode() + ": " + registered.body());
        }
        return tenantId;
    }

    private Phase runPhase(TestPlatform platform, String name, int count, boolean profiled) throws InterruptedException {
        Phase phase = new Phase(name, count, options.concurrency);
        AtomicInteger next = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        boolean recording = profiled && options.jfrFile != null && options.serverPid > 0
                && jcmd("JFR.start", "name=kinbridge-bench", "settings=profile");
        CpuSnapshot before = CpuSnapshot.take(options.serverPid);
        long start = System.nanoTime();
        for (int t = 0; t < options.concurrency; t++) {
            Thread worker = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    oneLaunch(platform, phase, i);
                }
            }, "bench-client-" + t);
            workers.add(worker);
            worker.start();
        }
        Thread sampler = !profiled || options.jstackDir == null || options.serverPid <= 0 ? null : startSampler(options.jstackDir, next, count);
        for (Thread worker : workers) {
            worker.join();
        }
        phase.wallNanos = System.nanoTime() - start;
        phase.cpu = CpuSnapshot.take(options.serverPid).minus(before);
        if (recording) {
            jcmd("JFR.stop", "name=kinbridge-bench", "filename=" + options.jfrFile.toAbsolutePath());
            System.out.println("Flight recording of the timed phase: " + options.jfrFile.toAbsolutePath());
        }
        if (sampler != null) {
            sampler.interrupt();
            sampler.join();
        }
        return phase;
    }

    private void oneLaunch(TestPlatform platform, Phase phase, int index) {
        long t0 = System.nanoTime();
        LtiFlow.Login login;
        try {
            login = flow.login(platform, "bench-hint-" + index);
        } catch (Throwable e) {
            phase.error("login", e.getMessage());
            return;
        }
        long t1 = System.nanoTime();
        String idToken;
        try {
            idToken = token(platform, login.nonce()).signed();
        } catch (RuntimeException e) {
            phase.error("sign", e.toString());
            return;
        }
        long t2 = System.nanoTime();
        HttpResponse<String> page;
        try {
            page = flow.launch(idToken, login.state());
        } catch (RuntimeException e) {
            phase.error("launch", e.getMessage());
            return;
        }
        long t3 = System.nanoTime();
        String type = page.headers().firstValue("Content-Type").orElse("");
        if (page.statusCode() != 200 || !type.startsWith("text/html")) {
            String body = page.body();
            phase.error("launch", page.statusCode() + " " + type + " " + body.substring(0, Math.min(200, body.length())).replaceAll("\\s+", " "));
            return;
        }
        phase.record(index, t1 - t0, t2 - t1, t3 - t2, t3 - t0);
    }

    private IdToken token(TestPlatform platform, String nonce) {
        IdToken token = platform.idToken(nonce, options.base + "/lti/launch")
                .claim("sub", "bench-user-" + ThreadLocalRandom.current().nextInt(options.users));
        return switch (options.role) {
            case "learner" -> token.roles(IdToken.LEARNER);
            case "mentor" -> token.roles(IdToken.MENTOR).lti("role_scope_mentor", List.of("student-1", "student-2"));
            default -> token;
        };
    }

    /** Thread dumps of the server, spread over the timed phase by progress (every count/samples launches). */
    private Thread startSampler(Path dir, AtomicInteger progress, int count) {
        Thread sampler = new Thread(() -> {
            try {
                Files.createDirectories(dir);
                int samples = options.jstackSamples;
                for (int s = 1; s <= samples; s++) {
                    int mark = (int) ((long) count * s / (samples + 1));
                    while (progress.get() < mark) {
                        Thread.sleep(20);
                    }
                    Process jstack = new ProcessBuilder("jstack", String.valueOf(options.serverPid))
                            .redirectErrorStream(true)
                            .redirectOutput(dir.resolve(String.format(Locale.ROOT, "jstack-%02d.txt", s)).toFile())
                            .start();
                    jstack.waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                System.out.println("jstack sampling failed: " + e);
            }
        }, "bench-jstack");
        sampler.setDaemon(true);
        sampler.start();
        return sampler;
    }

    /** Runs jcmd against the server; answers whether it succeeded. */
    private boolean jcmd(String... command) {
        List<String> line = new ArrayList<>(List.of("jcmd", String.valueOf(options.serverPid)));
        line.addAll(List.of(command));
        try {
            Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(jcmd.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            boolean ok = jcmd.waitFor() == 0;
            if (!ok) {
                System.out.println("jcmd " + String.join(" ", command) + " failed: " + output.trim());
            }
            return ok;
        } catch (IOException e) {
            System.out.println("jcmd failed: " + e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void printServerMemory() {
        if (options.serverPid <= 0) {
            return;
        }
        Map<String, String> status = procStatus(options.serverPid);
        System.out.printf(Locale.ROOT, "Server RSS after run: %s (peak VmHWM %s, threads %s)%n",
                status.getOrDefault("VmRSS", "?"), status.getOrDefault("VmHWM", "?"), status.getOrDefault("Threads", "?"));
    }

    static Map<String, String> procStatus(long pid) {
        Map<String, String> fields = new HashMap<>();
        try (Stream<String> lines = Files.lines(Path.of("/proc", String.valueOf(pid), "status"))) {
            lines.forEach(line -> {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    fields.put(line.substring(0, colon), line.substring(colon + 1).trim());
                }
            });
        } catch (IOException e) {
            // the process is gone; nothing to report
        }
        return fields;
    }

    /** Results of one phase: per-launch latencies (ns) by step, and errors by kind. */
    private static final class Phase {
        final String name;
        final int count;
        final int concurrency;
        final long[] login;
        final long[] sign;
        final long[] launch;
        final long[] total;
        final boolean[] ok;
        final AtomicInteger errors = new AtomicInteger();
        final Map<String, AtomicInteger> errorsByKind = new ConcurrentHashMap<>();
        final Map<String, String> firstErrorByKind = new ConcurrentHashMap<>();
        long wallNanos;
        CpuSnapshot cpu;

        Phase(String name, int count, int concurrency) {
            this.name = name;
            this.count = count;
            this.concurrency = concurrency;
            login = new long[count];
            sign = new long[count];
            launch = new long[count];
            total = new long[count];
            ok = new boolean[count];
        }

        void record(int index, long loginNanos, long signNanos, long launchNanos, long totalNanos) {
            login[index] = loginNanos;
            sign[index] = signNanos;
            launch[index] = launchNanos;
            total[index] = totalNanos;
            ok[index] = true;
        }

        void error(String kind, String message) {
            errors.incrementAndGet();
            errorsByKind.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
            firstErrorByKind.putIfAbsent(kind, String.valueOf(message));
        }

        void print(boolean detailed) {
            int succeeded = 0;
            for (boolean b : ok) {
                succeeded += b ? 1 : 0;
            }
            double seconds = wallNanos / 1e9;
            System.out.printf(Locale.ROOT, "%n== %s: %d launches, %d client threads, %.2f s%n", name, count, concurrency, seconds);
            System.out.printf(Locale.ROOT, "  throughput        %.1f complete launches/s (%d succeeded)%n", succeeded / seconds, succeeded);
            System.out.printf(Locale.ROOT, "  errors            %d%s%n", errors.get(), errors.get() == 0 ? "" : " " + errorsByKind);
            firstErrorByKind.forEach((kind, message) -> System.out.printf(Locale.ROOT, "    first %s error: %s%n", kind, message));
            System.out.printf(Locale.ROOT, "  latency ms        %8s %8s %8s %8s %8s%n", "p50", "p95", "p99", "max", "mean");
            printLatency("complete launch", total);
            if (detailed) {
                printLatency("  GET /lti/login", login);
                printLatency("  sign id_token", sign);
                printLatency("  POST /lti/launch", launch);
            }
            if (cpu != null && succeeded > 0) {
                double otherMs = cpu.machineBusyTicks * 1000.0 / CLOCK_TICKS_PER_SECOND - cpu.serverMs - cpu.postgresMs - cpu.clientMs;
                System.out.printf(Locale.ROOT, "  CPU ms per launch  server %.2f, postgres %.2f, benchmark client %.2f, everything else %.2f;"
                                + " machine busy %.0f%% of %d cores%n",
                        cpu.serverMs / succeeded, cpu.postgresMs / succeeded, cpu.clientMs / succeeded, Math.max(0, otherMs) / succeeded,
                        100.0 * cpu.machineBusyTicks / Math.max(1, cpu.machineTotalTicks), Runtime.getRuntime().availableProcessors());
            }
        }

        private void printLatency(String label, long[] values) {
            long[] sorted = new long[count];
            int n = 0;
            for (int i = 0; i < count; i++) {
                if (ok[i]) {
                    sorted[n++] = values[i];
                }
            }
            if (n == 0) {
                System.out.printf(Locale.ROOT, "  %-17s (no successful launches)%n", label);
                return;
            }
            sorted = Arrays.copyOf(sorted, n);
            Arrays.sort(sorted);
            double mean = Arrays.stream(sorted).average().orElse(0);
            System.out.printf(Locale.ROOT, "  %-17s %8.2f %8.2f %8.2f %8.2f %8.2f%n", label,
                    ms(percentile(sorted, 50)), ms(percentile(sorted, 95)), ms(percentile(sorted, 99)),
                    ms(sorted[n - 1]), mean / 1e6);
        }

        private static long percentile(long[] sorted, double p) {
            int rank = (int) Math.ceil(p / 100.0 * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
        }

        private static double ms(long nanos) {
            return nanos / 1e6;
        }
    }

    /** CPU time consumed so far by the server, by PostgreSQL's processes, by this JVM, and by the whole machine. */
    private record CpuSnapshot(double serverMs, double postgresMs, double clientMs, long machineBusyTicks, long machineTotalTicks) {

        static CpuSnapshot take(long serverPid) {
            double server = serverPid > 0 ? processCpuMs(Path.of("/proc", String.valueOf(serverPid), "stat")) : 0;
            double postgres = 0;
            try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                for (Path proc : (Iterable<Path>) procs::iterator) {
                    String name = proc.getFileName().toString();
                    if (name.chars().allMatch(Character::isDigit) && isPostgres(proc)) {
                        postgres += processCpuMs(proc.resolve("stat"));
                    }
                }
            } catch (IOException e) {
                // /proc unavailable: report zero
            }
            double client = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getProcessCpuTime() / 1e6 : 0;
            long[] machine = machineTicks();
            return new CpuSnapshot(server, postgres, client, machine[0], machine[1]);
        }

        CpuSnapshot minus(CpuSnapshot earlier) {
            return new CpuSnapshot(serverMs - earlier.serverMs, postgresMs - earlier.postgresMs, clientMs - earlier.clientMs,
                    machineBusyTicks - earlier.machineBusyTicks, machineTotalTicks - earlier.machineTotalTicks);
        }

        private static boolean isPostgres(Path proc) {
            try {
                return Files.readString(proc.resolve("comm")).trim().startsWith("postgres");
            } catch (IOException e) {
                return false;
            }
        }

        /** utime + stime of one process, from /proc/pid/stat (fields 14 and 15, after the command name). */
        private static double processCpuMs(Path stat) {
            try {
                String line = Files.readString(stat);
                String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                return ticks * 1000.0 / CLOCK_TICKS_PER_SECOND;
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

        /** Busy and total jiffies of all CPUs, from the first line of /proc/stat. */
        private static long[] machineTicks() {
            try (Stream<String> lines = Files.lines(Path.of("/proc/stat"))) {
                String[] f = lines.findFirst().orElse("cpu").trim().split("\\s+");
                long total = 0;
                for (int i = 1; i < f.length && i <= 8; i++) {
                    total += Long.parseLong(f[i]);
                }
                long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
                return new long[] {total - idle, total};
            } catch (IOException | RuntimeException e) {
                return new long[] {0, 0};
            }
        }
    }

    private record Options(String base, String token, int launches, int warmup, int concurrency, String role, int users,
                           long serverPid, Path jstackDir, int jstackSamples, Path jfrFile) {

        static Options parse(String[] args) {
            Map<String, String> given = new HashMap<>();
            for (String arg : args) {
                for (String part : arg.trim().split("\\s+")) {
                    if (part.isEmpty()) {
                        continue;
                    }
                    String stripped = part.replaceFirst("^--", "");
                    int eq = stripped.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("Expected --name=value, got " + part);
                    }
                    given.put(stripped.substring(0, eq), stripped.substring(eq + 1));
                }
            }
            String base = value(given, "base", "BENCH_BASE_URL", null);
            String token = value(given, "token", "BENCH_OPERATOR_TOKEN", null);
            if (base == null || token == null) {
                throw new IllegalArgumentException("--base and --token (or BENCH_BASE_URL and BENCH_OPERATOR_TOKEN) are required");
            }
            String role = value(given, "role", "BENCH_ROLE", "admin");
            if (!List.of("admin", "learner", "mentor").contains(role)) {
                throw new IllegalArgumentException("--role must be admin, learner or mentor");
            }
            String jstackDir = value(given, "jstack-dir", "BENCH_JSTACK_DIR", null);
            String jfrFile = value(given, "jfr", "BENCH_JFR_FILE", null);
            return new Options(base.replaceAll("/+$", ""), token,
                    positive(given, "launches", "BENCH_LAUNCHES", 5000),
                    Integer.parseInt(value(given, "warmup", "BENCH_WARMUP", "4000")),
                    positive(given, "concurrency", "BENCH_CONCURRENCY", 8),
                    role,
                    positive(given, "users", "BENCH_USERS", 200),
                    Long.parseLong(value(given, "server-pid", "BENCH_SERVER_PID", "0")),
                    jstackDir == null || jstackDir.isBlank() ? null : Path.of(jstackDir),
                    positive(given, "jstack-samples", "BENCH_JSTACK_SAMPLES", 10),
                    jfrFile == null || jfrFile.isBlank() ? null : Path.of(jfrFile));
        }

        private static int positive(Map<String, String> given, String name, String env, int fallback) {
            int value = Integer.parseInt(value(given, name, env, String.valueOf(fallback)));
            if (value <= 0) {
                throw new IllegalArgumentException("--" + name + " must be positive");
            }
            return value;
        }

        private static String value(Map<String, String> given, String name, String env, String fallback) {
            String value = given.get(name);
            if (value == null || value.isBlank()) {
                value = System.getenv(env);
            }
            return value == null || value.isBlank() ? fallback : value;
        }
    }
}
