package org.kinbridge.lti.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A nonce a platform has already used in an id_token, kept until the token could no longer be valid. */
@Entity
@Table(name = "used_nonce")
public class UsedNonce {

    @Id
    @Column(name = "nonce_key")
    private String nonceKey;

    @Column(name = "expires_at")
    private Instant expiresAt;

    protected UsedNonce() {
    }

    UsedNonce(String nonceKey, Instant expiresAt) {
        this.nonceKey = nonceKey;
        this.expiresAt = expiresAt;
    }
}
