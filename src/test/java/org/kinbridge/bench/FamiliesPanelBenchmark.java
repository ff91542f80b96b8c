package org.kinbridge.bench;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.kinbridge.testing.Http;
import org.kinbridge.testing.TestPlatform;

/**
 * Times the Families panel's searches ({@code GET /api/panel/people?q=&filter=&offset=&limit=25}) on a tenant whose
 * roster is already imported (bench/roster-import.sh runs it after its delta import), as that tenant's school admin:
 * a {@link TestPlatform} registered for it through the operator API, then an LTI admin launch ({@link AdminPanel}).
 * For each filter: the first page, a deep page ({@code --deep-offset}, or the last page of a shorter list), and
 * searches by a name prefix taken from that filter's own members; then plain name searches over everyone. Every
 * request also counts the matches. Prints p50/p95/max per case and whether every p95 is under 100 ms.
 *
 * <p>Options: {@code --base --token --tenant} (required), {@code --samples} (20 per case), {@code --deep-offset}
 * (10,000), {@code --seed} (7). Exits 0 when every case meets the target, 1 when one misses, 2 on a set-up failure.
 */
public final class FamiliesPanelBenchmark {

    private static final String[] FILTERS = {"all", "students", "adults", "no-parents", "parents-without-email", "relatives"};
    private static final long TARGET_MICROS = 100_000;

    private final Map<String, String> options;
    private final Http http = new Http();
    private final Random random;
    private final List<String> missed = new ArrayList<>();

    private FamiliesPanelBenchmark(Map<String, String> options) {
        this.options = options;
        this.random = new Random(Long.parseLong(options.getOrDefault("seed", "7")));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            options.put(pair[0], pair.length > 1 ? pair[1] : "true");
        }
        int status;
        try {
            status = new FamiliesPanelBenchmark(options).run();
        } catch (SetupFailed e) {
            System.out.println("SET-UP FAILED: " + e.getMessage());
            status = 2;
        }
        System.exit(status);
    }

    private int run() throws Exception {
        String base = require("base");
        String tenant = require("tenant");
        int samples = Integer.parseInt(options.getOrDefault("samples", "20"));
        int deepOffset = Integer.parseInt(options.getOrDefault("deep-offset", "10000"));
        try (TestPlatform platform = new TestPlatform()) {
            AdminPanel.register(http, base, require("token"), tenant, platform);
            AdminPanel admin = AdminPanel.launch(http, base, platform);
            for (int i = 0; i < 30; i++) {  // warm-up: JIT, connection pool, plan caches
                admin.get("people?filter=" + FILTERS[i % FILTERS.length] + "&offset=" + (i * 25) + "&limit=25");
            }
            System.out.printf(Locale.ROOT, "== Families panel searches, tenant %s (limit 25, %d requests per case, each with its count)%n",
                    tenant, samples);
            System.out.printf(Locale.ROOT, "  %-22s %-16s %-34s %s%n", "filter", "members", "case", "latency");
            List<String> everyonesPrefixes = prefixes(admin, "all");
            for (String filter : FILTERS) {
                Map<String, Object> first = page(admin, "people?filter=" + filter + "&limit=25");
                int total = ((Number) first.get("total")).intValue();
                boolean estimate = Boolean.TRUE.equals(first.get("totalIsEstimate"));
                String members = (estimate ? "> " : "") + String.format(Locale.ROOT, "%,d", total);
                series(admin, filter, members, "first page", samples, () -> "people?filter=" + filter + "&offset=0&limit=25");
                int deep = estimate ? deepOffset : Math.max(0, Math.min(deepOffset, total - 25));
                series(admin, filter, members, "offset " + String.format(Locale.ROOT, "%,d", deep), samples,
                        () -> "people?filter=" + filter + "&offset=" + deep + "&limit=25");
                List<String> own = total == 0 ? everyonesPrefixes : prefixes(admin, filter);
                series(admin, filter, members, "name prefix of a member", samples,
                        () -> "people?filter=" + filter + "&q=" + own.get(random.nextInt(own.size())) + "&limit=25");
            }
            series(admin, "(plain name search)", "", "prefix, first page", samples,
                    () -> "people?filter=all&q=" + everyonesPrefixes.get(random.nextInt(everyonesPrefixes.size())) + "&limit=25");
            series(admin, "(plain name search)", "", "prefix, page 3", samples,
                    () -> "people?filter=all&q=" + everyonesPrefixes.get(random.nextInt(everyonesPrefixes.size())) + "&offset=50&limit=25");
        }
        System.out.println(missed.isEmpty() ? "  target         MET: every case p95 < 100 ms"
                : "  target         MISSED (p95 >= 100 ms): " + String.join("; ", missed));
        return missed.isEmpty() ? 0 : 1;
    }

    /** Three-letter prefixes of the family and given names of up to 100 members, read at a few places in the list. */
    private List<String> prefixes(AdminPanel admin, String filter) throws Exception {
        int total = ((Number) page(admin, "people?filter=" + filter + "&limit=1").get("total")).intValue();
        List<String> prefixes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int offset = random.nextInt(Math.max(1, Math.min(total, 10_000) - 25));
            for (Object item : (List<?>) page(admin, "people?filter=" + filter + "&offset=" + offset + "&limit=25").get("items")) {
                for (String name : List.of("familyName", "givenName")) {
                    Object value = ((Map<?, ?>) item).get(name);
                    if (value instanceof String text && text.length() >= 3) {
                        prefixes.add(Http.encode(text.substring(0, 3).toLowerCase(Locale.ROOT)));
                    }
                }
            }
        }
        if (prefixes.isEmpty()) {
            throw new SetupFailed("no names to search for in filter " + filter);
        }
        return prefixes;
    }

    private void series(AdminPanel admin, String filter, String members, String label, int n, Supplier<String> path) throws Exception {
        long[] micros = new long[n];
        for (int i = 0; i < n; i++) {
            String p = path.get();
            long started = System.nanoTime();
            HttpResponse<String> response = admin.get(p);
            micros[i] = (System.nanoTime() - started) / 1000;
            if (response.statusCode() != 200) {
                throw new SetupFailed(p + " answered " + response.statusCode() + ": " + response.body());
            }
        }
        LatencyStats stats = LatencyStats.of(micros);
        System.out.printf(Locale.ROOT, "  %-22s %-16s %-34s %s%n", filter, members, label, stats);
        if (stats.p95() >= TARGET_MICROS) {
            missed.add(filter + " " + label);
        }
    }

    private static Map<String, Object> page(AdminPanel admin, String path) throws Exception {
        HttpResponse<String> response = admin.get(path);
        if (response.statusCode() != 200) {
            throw new SetupFailed(path + " answered " + response.statusCode() + ": " + response.body());
        }
        try {
            return JSONObjectUtils.parse(response.body());
        } catch (ParseException e) {
            throw new SetupFailed("not JSON: " + response.body());
        }
    }

    private String require(String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new SetupFailed("--" + name + " is required");
        }
        return value;
    }
}
