package org.kinbridge.family.synckey;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.kinbridge.audit.AuditEntry;
import org.kinbridge.audit.AuditLog;
import org.kinbridge.family.FamilyChanged;
import org.kinbridge.family.FamilyFilters;
import org.kinbridge.family.NewLinkHolds;
import org.kinbridge.family.PeopleStore;
import org.kinbridge.shared.TenantId;

/**
 * The parent-file use cases: read a file, preview it, apply it. Applying is one transaction under a
 * lock on the tenant: parents, links and an audit entry for each change commit together or not at all.
 */
@ApplicationScoped
public class SyncKeyImportService {

    @Inject
    private Event<FamilyChanged> familyChanged;

    private static final Logger LOG = Logger.getLogger(SyncKeyImportService.class.getName());

    @Inject
    private SyncKeyStore store;

    @Inject
    private PeopleStore people;

    @Inject
    private NewLinkHolds holds;

    @Inject
    private FamilyFilters familyFilters;

    @Inject
    private AuditLog audit;

    @Inject
    private Clock clock;

    @Inject
    @ConfigProperty(name = "kinbridge.parent-import.max-bytes", defaultValue = "20971520")
    private long maxBytes;

    /** Reads the upload outside any transaction; a broken file is refused whole. */
    public ParentFile read(ParentImportRequest request, InputStream body) {
        return ParentCsv.read(body, request, maxBytes);
    }

    /** The upload's columns and first rows, for an admin about to choose the columns; reads no stored data. */
    public ParentFileColumns columns(InputStream body) {
        return ParentCsv.columns(body, maxBytes);
    }

    /** What applying the file would do; writes nothing. */
    @Transactional
    public ImportSummary preview(TenantId tenant, ParentImportRequest request, ParentFile file) {
        return ImportSummary.of(true, plan(tenant, request, file));
    }

    @Transactional(rollbackOn = Exception.class)
    public ImportSummary apply(TenantId tenant, ParentImportRequest request, ParentFile file, String actor) {
        store.lock(tenant);
        SyncImportPlan plan = plan(tenant, request, file);
        Instant now = clock.instant();
        String runId = UUID.randomUUID().toString();
        List<AuditEntry> entries = new ArrayList<>();
        if (!plan.parentsToCreate().isEmpty() || !plan.parentsToUpdate().isEmpty()) {
            try (PeopleStore.Writer writer = people.writer(tenant, runId, now)) {
                for (PlannedParent parent : plan.parentsToCreate()) {
                    writer.insert(parent.person());
                    entries.add(new AuditEntry(now, actor, "person.created", parent.person().sourcedId(), detail(parent.row(), parent.syncValue())));
                }
                for (PlannedParent parent : plan.parentsToUpdate()) {
                    writer.update(parent.person());
                    entries.add(new AuditEntry(now, actor, "person.updated", parent.person().sourcedId(), detail(parent.row(), parent.syncValue())));
                }
            }
        }
        store.writeLinks(tenant, plan, now);
        familyFilters.refreshAround(tenant, plan.people());
        plan.linksToCreate().forEach(link -> entries.add(linkEntry(now, actor, "link.created", link)));
        plan.linksToRestore().forEach(link -> entries.add(linkEntry(now, actor, "link.restored", link)));
        plan.linksToEnd().forEach(link -> entries.add(linkEntry(now, actor, "link.ended", link)));
        ImportSummary summary = ImportSummary.of(false, plan);
        entries.add(new AuditEntry(now, actor, "parents.imported", "sync-key import " + runId, counts(summary, request)));
        familyChanged.fire(new FamilyChanged(tenant, "sync-key import " + runId));
        audit.recordAll(tenant, entries);
        LOG.log(Level.INFO, "Sync-key parent import for tenant {0}: {1}", new Object[] {tenant, counts(summary, request)});
        return summary;
    }

    private SyncImportPlan plan(TenantId tenant, ParentImportRequest request, ParentFile file) {
        ChildMatcher matcher = new ChildMatcher(request.childMatch(), store.activeStudents(tenant));
        return new SyncImportPlanner(matcher, request.childColumnsLabel(), store.parentFingerprints(tenant), store.links(tenant),
                store.blockedPairs(tenant), holds.heldAdults(tenant)).plan(file);
    }

    private static AuditEntry linkEntry(Instant now, String actor, String action, PlannedLink link) {
        return new AuditEntry(now, actor, action, link.studentSourcedId() + " <- " + link.guardianSourcedId(),
                "source SYNC_KEY; " + detail(link.row(), link.syncValue()));
    }

    private static String detail(int row, String syncValue) {
        return "parent file row " + row + ", sync value " + syncValue;
    }

    private static String counts(ImportSummary summary, ParentImportRequest request) {
        return "childMatch " + request.childMatch() + "; parents created " + summary.parentsCreated() + ", updated "
                + summary.parentsUpdated() + ", unchanged " + summary.parentsUnchanged() + "; links created "
                + summary.linksCreated() + ", ended " + summary.linksEnded() + ", unchanged " + summary.linksUnchanged()
                + "; rows refused " + summary.rowsRefused() + "; issues " + summary.issueCount();
    }
}
