package org.kinbridge.lti.registration;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.kinbridge.shared.TenantId;

/** An LMS platform trusted to launch Kinbridge for one tenant. */
@Entity
@Table(name = "platform_registration")
@NamedQuery(name = "PlatformRegistration.byIssuer",
        query = "SELECT r FROM PlatformRegistration r WHERE r.issuer = :issuer")
@NamedQuery(name = "PlatformRegistration.byIssuerAndClient",
        query = "SELECT r FROM PlatformRegistration r WHERE r.issuer = :issuer AND r.clientId = :clientId")
@NamedQuery(name = "PlatformRegistration.byTenant",
        query = "SELECT r FROM PlatformRegistration r WHERE r.tenantId = :tenantId ORDER BY r.createdAt")
@NamedQuery(name = "PlatformRegistration.all", query = "SELECT r FROM PlatformRegistration r")
public class PlatformRegistration {

    /** How the registration came to be. */
    public enum Source { OPERATOR, DYNAMIC_REGISTRATION, DEMO }

    @Id
    private String id;

    @Column(name = "tenant_id", nullable = false)
    private String tenantId;

    private String issuer;

    @Column(name = "client_id")
    private String clientId;

    @Column(name = "auth_login_url")
    private String authLoginUrl;

    @Column(name = "auth_token_url")
    private String authTokenUrl;

    @Column(name = "jwks_url")
    private String jwksUrl;

    @Enumerated(EnumType.STRING)
    private Source source;

    @Column(name = "created_at")
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "platform_deployment", joinColumns = @JoinColumn(name = "registration_id"))
    @Column(name = "deployment_id")
    private Set<String> deploymentIds = new LinkedHashSet<>();

    protected PlatformRegistration() {
    }

    public PlatformRegistration(TenantId tenant, PlatformEndpoints endpoints, Collection<String> deploymentIds,
                                Source source, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.tenantId = tenant.value();
        this.issuer = endpoints.issuer();
        this.clientId = endpoints.clientId();
        this.authLoginUrl = endpoints.authLoginUrl();
        this.authTokenUrl = endpoints.authTokenUrl();
        this.jwksUrl = endpoints.jwksUrl();
        this.source = Objects.requireNonNull(source);
        this.createdAt = now;
        this.deploymentIds.addAll(deploymentIds);
    }

    public String id() {
        return id;
    }

    public TenantId tenant() {
        return new TenantId(tenantId);
    }

    public String issuer() {
        return issuer;
    }

    public String clientId() {
        return clientId;
    }

    public String authLoginUrl() {
        return authLoginUrl;
    }

    public String authTokenUrl() {
        return authTokenUrl;
    }

    public String jwksUrl() {
        return jwksUrl;
    }

    public Source source() {
        return source;
    }

    public Set<String> deploymentIds() {
        return Set.copyOf(deploymentIds);
    }

    public boolean hasDeployment(String deploymentId) {
        return deploymentIds.contains(deploymentId);
    }

    void addDeployment(String deploymentId) {
        deploymentIds.add(deploymentId);
    }
}
