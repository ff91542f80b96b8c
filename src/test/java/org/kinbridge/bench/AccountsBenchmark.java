package org.kinbridge.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kinbridge.testing.Http;
import org.kinbridge.testing.OneRosterGenerator;
import org.kinbridge.testing.TestPlatform;

/**
 * Parent-account benchmark (issue 5's three targets) against a running Kinbridge on PostgreSQL:
 * <ol>
 *   <li><b>(a) recompute</b>: imports a generated OneRoster bulk package ({@code --students}, default 150,000) into
 *       a fresh tenant and reads the reasons engine's own timing line ({@code Access recomputed for tenant ... in N ms},
 *       INFO, {@code ReasonsEngine}) from the server log, plus the wall time from the import's {@code SUCCEEDED} to
 *       that line; then the same after a ~1 % delta import, and a no-change recompute through the panel API;</li>
 *   <li><b>(b) paging</b>: times {@code GET /api/panel/accounts?tab=..&offset=..&limit=25} with a real admin panel
 *       token (a {@link TestPlatform} registered through the operator API, then an LTI admin launch), at random
 *       offsets, first/last page, and with a search; on the big tenant and on a second tenant
 *       ({@code --paging-students}, default 46,000: about 50,000 parents in the Ready-to-provision tab);</li>
 *   <li><b>(c) welcome mail</b>: GreenMail on 127.0.0.1:{@code --smtp-port} (the server's KINBRIDGE_SMTP_PORT),
 *       provisions {@code --mails} (10,000) parents of the second tenant through {@code POST /api/panel/accounts/actions}
 *       (chunks of {@code --action-chunk}), and measures delivery (first to last message received), the sustained
 *       mails/s, and the panel's latency while sending against an idle baseline.</li>
 * </ol>
 * Options: {@code --base --token --server-log --smtp-port} (required), {@code --students --paging-students --mails
 * --action-chunk --seed --server-pid --page-samples --delta=false --only-a=true}. Exits 0 when every target is met, 1 when one is missed, 2 on
 * a set-up failure.
 */
public final class AccountsBenchmark {

    private static final Pattern RECOMPUTED = Pattern.compile(
            "Access recomputed for tenant (\\S+) \\((.*?)\\): ([\\d,.]+) adults examined, ([\\d,.]+) changed, ([\\d,.]+) state changes in ([\\d,.]+) ms");
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private final Map<String, String> options;
    private final String base;
    private final String operator;
    private final Path serverLog;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private final Http http = new Http();
    private final List<String> verdicts = new ArrayList<>();
    private boolean missed;

    private AccountsBenchmark(Map<String, String> options) {
        this.options = options;
        this.base = require("base");
        this.operator = require("token");
        this.serverLog = Path.of(require("server-log"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new java.util.HashMap<>();
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            options.put(pair[0], pair.length > 1 ? pair[1] : "true");
        }
        int status;
        try {
            status = new AccountsBenchmark(options).run();
        } catch (SetupFailed e) {
            System.out.println("SET-UP FAILED: " + e.getMessage());
            status = 2;
        }
        System.exit(status);
    }

    private int run() throws Exception {
        int students = intOption("students", 150_000);
        int pagingStudents = intOption("paging-students", 46_000);
        int mails = intOption("mails", 10_000);
        long seed = Long.parseLong(options.getOrDefault("seed", "42"));
        int smtpPort = Integer.parseInt(require("smtp-port"));
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (TestPlatform platform = new TestPlatform(); TestPlatform platform2 = new TestPlatform()) {
            // ---- (a) recompute after a big import --------------------------------------------------------
            String big = tenantWithPlatform("Accounts benchmark " + students, platform);
            AdminPanel admin = AdminPanel.launch(http, base, platform);
            System.out.printf(Locale.ROOT, "== (a) recompute after importing %,d students (tenant %s)%n", students, big);
            OneRosterGenerator generator = OneRosterGenerator.bulk(seed, students, 8);
            byte[] zip = generator.zipBytes();
            System.out.printf(Locale.ROOT, "  package: %,d students, %,d adults, %,d bytes%n", generator.students(),
                    generator.adults(), zip.length);
            Recompute bulk = importThenRecompute(big, zip, "bulk");
            verdict("(a) recompute after " + String.format(Locale.ROOT, "%,d", students) + "-student bulk import",
                    bulk.millis() < 10_000, bulk.millis() + " ms engine, " + bulk.wallMillis() + " ms import-succeeded-to-done (< 10,000 ms)");
            if (!"false".equals(options.get("delta"))) {
                Recompute delta = importThenRecompute(big, generator.delta(0.01).zipBytes(), "delta 1 %");
                verdict("(a) recompute after 1 % delta", delta.millis() < 10_000, delta.millis() + " ms engine (< 10,000 ms)");
            }
            long started = System.nanoTime();
            HttpResponse<String> noop = admin.send("POST", "accounts/recompute", null, Duration.ofMinutes(5));
            System.out.printf(Locale.ROOT, "  POST accounts/recompute (nothing changed): %d in %d ms, %s%n", noop.statusCode(),
                    (System.nanoTime() - started) / 1_000_000, noop.body());
            Map<String, Object> bigCounts = counts(admin);
            System.out.println("  tabs: " + bigCounts);

            if ("true".equals(options.get("only-a"))) {
                return finish(smtp);
            }
            // ---- (b) paging ---------------------------------------------------------------------------------
            System.out.printf(Locale.ROOT, "== (b) Account Manager paging, tenant of %,d students%n", students);
            boolean bigOk = paging(admin, bigCounts);
            String small = tenantWithPlatform("Accounts benchmark " + pagingStudents, platform2);
            AdminPanel smallAdmin = AdminPanel.launch(http, base, platform2);
            System.out.printf(Locale.ROOT, "== (b) Account Manager paging, tenant of %,d students (%s)%n", pagingStudents, small);
            OneRosterGenerator smallGenerator = OneRosterGenerator.bulk(seed + 1, pagingStudents, 4);
            importThenRecompute(small, smallGenerator.zipBytes(), "bulk");
            Map<String, Object> smallCounts = counts(smallAdmin);
            System.out.println("  tabs: " + smallCounts);
            boolean smallOk = paging(smallAdmin, smallCounts);
            verdict("(b) paging, " + smallCounts.get("provision") + " parents ready to provision", smallOk, "p95 < 100 ms per page");
            verdict("(b) paging, " + bigCounts.get("provision") + " parents ready to provision (150k-student tenant)", bigOk,
                    "p95 < 100 ms per page");

            // ---- (c) welcome mail ---------------------------------------------------------------------------
            System.out.printf(Locale.ROOT, "== (c) %,d welcome emails through the outbox to GreenMail on 127.0.0.1:%d%n", mails, smtpPort);
            welcomeMail(smallAdmin, smtp, mails);
        }
        return finish(smtp);
    }

    private int finish(GreenMail smtp) {
        smtp.stop();
        System.out.println();
        System.out.println("== verdicts");
        verdicts.forEach(v -> System.out.println("  " + v));
        return missed ? 1 : 0;
    }

    // ---- (a) ------------------------------------------------------------------------------------------------

    private record Recompute(long millis, long wallMillis, String line) {
    }

    private Recompute importThenRecompute(String tenant, byte[] zip, String label) throws Exception {
        int seen = recomputeLines(tenant).size();
        long started = System.nanoTime();
        HttpResponse<String> accepted = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tenants/" + tenant
                        + "/roster/imports")).header("Content-Type", "application/zip").header("Authorization", Http.bearer(operator))
                .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.ofByteArray(zip)).build(), HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            throw new SetupFailed("import upload answered " + accepted.statusCode() + ": " + accepted.body());
        }
        String id = (String) json(accepted.body()).get("id");
        Map<String, Object> status;
        while (true) {
            status = json(http.get(base + "/api/v1/tenants/" + tenant + "/roster/imports/" + id, "Authorization",
                    Http.bearer(operator)).body());
            if (!"RUNNING".equals(status.get("status")) && !"QUEUED".equals(status.get("status"))) {
                break;
            }
            if (System.nanoTime() - started > Duration.ofMinutes(30).toNanos()) {
                throw new SetupFailed("import " + id + " still running after 30 min");
            }
            Thread.sleep(100);
        }
        long succeeded = System.nanoTime();
        if (!"SUCCEEDED".equals(status.get("status"))) {
            throw new SetupFailed("import " + id + " ended " + status);
        }
        System.out.printf(Locale.ROOT, "  %s import SUCCEEDED after %,d ms (upload to poll)%n", label, (succeeded - started) / 1_000_000);
        List<Matcher> lines;
        while ((lines = recomputeLines(tenant)).size() <= seen) {
            if (System.nanoTime() - succeeded > Duration.ofMinutes(10).toNanos()) {
                throw new SetupFailed("no 'Access recomputed' line for tenant " + tenant + " within 10 min of the import");
            }
            Thread.sleep(20);
        }
        long done = System.nanoTime();
        Matcher line = lines.get(lines.size() - 1);
        long millis = Long.parseLong(line.group(6).replaceAll("[,.]", ""));
        System.out.printf(Locale.ROOT, "  recompute (%s): %s adults examined, %s changed, %s state changes; engine %,d ms; "
                        + "import SUCCEEDED seen -> log line seen %,d ms%n", line.group(2), line.group(3), line.group(4), line.group(5),
                millis, (done - succeeded) / 1_000_000);
        return new Recompute(millis, (done - succeeded) / 1_000_000, line.group());
    }

    private List<Matcher> recomputeLines(String tenant) throws IOException {
        List<Matcher> found = new ArrayList<>();
        try (var lines = Files.lines(serverLog, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            lines.filter(l -> l.contains("Access recomputed for tenant") && l.contains(tenant)).forEach(l -> {
                Matcher m = RECOMPUTED.matcher(l);
                if (m.find()) {
                    found.add(m);
                }
            });
        }
        return found;
    }

    // ---- (b) ------------------------------------------------------------------------------------------------

    private boolean paging(AdminPanel admin, Map<String, Object> counts) throws Exception {
        int samples = intOption("page-samples", 200);
        int total = ((Number) counts.get("provision")).intValue();
        for (int i = 0; i < 30; i++) {                    // warm-up
            admin.get("accounts?tab=provision&offset=" + (i * 25) + "&limit=25");
        }
        Random random = new Random(7);
        boolean ok = true;
        ok &= series("provision, random offset, limit 25", samples,
                () -> "accounts?tab=provision&offset=" + random.nextInt(Math.max(1, total - 25)) + "&limit=25", admin, 25);
        ok &= series("provision, first page, limit 25", samples / 4, () -> "accounts?tab=provision&offset=0&limit=25", admin, 25);
        ok &= series("provision, last page, limit 25", samples / 4,
                () -> "accounts?tab=provision&offset=" + Math.max(0, total - 25) + "&limit=25", admin, -1);
        ok &= series("provision, limit 200 random offset", samples / 4,
                () -> "accounts?tab=provision&offset=" + random.nextInt(Math.max(1, total - 200)) + "&limit=200", admin, -1);
        String[] names = {"brown", "chen", "ga", "hughes", "ava", "isla"};
        ok &= series("provision, search (prefix of a name), limit 25", samples / 4,
                () -> "accounts?tab=provision&q=" + names[random.nextInt(names.length)] + "&limit=25", admin, -1);
        series("active tab, first page", samples / 4, () -> "accounts?tab=active&limit=25", admin, -1);
        series("summary (tab counts, outbox)", samples / 4, () -> "accounts/summary", admin, -1);
        return ok;
    }

    /** Times a series of panel GETs; returns whether p95 is under 100 ms. */
    private boolean series(String label, int n, java.util.function.Supplier<String> path, AdminPanel admin, int expectItems) throws Exception {
        long[] ms = new long[n];
        for (int i = 0; i < n; i++) {
            String p = path.get();
            long started = System.nanoTime();
            HttpResponse<String> response = admin.get(p);
            ms[i] = (System.nanoTime() - started) / 1000;
            if (response.statusCode() != 200) {
                throw new SetupFailed(p + " answered " + response.statusCode() + ": " + response.body());
            }
            if (expectItems > 0 && ((List<?>) json(response.body()).get("items")).size() != expectItems) {
                throw new SetupFailed(p + " gave a short page: " + response.body().substring(0, Math.min(300, response.body().length())));
            }
        }
        LatencyStats stats = LatencyStats.of(ms);
        System.out.printf(Locale.ROOT, "  %-48s n=%4d  %s%n", label, n, stats);
        return stats.p95() < 100_000;
    }

    // ---- (c) ------------------------------------------------------------------------------------------------

    private void welcomeMail(AdminPanel admin, GreenMail smtp, int mails) throws Exception {
        // The people: the first `mails` of the Ready-to-provision tab (each has an email address).
        List<String> people = new ArrayList<>();
        for (int offset = 0; people.size() < mails; offset += 200) {
            List<?> items = (List<?>) json(admin.get("accounts?tab=provision&offset=" + offset + "&limit=200").body()).get("items");
            if (items.isEmpty()) {
                break;
            }
            for (Object item : items) {
                Map<?, ?> row = (Map<?, ?>) item;
                if (row.get("email") != null && people.size() < mails) {
                    people.add((String) row.get("personSourcedId"));
                }
            }
        }
        if (people.size() < mails) {
            throw new SetupFailed("only " + people.size() + " parents with an email are ready to provision");
        }
        LatencyStats idle = panelLatency(admin, 60);
        System.out.printf(Locale.ROOT, "  panel idle (accounts page + summary): %s%n", idle);
        int before = smtp.getReceivedMessages().length;

        // Panel latency sampler during provisioning and delivery.
        List<Long> during = new CopyOnWriteArrayList<>();
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            int i = 0;
            while (sampling.get()) {
                try {
                    long started = System.nanoTime();
                    HttpResponse<String> r = admin.get((i++ % 2 == 0) ? "accounts?tab=active&limit=25" : "accounts/summary");
                    if (r.statusCode() == 200) {
                        during.add((System.nanoTime() - started) / 1000);
                    }
                    Thread.sleep(100);
                } catch (Exception e) {
                    return;
                }
            }
        }, "panel-sampler");

        long cpuBefore = serverCpuMillis();
        int chunk = intOption("action-chunk", mails);
        long actionStarted = System.nanoTime();
        long firstAt = -1;
        long actionMs = 0;
        int done = 0;
        long actionsEnded = 0;
        List<long[]> arrivals = new CopyOnWriteArrayList<>();
        AtomicBoolean polling = new AtomicBoolean(true);
        Thread poller = new Thread(() -> {
            while (polling.get()) {
                arrivals.add(new long[] {System.nanoTime(), smtp.getReceivedMessages().length - before});
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "smtp-poller");
        poller.start();
        sampler.start();
        for (int from = 0; from < people.size(); from += chunk) {
            List<String> part = people.subList(from, Math.min(people.size(), from + chunk));
            String body = JSONObjectUtils.toJSONString(Map.of("action", "provision", "selection",
                    Map.of("people", part, "all", false)));
            long started = System.nanoTime();
            HttpResponse<String> report = admin.send("POST", "accounts/actions", body, Duration.ofMinutes(20));
            long ms = (System.nanoTime() - started) / 1_000_000;
            actionMs += ms;
            if (report.statusCode() != 200) {
                throw new SetupFailed("provision answered " + report.statusCode() + ": " + report.body());
            }
            int affected = ((Number) json(report.body()).get("affected")).intValue();
            done += affected;
            System.out.printf(Locale.ROOT, "  POST accounts/actions provision x %,d: 200 in %,d ms, affected %,d%n", part.size(), ms, affected);
        }
        actionsEnded = System.nanoTime();
        boolean all = smtp.waitForIncomingEmail(Duration.ofMinutes(15).toMillis(), before + done);
        long allAt = System.nanoTime();
        polling.set(false);
        poller.join();
        Thread.sleep(3000);                           // anything sent twice would show up now
        sampling.set(false);
        sampler.join();
        long cpuAfter = serverCpuMillis();
        MimeMessage[] messages = smtp.getReceivedMessages();
        int got = messages.length - before;
        Set<String> ids = new HashSet<>();
        Set<String> recipients = new HashSet<>();
        for (int i = before; i < messages.length; i++) {
            ids.add(messages[i].getMessageID());
            recipients.add(messages[i].getAllRecipients()[0].toString());
        }
        for (long[] a : arrivals) {
            if (a[1] > 0) {
                firstAt = a[0];
                break;
            }
        }
        double seconds = (allAt - firstAt) / 1e9;
        double rate = (got - 1) / Math.max(seconds, 1e-9);
        // The best and worst 5-second windows of delivery, from the poller's samples.
        double best = 0;
        double worst = Double.MAX_VALUE;
        for (int i = 0; i < arrivals.size(); i++) {
            for (int j = i + 1; j < arrivals.size(); j++) {
                if (arrivals.get(j)[0] - arrivals.get(i)[0] >= 5_000_000_000L) {
                    if (arrivals.get(i)[1] > 0 && arrivals.get(j)[1] < done) {
                        double r = (arrivals.get(j)[1] - arrivals.get(i)[1]) / ((arrivals.get(j)[0] - arrivals.get(i)[0]) / 1e9);
                        best = Math.max(best, r);
                        worst = Math.min(worst, r);
                    }
                    break;
                }
            }
        }
        Map<String, Object> summary = json(admin.get("accounts/summary").body());
        System.out.printf(Locale.ROOT, "  provisioned %,d in %,d ms of bulk-action requests; first mail %,d ms after the first request, "
                        + "last %,d ms after it (%,d ms after the last action answered)%n", done, actionMs,
                (firstAt - actionStarted) / 1_000_000, (allAt - actionStarted) / 1_000_000, (allAt - actionsEnded) / 1_000_000);
        System.out.printf(Locale.ROOT, "  delivered %,d (all=%s), distinct Message-IDs %,d, distinct recipients %,d; first->last %.2f s "
                + "= %.1f mails/s; 5-s windows: best %.1f, worst %.1f mails/s%n", got, all, ids.size(), recipients.size(), seconds, rate,
                best, worst == Double.MAX_VALUE ? 0 : worst);
        System.out.printf(Locale.ROOT, "  outbox after: %s; server CPU during the phase %,d ms%n", summary.get("outbox"), cpuAfter - cpuBefore);
        LatencyStats busy = LatencyStats.of(during.stream().mapToLong(Long::longValue).toArray());
        System.out.printf(Locale.ROOT, "  panel while provisioning + sending (accounts page + summary every 100 ms): %s%n", busy);
        verdict("(c) welcome mail delivery", all && got == done && ids.size() == got && rate >= 200,
                String.format(Locale.ROOT, "%.1f mails/s sustained over %,d mails (>= 200), none lost, none twice", rate, got));
        verdict("(c) panel not blocked while sending", busy.p95() < 1_000_000,
                String.format(Locale.ROOT, "panel p95 %.1f ms / max %.1f ms while sending (idle p95 %.1f ms)", busy.p95() / 1000.0,
                        busy.max() / 1000.0, idle.p95() / 1000.0));
    }

    private LatencyStats panelLatency(AdminPanel admin, int n) throws Exception {
        long[] us = new long[n];
        for (int i = 0; i < n; i++) {
            long started = System.nanoTime();
            admin.get(i % 2 == 0 ? "accounts?tab=active&limit=25" : "accounts/summary");
            us[i] = (System.nanoTime() - started) / 1000;
            Thread.sleep(20);
        }
        return LatencyStats.of(us);
    }

    // ---- plumbing -------------------------------------------------------------------------------------------

    private String tenantWithPlatform(String name, TestPlatform platform) {
        HttpResponse<String> created = http.postJson(base + "/api/v1/tenants", JSONObjectUtils.toJSONString(Map.of("name", name)),
                "Authorization", Http.bearer(operator));
        if (created.statusCode() != 201) {
            throw new SetupFailed("create tenant answered " + created.statusCode() + ": " + created.body());
        }
        String tenant = (String) json(created.body()).get("id");
        AdminPanel.register(http, base, operator, tenant, platform);
        return tenant;
    }

    private Map<String, Object> counts(AdminPanel admin) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> counts = (Map<String, Object>) json(admin.get("accounts/summary").body()).get("counts");
        return counts;
    }

    private long serverCpuMillis() {
        String pid = options.get("server-pid");
        if (pid == null) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000 / CLOCK_TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private void verdict(String what, boolean ok, String detail) {
        missed |= !ok;
        verdicts.add((ok ? "MET     " : "MISSED  ") + what + ": " + detail);
    }

    private static Map<String, Object> json(String body) {
        try {
            return JSONObjectUtils.parse(body);
        } catch (ParseException e) {
            throw new SetupFailed("not JSON: " + body.substring(0, Math.min(300, body.length())));
        }
    }

    private String require(String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new SetupFailed("--" + name + " is required");
        }
        return value;
    }

    private int intOption(String name, int fallback) {
        return Integer.parseInt(options.getOrDefault(name, String.valueOf(fallback)));
    }
}
