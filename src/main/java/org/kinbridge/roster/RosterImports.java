package org.kinbridge.roster;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.kinbridge.roster.csv.ImportIssue;
import org.kinbridge.school.Tenant;
import org.kinbridge.school.TenantService;
import org.kinbridge.shared.TenantId;
import org.kinbridge.shared.persistence.DatasourceDefinition;

/** The import history of a tenant: creating runs, recording their outcome, and reading them back. */
@ApplicationScoped
public class RosterImports {

    static final int STORED_ISSUES = 1000;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private TenantService tenants;

    @Resource(lookup = DatasourceDefinition.JNDI_NAME)
    private DataSource dataSource;

    /** A new RUNNING import, unless one is already running for the tenant. */
    @Transactional
    public RosterImport start(TenantId tenant, String fileName, long size, String requestedBy) {
        lockTenant(tenant);
        return persist(new RosterImport(tenant, fileName, size, requestedBy, clock.instant()));
    }

    /** A new run of a stored package; {@code confirmRemoval} lets a held removal through. */
    @Transactional
    public RosterImport rerun(TenantId tenant, String importId, String requestedBy, boolean confirmRemoval) {
        RosterImport earlier = require(tenant, importId);
        if (confirmRemoval && earlier.status() != ImportStatus.HELD) {
            throw new ImportNotHeldException(importId);
        }
        lockTenant(tenant);
        if (confirmRemoval) {
            earlier.discard(clock.instant());
        }
        return persist(earlier.rerun(requestedBy, confirmRemoval, clock.instant()));
    }

    @Transactional
    public RosterImport discard(TenantId tenant, String importId) {
        RosterImport held = require(tenant, importId);
        held.discard(clock.instant());
        return held;
    }

    @Transactional
    public RosterImport require(TenantId tenant, String importId) {
        RosterImport found = importId == null ? null : em.find(RosterImport.class, importId);
        if (found == null || !found.tenant().equals(tenant)) {
            throw new UnknownImportException(String.valueOf(importId));
        }
        return found;
    }

    @Transactional
    public List<RosterImport> recent(TenantId tenant, int limit) {
        return em.createNamedQuery("RosterImport.ofTenant", RosterImport.class)
                .setParameter("tenantId", tenant.value()).setMaxResults(limit).getResultList();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void progressed(String importId, String progressJson) {
        RosterImport running = em.find(RosterImport.class, importId);
        if (running != null && running.status() == ImportStatus.RUNNING) {
            running.progressed(progressJson, clock.instant());
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(String importId, String reason, List<ImportIssue> issues, int issueCount) {
        RosterImport running = em.find(RosterImport.class, importId, LockModeType.PESSIMISTIC_WRITE);
        if (running != null && running.status() == ImportStatus.RUNNING) {
            running.failed(reason, issueCount, clock.instant());
            storeIssues(importId, issues);
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void held(String importId, String mode, String countsJson, String reason, List<ImportIssue> issues, int issueCount) {
        stillRunning(importId).held(mode, countsJson, issueCount, reason, clock.instant());
        storeIssues(importId, issues);
    }

    /**
     * Marks success inside the apply transaction, so the status flips with the data. If the run was
     * declared dead meanwhile (FAILED by the sweeper), this throws and the whole apply rolls back.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void succeeded(String importId, String mode, String countsJson, List<ImportIssue> issues, int issueCount) {
        stillRunning(importId).succeeded(mode, countsJson, issueCount, clock.instant());
        storeIssues(importId, issues);
    }

    /** The import, row-locked, provided it is still RUNNING: the sweeper and the run cannot both decide its fate. */
    private RosterImport stillRunning(String importId) {
        RosterImport running = em.find(RosterImport.class, importId, LockModeType.PESSIMISTIC_WRITE);
        if (running == null || running.status() != ImportStatus.RUNNING) {
            throw new IllegalStateException("Import " + importId + " is no longer running; its changes are not applied");
        }
        return running;
    }

    /** Imports whose node stopped beating (a crash or restart) fail, so they can be run again. */
    @Transactional
    public int failStale(java.time.Duration silence) {
        List<RosterImport> stale = em.createNamedQuery("RosterImport.stale", RosterImport.class)
                .setParameter("before", clock.instant().minus(silence))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        stale.forEach(i -> i.failed("Interrupted: the server stopped while this import ran. Nothing of it was applied; run it again.",
                i.issueCount(), clock.instant()));
        return stale.size();
    }

    /** The stored per-row issues of an import (at most the first {@value #STORED_ISSUES}). */
    @Transactional
    public List<ImportIssue> issues(TenantId tenant, String importId) {
        require(tenant, importId);
        List<ImportIssue> issues = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT file_name, row_number, column_name, code, message "
                     + "FROM import_issue WHERE import_id = ? ORDER BY seq")) {
            select.setString(1, importId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    issues.add(new ImportIssue(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read import issues", e);
        }
        return issues;
    }

    public void writeIssuesCsv(List<ImportIssue> issues, Writer out) {
        try {
            out.write("file,row,column,code,message\r\n");
            for (ImportIssue issue : issues) {
                out.write(String.join(",", csv(issue.file()), String.valueOf(issue.row()), csv(issue.column()),
                        csv(issue.code()), csv(issue.message())) + "\r\n");
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String csv(String value) {
        String text = value == null ? "" : value;
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private void storeIssues(String importId, List<ImportIssue> issues) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO import_issue "
                     + "(import_id, seq, file_name, row_number, column_name, code, message) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            int seq = 0;
            for (ImportIssue issue : issues.subList(0, Math.min(issues.size(), STORED_ISSUES))) {
                insert.setString(1, importId);
                insert.setInt(2, seq++);
                insert.setString(3, clip(issue.file(), 100));
                insert.setInt(4, issue.row());
                insert.setString(5, issue.column() == null ? null : clip(issue.column(), 100));
                insert.setString(6, clip(issue.code(), 60));
                insert.setString(7, clip(issue.message(), 500));
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store import issues", e);
        }
    }

    private static String clip(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }

    /** Serialises import starts per tenant (a row lock on the tenant), then refuses a second running import. */
    private void lockTenant(TenantId tenant) {
        Tenant locked = em.find(Tenant.class, tenant.value(), LockModeType.PESSIMISTIC_WRITE);
        if (locked == null) {
            tenants.require(tenant.value());
        }
        long running = em.createQuery("SELECT COUNT(i) FROM RosterImport i WHERE i.tenantId = :tenantId "
                        + "AND i.status = org.kinbridge.roster.ImportStatus.RUNNING", Long.class)
                .setParameter("tenantId", tenant.value()).getSingleResult();
        if (running > 0) {
            throw new ImportConflictException();
        }
    }

    private RosterImport persist(RosterImport started) {
        em.persist(started);
        return started;
    }
}
