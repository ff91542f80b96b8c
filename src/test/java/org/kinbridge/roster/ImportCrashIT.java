package org.kinbridge.roster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kinbridge.testing.Http;
import org.kinbridge.testing.OneRosterGenerator;
import org.kinbridge.testing.OperatorApi;
import org.kinbridge.testing.RunningJar;
import org.kinbridge.testing.TestRunSettings;

/**
 * The shipped jar on PostgreSQL, killed with SIGKILL while a bulk import is writing its transaction: nothing of
 * that import may show (people and links as before, no audit entry by it), the restarted server's sweeper fails the orphaned
 * run, and a rerun of the stored package gives exactly the links of an uninterrupted import of the same package
 * into another tenant, and exactly as many as the generator made.
 *
 * <p>Plain JUnit: the jar is started as an operator starts it ({@link RunningJar}), on a fresh schema that is
 * dropped at the end. {@code KINBRIDGE_IMPORT_STALE_AFTER} is PT3S (override with {@code -Dkb.crash.staleAfter}
 * to tell the sweeper's timing apart from the rest).
 */
class ImportCrashIT {

    private static final String TOKEN = "crash-test-token";
    private static final long SEED = 20261123L;
    private static final int EARLIER_STUDENTS = 3_000;
    private static final int STUDENTS = 30_000;
    private static final int SCHOOLS = 4;
    private static final Duration IMPORT_TIMEOUT = Duration.ofSeconds(90);

    private final Http http = new Http();
    private final String schema = TestRunSettings.freshSchema("kb_crash");
    private final List<RunningJar> started = new ArrayList<>();

    @AfterEach
    void stopServersAndDropSchema() throws SQLException {
        started.forEach(RunningJar::close);
        TestRunSettings.dropSchema(schema);
    }

    @Test
    void aKilledImportLeavesNothingBehindAndItsRerunEqualsAnUninterruptedImport() throws Exception {
        Path work = TestRunSettings.workDir("import-crash-" + System.nanoTime()).toAbsolutePath();
        OneRosterGenerator earlierRoster = OneRosterGenerator.bulk(SEED, EARLIER_STUDENTS, SCHOOLS);
        OneRosterGenerator roster = OneRosterGenerator.bulk(SEED, STUDENTS, SCHOOLS);
        OneRosterGenerator.Report expected = roster.writeZip(work.resolve("roster.zip"));
        earlierRoster.writeZip(work.resolve("earlier.zip"));
        byte[] rosterZip = Files.readAllBytes(work.resolve("roster.zip"));
        Path dataDir = Files.createDirectories(work.resolve("data"));
        Path preBoot = loopbackPreBoot(work);

        // 1. An earlier roster in place, then the big one killed part-way through its apply transaction.
        RunningJar first = start(dataDir, preBoot, work.resolve("first.log"));
        OperatorApi api = new OperatorApi(http, first.base(), TOKEN);
        String tenant = api.createTenant("Crash school");
        String reference = api.createTenant("Reference school");
        Map<String, Object> earlier = finished(api, tenant, accepted(api, tenant, Files.readAllBytes(work.resolve("earlier.zip"))));
        assertEquals("SUCCEEDED", earlier.get("status"), "the earlier roster: " + earlier);
        List<String> linksBefore = api.guardianships(tenant);
        assertEquals(earlierRoster.report().expectedActiveLinks(), linksBefore.size(), "the earlier roster's links");
        DatabaseState before = DatabaseState.of(this, tenant);

        String crashed = accepted(api, tenant, rosterZip);
        String phaseAtKill = killWhileApplying(first, api, tenant, crashed, before);

        DatabaseState afterKill = DatabaseState.of(this, tenant);
        assertEquals("RUNNING", importStatusInDatabase(crashed), "the killed run's row is left RUNNING");
        assertEquals(before.links, afterKill.links, "no link of the killed import (phase " + phaseAtKill + ") is visible");
        assertEquals(before.people, afterKill.people, "no person of the killed import is visible");
        assertEquals(0, auditEntriesBy("import:" + crashed), "no audit entry of the killed import is visible");

        // 2. Restarted on the same database and data directory: the sweeper fails the orphan, a rerun succeeds.
        RunningJar second = start(dataDir, preBoot, work.resolve("second.log"));
        api = new OperatorApi(http, second.base(), TOKEN);
        Map<String, Object> orphan = finished(api, tenant, crashed);
        assertEquals("FAILED", orphan.get("status"), "the stale sweeper fails the interrupted run: " + orphan);
        assertTrue(String.valueOf(orphan.get("errors")).contains("Interrupted"), "it says why: " + orphan);
        assertEquals(linksBefore, api.guardianships(tenant), "the export still shows the earlier roster only");

        HttpResponse<String> rerun = api.post("/api/v1/tenants/" + tenant + "/roster/imports/" + crashed + "/rerun");
        assertEquals(202, rerun.statusCode(), rerun.body());
        String again = (String) OperatorApi.json(rerun).get("id");
        assertEquals(crashed, OperatorApi.json(rerun).get("rerunOf"));
        Map<String, Object> rerunResult = finished(api, tenant, again);
        assertEquals("SUCCEEDED", rerunResult.get("status"), "the rerun: " + rerunResult);
        long newLinks = expected.expectedActiveLinks() - linksBefore.size();
        long perKindEntries = 4; // above the per-link limit: created, restored, role changed, ended
        assertEquals(newLinks <= 5000 ? newLinks + 1 : perKindEntries + 1, auditEntriesBy("import:" + again),
                "the rerun's audit trail: per-link entries (or one per kind of change when many) and one roster.imported");

        // 3. The same package, uninterrupted, into another tenant: the same links, as many as were generated.
        Map<String, Object> referenceResult = finished(api, reference, accepted(api, reference, rosterZip));
        assertEquals("SUCCEEDED", referenceResult.get("status"), "the uninterrupted import: " + referenceResult);

        List<String> links = api.guardianships(tenant);
        assertEquals(api.guardianships(reference), links, "rerun after the crash == uninterrupted import");
        assertEquals(expected.expectedActiveLinks(), links.stream().filter(l -> l.endsWith(",active")).count(),
                "active links == the generator's count");
        assertTrue(links.stream().allMatch(l -> l.endsWith(",active")), "nothing of the earlier roster was ended");
        Map<?, ?> counts = (Map<?, ?>) rerunResult.get("counts");
        assertEquals(expected.expectedActiveLinks(), number(counts, "links_valid"), "links_valid: " + counts);
        assertEquals(expected.rows("rejected:teacher"), number(counts, "excluded_teacher"), "excluded_teacher: " + counts);
        assertEquals(expected.rows("rejected:dangling"), number(counts, "excluded_dangling"), "excluded_dangling: " + counts);
        assertEquals(expected.rows("listed_on_both_rows"), number(counts, "listed_on_both_rows"), counts.toString());
        assertEquals(expected.expectedActiveLinks() - linksBefore.size(),
                number(counts, "linksCreated") + number(counts, "linksRestored"), "links new to the tenant: " + counts);
        assertEquals(expected.rows("users.csv"), number(counts, "rows:users.csv"), counts.toString());
    }

    /**
     * Waits until the run is in its apply phase and its (uncommitted) transaction has grown the person table on
     * disk, then kills the server. Fails if the import ends first: the package would then be too small to test.
     */
    private String killWhileApplying(RunningJar jar, OperatorApi api, String tenant, String importId, DatabaseState before)
            throws SQLException {
        long deadline = System.nanoTime() + IMPORT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Object> status = OperatorApi.json(api.get("/api/v1/tenants/" + tenant + "/roster/imports/" + importId));
            if (!"RUNNING".equals(status.get("status"))) {
                fail("The import ended (" + status.get("status") + ") before it could be interrupted; make the package "
                        + "bigger: " + status);
            }
            Object phase = ((Map<?, ?>) status.get("progress")).get("phase");
            long personBytes = personTableBytes();
            if ("applying".equals(phase) && personBytes > before.personTableBytes) {
                jar.kill();
                System.out.printf("Killed kinbridge.jar in phase %s; the person table had grown from %d to %d bytes "
                        + "(uncommitted rows)%n", phase, before.personTableBytes, personBytes);
                return String.valueOf(phase);
            }
            pause(20);
        }
        throw new AssertionError("The import never reached its apply phase within " + IMPORT_TIMEOUT.toSeconds() + " s");
    }

    /** Polls until the import is no longer RUNNING and returns its status document. */
    private static Map<String, Object> finished(OperatorApi api, String tenant, String importId) {
        long deadline = System.nanoTime() + IMPORT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Object> status = OperatorApi.json(api.get("/api/v1/tenants/" + tenant + "/roster/imports/" + importId));
            if (!"RUNNING".equals(status.get("status"))) {
                return status;
            }
            pause(100);
        }
        throw new AssertionError("Import " + importId + " still RUNNING after " + IMPORT_TIMEOUT.toSeconds() + " s");
    }

    private static String accepted(OperatorApi api, String tenant, byte[] zip) {
        HttpResponse<String> response = api.upload(tenant, zip);
        assertEquals(202, response.statusCode(), response.body());
        return (String) OperatorApi.json(response).get("id");
    }

    private RunningJar start(Path dataDir, Path preBoot, Path log) {
        Map<String, String> environment = TestRunSettings.serverEnvironment(schema, TOKEN);
        environment.put("KINBRIDGE_DATA_DIR", dataDir.toString());
        environment.put("KINBRIDGE_IMPORT_STALE_AFTER", System.getProperty("kb.crash.staleAfter", "PT3S"));
        RunningJar jar = RunningJar.start(environment, log, "--prebootcommandfile", preBoot.toString());
        started.add(jar);
        assertTrue(jar.isAlive());
        return jar;
    }

    /** The product's pre-boot commands plus one binding the HTTP listener to loopback. */
    private static Path loopbackPreBoot(Path work) {
        try {
            String own = Files.readString(Path.of("src/main/payara/pre-boot-commands.txt"));
            String commands = Stream.concat(own.lines(), Stream.of("set configs.config.server-config.network-config."
                            + "network-listeners.network-listener.http-listener.address=127.0.0.1"))
                    .filter(line -> !line.isBlank()).collect(Collectors.joining("\n", "", "\n"));
            return Files.writeString(work.resolve("pre-boot-commands.txt"), commands);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long number(Map<?, ?> counts, String key) {
        Object value = counts.get(key);
        return value == null ? 0 : ((Number) value).longValue();
    }

    // ---------------------------------------------------------------------------------------- database

    /** What the tenant's rows look like in PostgreSQL, read directly (the server may be dead). */
    private record DatabaseState(List<String> links, List<String> people, long personTableBytes) {

        static DatabaseState of(ImportCrashIT test, String tenant) throws SQLException {
            return new DatabaseState(
                    test.rows("SELECT student_sourced_id || ',' || guardian_sourced_id || ',' || guardian_role || ',' "
                            + "|| active FROM guardian_link WHERE tenant_id = ? ORDER BY 1", tenant),
                    test.rows("SELECT sourced_id || ',' || fingerprint || ',' || active || ',' || last_import_id "
                            + "FROM person WHERE tenant_id = ? ORDER BY 1", tenant),
                    test.personTableBytes());
        }
    }

    private List<String> rows(String sql, String parameter) throws SQLException {
        try (Connection db = database(); PreparedStatement select = db.prepareStatement(sql)) {
            select.setString(1, parameter);
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            return rows;
        }
    }

    /** Audit entries written as done by {@code actor} (an import's entries carry {@code import:<id>}). */
    private long auditEntriesBy(String actor) throws SQLException {
        return Long.parseLong(rows("SELECT COUNT(*) FROM audit_entry WHERE actor = ?", actor).get(0));
    }

    private String importStatusInDatabase(String importId) throws SQLException {
        List<String> status = rows("SELECT status FROM roster_import WHERE id = ?", importId);
        assertFalse(status.isEmpty(), "import " + importId + " is recorded");
        return status.get(0);
    }

    /** The person table's size on disk: it grows with rows written, committed or not. */
    private long personTableBytes() throws SQLException {
        return Long.parseLong(rows("SELECT pg_relation_size(?::regclass)", schema + ".person").get(0));
    }

    private Connection database() throws SQLException {
        return TestRunSettings.connectTo(schema);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
