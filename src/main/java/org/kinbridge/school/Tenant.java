package org.kinbridge.school;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.kinbridge.shared.TenantId;

/** One customer of Kinbridge; everything else hangs off its id. */
@Entity
@Table(name = "tenant")
public class Tenant {

    static final int MAX_NAME_LENGTH = 200;

    @Id
    private String id;

    private String name;

    @Column(name = "created_at")
    private Instant createdAt;

    protected Tenant() {
    }

    Tenant(TenantId id, String name, Instant now) {
        this.id = id.value();
        this.name = name;
        this.createdAt = now;
    }

    public TenantId id() {
        return new TenantId(id);
    }

    public String name() {
        return name;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
