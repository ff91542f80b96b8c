-- Parent accounts: lifecycle state with the reasons behind it, one activation credential at a time
-- (stored hashed), parent sessions (hashed), safeguarding restrictions and per-tenant access settings.

CREATE TABLE parent_account (
    tenant_id            VARCHAR(64)   NOT NULL REFERENCES tenant (id),
    person_sourced_id    VARCHAR(255)  NOT NULL,
    state                VARCHAR(24)   NOT NULL,
    reasons              VARCHAR(300)  NOT NULL,
    username             VARCHAR(320),
    password_hash        VARCHAR(300),
    activation_hash      VARCHAR(64),
    activation_expires_at TIMESTAMP,
    invite_ref           VARCHAR(64),
    invite_channel       VARCHAR(10),
    last_invited_at      TIMESTAMP,
    mail_status          VARCHAR(20),
    mail_error           VARCHAR(1000),
    provisioned_at       TIMESTAMP,
    activated_at         TIMESTAMP,
    state_changed_at     TIMESTAMP     NOT NULL,
    created_at           TIMESTAMP     NOT NULL,
    PRIMARY KEY (tenant_id, person_sourced_id)
);
CREATE INDEX ix_account_state ON parent_account (tenant_id, state);
CREATE INDEX ix_account_username ON parent_account (tenant_id, username);
CREATE INDEX ix_account_activation ON parent_account (tenant_id, activation_hash);

CREATE TABLE parent_session (
    token_hash         VARCHAR(64)  PRIMARY KEY,
    tenant_id          VARCHAR(64)  NOT NULL REFERENCES tenant (id),
    person_sourced_id  VARCHAR(255) NOT NULL,
    created_at         TIMESTAMP    NOT NULL,
    expires_at         TIMESTAMP    NOT NULL
);
CREATE INDEX ix_parent_session_person ON parent_session (tenant_id, person_sourced_id);

CREATE TABLE access_restriction (
    tenant_id          VARCHAR(64)   NOT NULL REFERENCES tenant (id),
    person_sourced_id  VARCHAR(255)  NOT NULL,
    no_login           BOOLEAN       NOT NULL,
    no_data            BOOLEAN       NOT NULL,
    no_messages        BOOLEAN       NOT NULL,
    no_new_links       BOOLEAN       NOT NULL,
    reason             VARCHAR(1000) NOT NULL,
    recorded_by        VARCHAR(255)  NOT NULL,
    recorded_at        TIMESTAMP     NOT NULL,
    lifted_at          TIMESTAMP,
    lifted_by          VARCHAR(255),
    PRIMARY KEY (tenant_id, person_sourced_id)
);

CREATE TABLE access_setting (
    tenant_id          VARCHAR(64)   PRIMARY KEY REFERENCES tenant (id),
    relatives_allowed  BOOLEAN       NOT NULL,
    invite_days        INT           NOT NULL,
    welcome_note       VARCHAR(2000),
    updated_by         VARCHAR(255)  NOT NULL,
    updated_at         TIMESTAMP     NOT NULL
);

CREATE INDEX ix_audit_tenant_action ON audit_entry (tenant_id, action, at);
