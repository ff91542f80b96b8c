package org.kinbridge.lti.registration;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.kinbridge.shared.TenantId;

/**
 * A one-time Dynamic Registration link an operator made for one tenant. Only its hash is stored;
 * whatever registers through it belongs to that tenant.
 */
@Entity
@Table(name = "registration_invitation")
public class RegistrationInvitation {

    enum Status { OPEN, IN_PROGRESS, USED }

    @Id
    private String id;

    @Column(name = "tenant_id")
    private String tenantId;

    @Column(name = "token_hash")
    private String tokenHash;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "registration_id")
    private String registrationId;

    protected RegistrationInvitation() {
    }

    RegistrationInvitation(TenantId tenant, String tokenHash, Instant now, Instant expiresAt) {
        this.id = UUID.randomUUID().toString();
        this.tenantId = tenant.value();
        this.tokenHash = tokenHash;
        this.status = Status.OPEN;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    TenantId tenant() {
        return new TenantId(tenantId);
    }

    Instant expiresAt() {
        return expiresAt;
    }

    boolean isOpen(Instant now) {
        return status == Status.OPEN && expiresAt.isAfter(now);
    }

    void usedFor(PlatformRegistration registration, Instant now) {
        status = Status.USED;
        usedAt = now;
        registrationId = registration.id();
    }
}
