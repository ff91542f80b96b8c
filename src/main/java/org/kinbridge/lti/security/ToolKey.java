package org.kinbridge.lti.security;

import com.nimbusds.jose.jwk.RSAKey;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.text.ParseException;
import java.time.Instant;

/**
 * One of the tool's RSA key pairs. The ACTIVE key signs; a PUBLISHED key no longer signs but stays in
 * the JWKS so platforms can verify what it signed until an operator retires it.
 */
@Entity
@Table(name = "tool_key")
@NamedQuery(name = "ToolKey.published", query = "SELECT k FROM ToolKey k WHERE k.status <> org.kinbridge.lti.security.ToolKey.Status.RETIRED ORDER BY k.createdAt DESC")
@NamedQuery(name = "ToolKey.active", query = "SELECT k FROM ToolKey k WHERE k.status = org.kinbridge.lti.security.ToolKey.Status.ACTIVE")
public class ToolKey {

    public enum Status { ACTIVE, PUBLISHED, RETIRED }

    @Id
    private String kid;

    @Column(name = "private_jwk", nullable = false)
    private String privateJwk;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "retired_at")
    private Instant retiredAt;

    protected ToolKey() {
    }

    ToolKey(RSAKey keyPair, Instant now) {
        this.kid = keyPair.getKeyID();
        this.privateJwk = keyPair.toJSONString();
        this.status = Status.ACTIVE;
        this.createdAt = now;
    }

    public String kid() {
        return kid;
    }

    public Status status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    RSAKey keyPair() {
        try {
            return RSAKey.parse(privateJwk);
        } catch (ParseException e) {
            throw new IllegalStateException("Stored tool key " + kid + " is not a valid JWK", e);
        }
    }

    void stopSigning() {
        if (status == Status.ACTIVE) {
            status = Status.PUBLISHED;
        }
    }

    void retire(Instant now) {
        if (status == Status.ACTIVE) {
            throw new SigningKeyInUseException(kid);
        }
        status = Status.RETIRED;
        retiredAt = now;
    }
}
