package org.kinbridge.roster;

import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kinbridge.family.PeopleStore;
import org.kinbridge.roster.csv.RosterPackage;
import org.kinbridge.shared.DomainException;
import org.kinbridge.shared.TenantId;

/**
 * Runs imports off the request thread: checks the upload, then has {@link RosterApplier} read and
 * apply the package in one transaction. A heartbeat marks the run as alive, so a run whose node died
 * is failed by {@link StaleImportSweeper} and can be run again.
 */
@ApplicationScoped
public class RosterImportRunner {

    private static final Logger LOG = Logger.getLogger(RosterImportRunner.class.getName());

    /** A change this large can leave the planner's picture of the roster tables far off. */
    private static final int STATISTICS_AFTER_CHANGES = 10_000;
    private static final List<String> CHANGES_WORTH_NEW_STATISTICS = List.of("peopleCreated", "peopleEnded",
            "linksCreated", "linksEnded");

    @Resource
    private ManagedExecutorService executor;

    @Resource
    private ManagedScheduledExecutorService scheduler;

    @Inject
    private ImportStorage storage;

    @Inject
    private RosterImports imports;

    @Inject
    private RosterApplier applier;

    @Inject
    private PeopleStore people;

    @Inject
    @ConfigProperty(name = "kinbridge.import.stale-after", defaultValue = "PT2M")
    private java.time.Duration staleAfter;

    /** Accepts an upload: a broken package is refused here, before anything is recorded. */
    public RosterImport submit(TenantId tenant, InputStream upload, String fileName, String requestedBy) {
        Path received = storage.receive(upload);
        try {
            Map<String, Long> measuredSizes;
            try (RosterPackage checked = RosterPackage.open(received)) {
                checked.manifest();
                measuredSizes = checked.measuredSizes();
            }
            RosterImport started = imports.start(tenant, fileName, Files.size(received), requestedBy);
            storage.keep(received, started.id(), measuredSizes);
            executor.submit(() -> run(started.id(), tenant, false));
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            storage.discard(received);
        }
    }

    /** Runs a stored package again: after a failure, or with {@code confirmRemoval} to apply a held one. */
    public RosterImport rerun(TenantId tenant, String importId, String requestedBy, boolean confirmRemoval) {
        if (!storage.has(importId)) {
            imports.require(tenant, importId);
            throw new PackageGoneException(importId);
        }
        RosterImport again = imports.rerun(tenant, importId, requestedBy, confirmRemoval);
        storage.copy(importId, again.id());
        executor.submit(() -> run(again.id(), tenant, confirmRemoval));
        return again;
    }

    void run(String importId, TenantId tenant, boolean removalConfirmed) {
        Map<String, Integer> rowsRead = new ConcurrentHashMap<>();
        AtomicReference<String> phase = new AtomicReference<>("reading");
        // Beat three times per stale period, so a live run is never taken for a dead one.
        long beatMillis = Math.max(200, staleAfter.toMillis() / 3);
        ScheduledFuture<?> heartbeat = scheduler.scheduleAtFixedRate(
                () -> imports.progressed(importId, progressJson(rowsRead, phase.get())), 0, beatMillis, TimeUnit.MILLISECONDS);
        RosterSnapshot snapshot = null;
        try (RosterPackage pkg = storage.open(importId)) {
            snapshot = RosterSnapshot.begin(pkg, rowsRead::putAll);
            RosterSnapshot reading = snapshot;
            Map<String, Object> counts = applier.apply(importId, tenant, pkg, snapshot, removalConfirmed, next -> {
                rowsRead.putAll(reading.rowsRead);
                phase.set(next);
                imports.progressed(importId, progressJson(rowsRead, next));
            });
            LOG.log(Level.INFO, "Import {0} for tenant {1} succeeded", new Object[] {importId, tenant});
            if (CHANGES_WORTH_NEW_STATISTICS.stream().mapToInt(key -> ((Number) counts.get(key)).intValue()).sum()
                    >= STATISTICS_AFTER_CHANGES) {
                people.refreshPlannerStatistics();
            }
        } catch (RosterApplier.HeldForConfirmation held) {
            imports.held(importId, snapshot.mode(), JSONObjectUtils.toJSONString(held.counts), held.getMessage(),
                    snapshot.issues, snapshot.issueCount);
        } catch (DomainException e) {
            fail(importId, e.detail(), snapshot);
        } catch (RuntimeException | Error e) {
            LOG.log(Level.SEVERE, "Import " + importId + " failed", e);
            fail(importId, "The import failed unexpectedly and nothing was applied; run it again or contact support. ("
                    + e.getClass().getSimpleName() + ")", snapshot);
        } finally {
            heartbeat.cancel(false);
        }
    }

    private void fail(String importId, String reason, RosterSnapshot snapshot) {
        imports.failed(importId, reason, snapshot == null ? List.of() : snapshot.issues,
                snapshot == null ? 0 : snapshot.issueCount);
    }

    private static String progressJson(Map<String, Integer> rowsRead, String phase) {
        Map<String, Object> progress = new LinkedHashMap<>(rowsRead);
        progress.put("phase", phase);
        return JSONObjectUtils.toJSONString(progress);
    }
}
