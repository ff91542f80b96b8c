package org.kinbridge.lti.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The server-side half of an OIDC login: the state (stored hashed) bound to the nonce and the
 * platform registration it was issued for. Used once, then deleted.
 */
@Entity
@Table(name = "login_state")
public class LoginState {

    @Id
    @Column(name = "state_hash")
    private String stateHash;

    private String nonce;

    @Column(name = "registration_id")
    private String registrationId;

    @Column(name = "target_link_uri")
    private String targetLinkUri;

    @Column(name = "expires_at")
    private Instant expiresAt;

    protected LoginState() {
    }

    LoginState(String stateHash, String nonce, String registrationId, String targetLinkUri, Instant expiresAt) {
        this.stateHash = stateHash;
        this.nonce = nonce;
        this.registrationId = registrationId;
        this.targetLinkUri = targetLinkUri;
        this.expiresAt = expiresAt;
    }

    public String nonce() {
        return nonce;
    }

    public String registrationId() {
        return registrationId;
    }

    public String targetLinkUri() {
        return targetLinkUri;
    }

    public boolean hasExpired(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
