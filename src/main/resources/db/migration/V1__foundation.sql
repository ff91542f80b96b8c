-- Foundation: tenants, LTI platform registrations, tool keys, login state and nonces.

CREATE TABLE startup_lock (
    id INT PRIMARY KEY
);
INSERT INTO startup_lock (id) VALUES (1);

CREATE TABLE tenant (
    id          VARCHAR(64)  PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    created_at  TIMESTAMP    NOT NULL
);

CREATE TABLE platform_registration (
    id              VARCHAR(36)   PRIMARY KEY,
    tenant_id       VARCHAR(64)   NOT NULL REFERENCES tenant (id),
    issuer          VARCHAR(500)  NOT NULL,
    client_id       VARCHAR(255)  NOT NULL,
    auth_login_url  VARCHAR(1000) NOT NULL,
    auth_token_url  VARCHAR(1000) NOT NULL,
    jwks_url        VARCHAR(1000) NOT NULL,
    source          VARCHAR(20)   NOT NULL,
    created_at      TIMESTAMP     NOT NULL,
    CONSTRAINT uq_platform_issuer_client UNIQUE (issuer, client_id)
);
CREATE INDEX ix_platform_tenant ON platform_registration (tenant_id);

CREATE TABLE platform_deployment (
    registration_id VARCHAR(36)  NOT NULL REFERENCES platform_registration (id) ON DELETE CASCADE,
    deployment_id   VARCHAR(255) NOT NULL,
    PRIMARY KEY (registration_id, deployment_id)
);

CREATE TABLE registration_invitation (
    id              VARCHAR(36)  PRIMARY KEY,
    tenant_id       VARCHAR(64)  NOT NULL REFERENCES tenant (id),
    token_hash      VARCHAR(64)  NOT NULL UNIQUE,
    status          VARCHAR(20)  NOT NULL,
    created_at      TIMESTAMP    NOT NULL,
    expires_at      TIMESTAMP    NOT NULL,
    used_at         TIMESTAMP,
    registration_id VARCHAR(36)
);

CREATE TABLE tool_key (
    kid          VARCHAR(64)   PRIMARY KEY,
    private_jwk  VARCHAR(8000) NOT NULL,
    status       VARCHAR(20)   NOT NULL,
    created_at   TIMESTAMP     NOT NULL,
    retired_at   TIMESTAMP
);

CREATE TABLE tool_secret (
    purpose     VARCHAR(40)  PRIMARY KEY,
    secret      VARCHAR(200) NOT NULL,
    created_at  TIMESTAMP    NOT NULL
);

CREATE TABLE login_state (
    state_hash       VARCHAR(64)   PRIMARY KEY,
    nonce            VARCHAR(100)  NOT NULL,
    registration_id  VARCHAR(36)   NOT NULL REFERENCES platform_registration (id) ON DELETE CASCADE,
    target_link_uri  VARCHAR(1000) NOT NULL,
    expires_at       TIMESTAMP     NOT NULL
);
CREATE INDEX ix_login_state_expiry ON login_state (expires_at);

CREATE TABLE used_nonce (
    nonce_key   VARCHAR(64) PRIMARY KEY,
    expires_at  TIMESTAMP   NOT NULL
);
CREATE INDEX ix_used_nonce_expiry ON used_nonce (expires_at);
