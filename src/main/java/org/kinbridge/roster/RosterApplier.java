package org.kinbridge.roster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kinbridge.audit.AuditEntry;
import org.kinbridge.audit.AuditLog;
import org.kinbridge.family.FamilyChanged;
import org.kinbridge.family.GuardianLinks;
import org.kinbridge.family.LinkPlan;
import org.kinbridge.family.PeopleStore;
import org.kinbridge.family.RosterPerson;
import org.kinbridge.roster.csv.ImportIssue;
import org.kinbridge.roster.csv.RosterPackage;
import org.kinbridge.roster.csv.UserRow;
import org.kinbridge.shared.TenantId;

/**
 * The second pass: people, relationships and links written in ONE transaction together with the
 * import's SUCCEEDED status, so a crash part-way leaves the previous roster untouched.
 */
@ApplicationScoped
public class RosterApplier {

    @Inject
    private PeopleStore people;

    @Inject
    private GuardianLinks links;

    @Inject
    private AuditLog audit;

    @Inject
    private RosterImports imports;

    @Inject
    private Clock clock;

    @Inject
    private Event<FamilyChanged> familyChanged;

    @Transactional(value = Transactional.TxType.REQUIRES_NEW, rollbackOn = Exception.class)
    public void apply(String importId, TenantId tenant, RosterPackage pkg, RosterSnapshot snapshot,
                      Map<String, PeopleStore.Stored> stored, LinkPlan plan, Map<String, Object> counts) {
        Instant now = clock.instant();
        int[] people = new int[4]; // created, updated, unchanged, ended
        List<ImportIssue> ignored = new ArrayList<>();
        try (PeopleStore.Writer writer = this.people.writer(tenant, importId, now)) {
            java.util.Set<String> written = new java.util.HashSet<>();
            pkg.readUsers(row -> {
                if (!written.add(row.sourcedId())) {
                    return; // a duplicate row, reported in the first pass
                }
                RosterPerson person = personOf(row, snapshot);
                PeopleStore.Stored before = stored.get(row.sourcedId());
                if (before == null) {
                    writer.insert(person);
                    people[0]++;
                } else if (!before.fingerprint().equals(person.fingerprint())) {
                    writer.update(person);
                    people[1]++;
                } else {
                    people[2]++;
                }
            }, ignored::add);
            if (!snapshot.delta) {
                for (Map.Entry<String, PeopleStore.Stored> entry : stored.entrySet()) {
                    if (entry.getValue().active() && !written.contains(entry.getKey())) {
                        writer.end(entry.getKey());
                        people[3]++;
                    }
                }
            }
        }
        if (snapshot.hasRelationships) {
            this.people.replaceRelationships(tenant, snapshot.relationships);
        }
        String actor = "import:" + importId;
        links.apply(tenant, plan, actor, importId, now);
        counts.put("peopleCreated", people[0]);
        counts.put("peopleUpdated", people[1]);
        counts.put("peopleUnchanged", people[2]);
        counts.put("peopleEnded", people[3]);
        String countsJson = com.nimbusds.jose.util.JSONObjectUtils.toJSONString(counts);
        audit.record(tenant, new AuditEntry(now, actor, "roster.imported", "import " + importId, countsJson));
        imports.succeeded(importId, snapshot.mode(), countsJson, snapshot.issues, snapshot.issueCount);
        familyChanged.fire(new FamilyChanged(tenant, actor));
    }

    private static RosterPerson personOf(UserRow row, RosterSnapshot snapshot) {
        List<String> roles = new ArrayList<>(snapshot.rolesFromRolesFile.getOrDefault(row.sourcedId(), List.of()));
        Optional<String> primary = Optional.ofNullable(row.role()).filter(r -> !r.isBlank());
        primary.ifPresent(roles::add);
        if (primary.isEmpty()) {
            primary = Optional.ofNullable(snapshot.primaryFromRolesFile.get(row.sourcedId()));
        }
        List<String> orgs = new ArrayList<>(row.orgSourcedIds());
        Optional.ofNullable(row.primaryOrgSourcedId()).filter(o -> !o.isBlank() && !orgs.contains(o)).ifPresent(orgs::add);
        return new RosterPerson(row.sourcedId(), row.active(), row.enabledUser(), roles,
                primary.map(String::toLowerCase), row.givenName(), row.familyName(), row.username(), row.email(),
                row.identifier(), row.agentSourcedIds(), orgs);
    }
}
