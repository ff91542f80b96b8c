package org.kinbridge.roster;

import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kinbridge.audit.AuditEntry;
import org.kinbridge.audit.AuditLog;
import org.kinbridge.family.FamilyChanged;
import org.kinbridge.family.FamilyFilters;
import org.kinbridge.family.GuardianLinks;
import org.kinbridge.family.LinkOutcome;
import org.kinbridge.family.LinkPlan;
import org.kinbridge.family.LinkRules;
import org.kinbridge.family.PeopleStore;
import org.kinbridge.family.RejectedLink;
import org.kinbridge.family.RejectedListings;
import org.kinbridge.family.Relationship;
import org.kinbridge.family.RosterPerson;
import org.kinbridge.family.StoredLink;
import org.kinbridge.roster.csv.RosterPackage;
import org.kinbridge.shared.TenantId;

/**
 * Reads users.csv once and writes as it reads: people, relationships and links go to the database in
 * ONE transaction together with the import's SUCCEEDED status, so a crash part-way leaves the previous
 * roster untouched. A bulk import that would end too much is rolled back and held for an admin.
 * A delta touches only the people it names and their neighbours.
 */
@ApplicationScoped
public class RosterApplier {

    @Inject
    private PeopleStore people;

    @Inject
    private GuardianLinks links;

    @Inject
    private RejectedListings rejectedListings;

    @Inject
    private FamilyFilters familyFilters;

    @Inject
    private AuditLog audit;

    @Inject
    private RosterImports imports;

    @Inject
    private Clock clock;

    @Inject
    private Event<FamilyChanged> familyChanged;

    @Resource
    private ManagedExecutorService lookups;

    @Inject
    @ConfigProperty(name = "kinbridge.import.hold-share", defaultValue = "0.10")
    private double holdShare;

    /** A bulk import that must wait for an admin; thrown inside the transaction so nothing it wrote stays. */
    static final class HeldForConfirmation extends RuntimeException {

        private static final long serialVersionUID = 1L;

        final transient Map<String, Object> counts;

        HeldForConfirmation(String reason, Map<String, Object> counts) {
            super(reason, null, false, false);
            this.counts = counts;
        }
    }

    /**
     * Applies a package whose roles.csv {@code snapshot} has read; {@code phase} hears "planning" once
     * users.csv is read and "applying" when links are written.
     *
     * @return the counts the import reports
     * @throws HeldForConfirmation if a bulk import would end too much and {@code removalConfirmed} is false
     */
    @Transactional(value = Transactional.TxType.REQUIRES_NEW, rollbackOn = Exception.class)
    public Map<String, Object> apply(String importId, TenantId tenant, RosterPackage pkg, RosterSnapshot snapshot, boolean removalConfirmed,
                      Consumer<String> phase) {
        Instant now = clock.instant();
        String actor = "import:" + importId;
        Map<String, Object> counts = snapshot.delta
                ? applyDelta(importId, actor, tenant, pkg, snapshot, phase, now)
                : applyBulk(importId, actor, tenant, pkg, snapshot, removalConfirmed, phase, now);
        String countsJson = JSONObjectUtils.toJSONString(counts);
        audit.record(tenant, new AuditEntry(now, actor, "roster.imported", "import " + importId, countsJson));
        imports.succeeded(importId, snapshot.mode(), countsJson, snapshot.issues, snapshot.issueCount);
        familyChanged.fire(new FamilyChanged(tenant, actor));
        return counts;
    }

    private Map<String, Object> applyBulk(String importId, String actor, TenantId tenant, RosterPackage pkg, RosterSnapshot snapshot,
                                          boolean removalConfirmed, Consumer<String> phase, Instant now) {
        Map<String, PeopleStore.Stored> stored = people.stored(tenant);
        PeopleCounts peopleCounts = new PeopleCounts();
        try (PeopleStore.Writer writer = people.writer(tenant, importId, now)) {
            pkg.readUsers(row -> snapshot.user(row).ifPresent(person -> {
                PeopleStore.Stored before = stored.get(person.sourcedId());
                peopleCounts.write(writer, person, before == null ? null : before.fingerprint());
            }), snapshot::issue);
            snapshot.finishReading(pkg);
            stored.forEach((sourcedId, before) -> {
                if (before.active() && !snapshot.ties.hasUser(sourcedId)) {
                    writer.end(sourcedId);
                    peopleCounts.ended++;
                }
            });
        }
        phase.accept("planning");
        LinkOutcome outcome = LinkRules.apply(snapshot.ties);
        LinkPlan plan = links.plan(tenant, outcome.links());
        Map<String, Object> counts = counts(snapshot, outcome, plan, peopleCounts);
        if (!removalConfirmed) {
            String hold = holdReason(plan, stored, snapshot);
            if (hold != null) {
                throw new HeldForConfirmation(hold, counts);
            }
        }
        phase.accept("applying");
        if (snapshot.hasRelationships) {
            people.replaceRelationships(tenant, snapshot.relationships);
        }
        links.apply(tenant, plan, actor, importId, now);
        rejectedListings.replaceAll(tenant, outcome.rejected());
        familyFilters.refreshAll(tenant);
        return counts;
    }

    /**
     * The rules run over the people the delta names (its focus) and everyone a link, a listing or a
     * relationship ties them to, as stored; only pairs with an end in the focus can change.
     */
    private Map<String, Object> applyDelta(String importId, String actor, TenantId tenant, RosterPackage pkg, RosterSnapshot snapshot,
                                           Consumer<String> phase, Instant now) {
        List<RosterPerson> named = new ArrayList<>();
        pkg.readUsers(row -> snapshot.user(row).ifPresent(named::add), snapshot::issue);
        snapshot.finishReading(pkg);
        phase.accept("planning");

        Set<String> focus = new LinkedHashSet<>();
        named.forEach(person -> focus.add(person.sourcedId()));
        snapshot.relationships.forEach(r -> focus.addAll(List.of(r.userSourcedId(), r.relatedSourcedId())));
        // Nothing is written yet, so what surrounds the focus can be read on another connection meanwhile.
        FutureTask<Surroundings> surroundings = new FutureTask<>(() -> surroundings(tenant, focus, named, snapshot.hasRelationships));
        try {
            lookups.execute(surroundings);
        } catch (RejectedExecutionException stopping) {
            // the server is shutting its pools down: read them below, on this thread
        }
        Map<String, PeopleStore.StoredPerson> storedFocus = people.find(tenant, focus);
        surroundings.run(); // here, in this transaction, if no pool thread has taken it up yet; else a no-op
        Surroundings around = Surroundings.of(surroundings);
        List<StoredLink> storedLinks = around.links();
        List<Relationship> storedRelationships = around.relationships();

        // The other thread could not know whom the named people's stored rows list; those it did not read (usually
        // none: the package lists the same people) are read here.
        Set<String> listedByStored = new HashSet<>();
        storedFocus.values().forEach(stored -> listedByStored.addAll(stored.person().agentSourcedIds()));
        listedByStored.removeAll(focus);
        listedByStored.removeAll(around.neighbourIds());
        Map<String, RosterPerson> asStored = new LinkedHashMap<>();
        around.neighbours().forEach((sourcedId, stored) -> asStored.put(sourcedId, stored.person()));
        people.find(tenant, listedByStored).forEach((sourcedId, stored) -> asStored.put(sourcedId, stored.person()));
        storedFocus.forEach((sourcedId, stored) -> {
            if (!snapshot.ties.hasUser(sourcedId)) {
                asStored.put(sourcedId, stored.person()); // named by relationships.csv only
            }
        });
        asStored.values().forEach(person -> {
            snapshot.ties.addUser(person.sourcedId(), person.active() ? "active" : "tobedeleted", person.agentSourcedIds());
            snapshot.grantStoredRoles(person);
        });
        storedRelationships.forEach(r -> snapshot.ties.addRelationship(r.userSourcedId(), r.relatedSourcedId(), r.role()));

        List<RosterPerson> toWrite = new ArrayList<>(named.size());
        for (RosterPerson person : named) {
            PeopleStore.StoredPerson before = storedFocus.get(person.sourcedId());
            if (before != null && !snapshot.gaveRoles(person.sourcedId())) {
                snapshot.grantStoredRoles(before.person());
                person = person.withRoles(before.person().roles(), before.person().primaryRole());
            }
            toWrite.add(person);
        }
        LinkOutcome outcome = LinkRules.applyAround(snapshot.ties, focus);
        LinkPlan plan = links.planAround(tenant, outcome.links(), storedLinks);
        phase.accept("applying");
        PeopleCounts peopleCounts = new PeopleCounts();
        try (PeopleStore.Writer writer = people.writer(tenant, importId, now)) {
            List<RosterPerson> changed = new ArrayList<>();
            for (RosterPerson person : toWrite) {
                PeopleStore.StoredPerson before = storedFocus.get(person.sourcedId());
                peopleCounts.sort(person, before == null ? null : before.fingerprint(), writer::insert, changed::add);
            }
            writer.updateAll(changed);
        }
        Map<String, Object> counts = counts(snapshot, outcome, plan, peopleCounts);
        if (snapshot.hasRelationships) {
            people.replaceRelationshipsAround(tenant, focus, snapshot.relationships);
        }
        links.apply(tenant, plan, actor, importId, now);
        rejectedListings.replaceAround(tenant, around.listings(), outcome.rejected());
        familyFilters.refreshAfterCommit(tenant, focus, plan);
        return counts;
    }

    /**
     * What is stored around a delta's focus: the links, rejected listings and relationships with an end in it, and the
     * people they and the package's rows tie the focus to (its neighbours, as stored).
     */
    private Surroundings surroundings(TenantId tenant, Set<String> focus, List<RosterPerson> named, boolean relationshipsInPackage) {
        List<StoredLink> storedLinks = links.linksAround(tenant, focus);
        List<RejectedLink> listings = rejectedListings.around(tenant, focus);
        List<Relationship> relationships = relationshipsInPackage ? List.of() : people.relationshipsAround(tenant, focus);
        Set<String> neighbourIds = RejectedListings.counterparts(listings, focus);
        named.forEach(person -> neighbourIds.addAll(person.agentSourcedIds()));
        storedLinks.forEach(link -> neighbourIds.addAll(List.of(link.studentSourcedId(), link.guardianSourcedId())));
        relationships.forEach(r -> neighbourIds.addAll(List.of(r.userSourcedId(), r.relatedSourcedId())));
        neighbourIds.removeAll(focus);
        return new Surroundings(storedLinks, listings, relationships, neighbourIds, people.find(tenant, neighbourIds));
    }

    /** {@link #surroundings}'s answer; {@code neighbourIds} were looked up, {@code neighbours} are those stored. */
    private record Surroundings(List<StoredLink> links, List<RejectedLink> listings, List<Relationship> relationships,
                                Set<String> neighbourIds, Map<String, PeopleStore.StoredPerson> neighbours) {

        static Surroundings of(FutureTask<Surroundings> lookup) {
            try {
                return lookup.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while reading the delta's surroundings", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
            }
        }
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

    private static Map<String, Object> counts(RosterSnapshot snapshot, LinkOutcome outcome, LinkPlan plan,
                                              PeopleCounts people) {
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
        counts.put("peopleCreated", people.created);
        counts.put("peopleUpdated", people.updated);
        counts.put("peopleUnchanged", people.unchanged);
        counts.put("peopleEnded", people.ended);
        return counts;
    }

    /** Writes a person if new or changed, and counts which. */
    private static final class PeopleCounts {
        int created;
        int updated;
        int unchanged;
        int ended;

        void write(PeopleStore.Writer writer, RosterPerson person, String storedFingerprint) {
            sort(person, storedFingerprint, writer::insert, writer::update);
        }

        /** Hands a new person to {@code create} and a changed one to {@code change}, and counts which. */
        void sort(RosterPerson person, String storedFingerprint, Consumer<RosterPerson> create, Consumer<RosterPerson> change) {
            if (storedFingerprint == null) {
                create.accept(person);
                created++;
            } else if (!storedFingerprint.equals(person.fingerprint())) {
                change.accept(person);
                updated++;
            } else {
                unchanged++;
            }
        }
    }
}
