package org.kinbridge.roster;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.kinbridge.shared.TenantId;

/** One OneRoster package sent for a tenant, and what became of it. */
@Entity
@Table(name = "roster_import")
@NamedQuery(name = "RosterImport.ofTenant",
        query = "SELECT i FROM RosterImport i WHERE i.tenantId = :tenantId ORDER BY i.createdAt DESC")
@NamedQuery(name = "RosterImport.stale",
        query = "SELECT i FROM RosterImport i WHERE i.status = org.kinbridge.roster.ImportStatus.RUNNING AND i.heartbeatAt < :before")
public class RosterImport {

    @Id
    private String id;

    @Column(name = "tenant_id")
    private String tenantId;

    @Enumerated(EnumType.STRING)
    private ImportStatus status;

    private String mode;

    @Column(name = "file_name")
    private String fileName;

    @Column(name = "file_size")
    private long fileSize;

    @Column(name = "requested_by")
    private String requestedBy;

    private boolean confirmed;

    @Column(name = "rerun_of")
    private String rerunOf;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "heartbeat_at")
    private Instant heartbeatAt;

    private String progress;

    private String counts;

    private String error;

    @Column(name = "held_reason")
    private String heldReason;

    @Column(name = "issue_count")
    private int issueCount;

    protected RosterImport() {
    }

    RosterImport(TenantId tenant, String fileName, long fileSize, String requestedBy, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.tenantId = tenant.value();
        this.status = ImportStatus.RUNNING;
        this.fileName = fileName;
        this.fileSize = fileSize;
        this.requestedBy = requestedBy;
        this.createdAt = now;
        this.startedAt = now;
        this.heartbeatAt = now;
    }

    /** A new run of the same stored package, e.g. after a crash or to apply a held removal. */
    RosterImport rerun(String requester, boolean confirmRemoval, Instant now) {
        RosterImport again = new RosterImport(tenant(), fileName, fileSize, requester, now);
        again.rerunOf = id;
        again.confirmed = confirmRemoval;
        return again;
    }

    void progressed(String progressJson, Instant now) {
        this.progress = progressJson;
        this.heartbeatAt = now;
    }

    void succeeded(String mode, String countsJson, int issues, Instant now) {
        finish(ImportStatus.SUCCEEDED, now);
        this.mode = mode;
        this.counts = countsJson;
        this.issueCount = issues;
    }

    void held(String mode, String countsJson, int issues, String reason, Instant now) {
        finish(ImportStatus.HELD, now);
        this.mode = mode;
        this.counts = countsJson;
        this.issueCount = issues;
        this.heldReason = reason;
    }

    void failed(String reason, int issues, Instant now) {
        finish(ImportStatus.FAILED, now);
        this.error = reason.length() > 2000 ? reason.substring(0, 2000) : reason;
        this.issueCount = issues;
    }

    void discard(Instant now) {
        if (status != ImportStatus.HELD) {
            throw new ImportNotHeldException(id);
        }
        status = ImportStatus.DISCARDED;
        finishedAt = now;
    }

    private void finish(ImportStatus outcome, Instant now) {
        this.status = outcome;
        this.finishedAt = now;
        this.heartbeatAt = now;
    }

    public String id() {
        return id;
    }

    public TenantId tenant() {
        return new TenantId(tenantId);
    }

    public ImportStatus status() {
        return status;
    }

    public Optional<String> mode() {
        return Optional.ofNullable(mode);
    }

    public String fileName() {
        return fileName;
    }

    public long fileSize() {
        return fileSize;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public boolean confirmed() {
        return confirmed;
    }

    public Optional<String> rerunOf() {
        return Optional.ofNullable(rerunOf);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> finishedAt() {
        return Optional.ofNullable(finishedAt);
    }

    public Optional<String> progress() {
        return Optional.ofNullable(progress);
    }

    public Optional<String> counts() {
        return Optional.ofNullable(counts);
    }

    public Optional<String> error() {
        return Optional.ofNullable(error);
    }

    public Optional<String> heldReason() {
        return Optional.ofNullable(heldReason);
    }

    public int issueCount() {
        return issueCount;
    }
}
