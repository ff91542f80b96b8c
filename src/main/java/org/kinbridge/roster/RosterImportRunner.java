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
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kinbridge.family.GuardianLinks;
import org.kinbridge.family.LinkOutcome;
import org.kinbridge.family.LinkPlan;
import org.kinbridge.family.LinkRules;
import org.kinbridge.family.PeopleStore;
import org.kinbridge.roster.csv.RosterPackage;
import org.kinbridge.shared.DomainException;
import org.kinbridge.shared.TenantId;

/**
 * Runs imports off the request thread: checks the upload, then reads the package once to plan
 * (links by the rules, the mass-removal check) and once more to apply. A heartbeat marks the run as
 * alive, so a run whose node died is failed by {@link StaleImportSweeper} and can be run again.
 */
@ApplicationScoped
public class RosterImportRunner {

    private static final Logger LOG = Logger.getLogger(RosterImportRunner.class.getName());

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
    private GuardianLinks links;

    @Inject
    @ConfigProperty(name = "kinbridge.import.hold-share", defaultValue = "0.10")
    private double holdShare;

    @Inject
    @ConfigProperty(name = "kinbridge.import.stale-after", defaultValue = "PT2M")
    private java.time.Duration staleAfter;

    /** Accepts an upload: a broken package is refused here, before anything is recorded. */
    public RosterImport submit(TenantId tenant, InputStream upload, String fileName, String requestedBy) {
        Path received = storage.receive(upload);
        try {
            try (RosterPackage checked = RosterPackage.open(received)) {
                checked.manifest();
            }
            RosterImport started = imports.start(tenant, fileName, Files.size(received), requestedBy);
            storage.keep(received, started.id());
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
        Path stored = storage.pathOf(importId);
        if (!Files.isRegularFile(stored)) {
            imports.require(tenant, importId);
            throw new PackageGoneException(importId);
        }
        RosterImport again = imports.rerun(tenant, importId, requestedBy, confirmRemoval);
        try {
            Files.copy(stored, storage.pathOf(again.id()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        executor.submit(() -> run(again.id(), tenant, confirmRemoval));
        return again;
    }

    void run(String importId, TenantId tenant, boolean removalConfirmed) {
        Map<String, Integer> rowsRead = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicReference<String> phase = new java.util.concurrent.atomic.AtomicReference<>("reading");
        // Beat three times per stale period, so a live run is never taken for a dead one.
        long beatMillis = Math.max(200, staleAfter.toMillis() / 3);
        ScheduledFuture<?> heartbeat = scheduler.scheduleAtFixedRate(
                () -> imports.progressed(importId, progressJson(rowsRead, phase.get())), 0, beatMillis, TimeUnit.MILLISECONDS);
        RosterSnapshot snapshot = null;
        try (RosterPackage pkg = RosterPackage.open(storage.pathOf(importId))) {
            snapshot = RosterSnapshot.read(pkg, tenant, people, rowsRead::putAll);
            rowsRead.putAll(snapshot.rowsRead);
            phase.set("planning");
            imports.progressed(importId, progressJson(rowsRead, "planning"));

            LinkOutcome outcome = LinkRules.apply(snapshot.ties);
            Map<String, PeopleStore.Stored> stored = people.stored(tenant);
            LinkPlan plan = links.plan(tenant, outcome.links());
            Map<String, Object> counts = counts(snapshot, outcome, plan);

            if (!snapshot.delta && !removalConfirmed) {
                String hold = holdReason(plan, stored, snapshot);
                if (hold != null) {
                    imports.held(importId, snapshot.mode(), JSONObjectUtils.toJSONString(counts), hold,
                            snapshot.issues, snapshot.issueCount);
                    return;
                }
            }
            phase.set("applying");
            imports.progressed(importId, progressJson(rowsRead, "applying"));
            applier.apply(importId, tenant, pkg, snapshot, stored, plan, counts);
            LOG.log(Level.INFO, "Import {0} for tenant {1} succeeded", new Object[] {importId, tenant});
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

    /** Why a bulk import should wait for an admin, or null: it would end too large a share of links or people. */
    private String holdReason(LinkPlan plan, Map<String, PeopleStore.Stored> stored, RosterSnapshot snapshot) {
        long activePeople = stored.values().stream().filter(PeopleStore.Stored::active).count();
        long peopleEnding = stored.entrySet().stream().filter(e -> e.getValue().active()
                && (!snapshot.ties.hasUser(e.getKey()) || snapshot.inactiveInPackage.contains(e.getKey()))).count();
        double peopleShare = activePeople == 0 ? 0 : (double) peopleEnding / activePeople;
        if (plan.endingShare() <= holdShare && peopleShare <= holdShare) {
            return null;
        }
        return String.format("This import would end %d of %d active parent-child links and remove %d of %d people "
                        + "from the roster, more than the %.0f%% Kinbridge applies without a check. Confirm it if the "
                        + "export is complete, or discard it.",
                plan.toEnd().size(), plan.activeBefore(), peopleEnding, activePeople, holdShare * 100);
    }

    private static Map<String, Object> counts(RosterSnapshot snapshot, LinkOutcome outcome, LinkPlan plan) {
        Map<String, Object> counts = new LinkedHashMap<>();
        snapshot.rowsRead.forEach((file, rows) -> counts.put("rows:" + file, rows));
        counts.putAll(outcome.counts());
        counts.put("linksCreated", plan.toCreate().size());
        counts.put("linksRestored", plan.toReactivate().size());
        counts.put("linksRoleChanged", plan.toChangeRole().size());
        counts.put("linksEnded", plan.toEnd().size());
        counts.put("linksUnchanged", plan.unchanged());
        counts.put("linksBlocked", plan.skippedAsBlocked());
        counts.put("issues", snapshot.issueCount);
        return counts;
    }

    private static String progressJson(Map<String, Integer> rowsRead, String phase) {
        Map<String, Object> progress = new LinkedHashMap<>(rowsRead);
        progress.put("phase", phase);
        return JSONObjectUtils.toJSONString(progress);
    }
}
