package org.kinbridge.lti.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A symmetric secret shared by all nodes through the database, named for what it protects. */
@Entity
@Table(name = "tool_secret")
public class ToolSecret {

    @Id
    private String purpose;

    private String secret;

    @Column(name = "created_at")
    private Instant createdAt;

    protected ToolSecret() {
    }

    ToolSecret(String purpose, String secret, Instant now) {
        this.purpose = purpose;
        this.secret = secret;
        this.createdAt = now;
    }

    String secret() {
        return secret;
    }
}
