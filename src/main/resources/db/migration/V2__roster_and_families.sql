-- Roster imports, people, parent-child links and the audit trail.

CREATE TABLE roster_import (
    id              VARCHAR(36)   PRIMARY KEY,
    tenant_id       VARCHAR(64)   NOT NULL REFERENCES tenant (id),
    status          VARCHAR(20)   NOT NULL,
    mode            VARCHAR(10),
    file_name       VARCHAR(300),
    file_size       BIGINT        NOT NULL,
    requested_by    VARCHAR(255)  NOT NULL,
    confirmed       BOOLEAN       NOT NULL,
    rerun_of        VARCHAR(36),
    created_at      TIMESTAMP     NOT NULL,
    started_at      TIMESTAMP,
    finished_at     TIMESTAMP,
    heartbeat_at    TIMESTAMP,
    progress        VARCHAR(2000),
    counts          VARCHAR(4000),
    error           VARCHAR(2000),
    held_reason     VARCHAR(2000),
    issue_count     INT           NOT NULL
);
CREATE INDEX ix_import_tenant ON roster_import (tenant_id, created_at);
CREATE INDEX ix_import_status ON roster_import (status);

CREATE TABLE import_issue (
    import_id    VARCHAR(36)  NOT NULL REFERENCES roster_import (id) ON DELETE CASCADE,
    seq          INT          NOT NULL,
    file_name    VARCHAR(100) NOT NULL,
    row_number   INT          NOT NULL,
    column_name  VARCHAR(100),
    code         VARCHAR(60)  NOT NULL,
    message      VARCHAR(500) NOT NULL,
    PRIMARY KEY (import_id, seq)
);

CREATE TABLE person (
    tenant_id          VARCHAR(64)   NOT NULL REFERENCES tenant (id),
    sourced_id         VARCHAR(255)  NOT NULL,
    active             BOOLEAN       NOT NULL,
    enabled_user       BOOLEAN,
    roles              VARCHAR(500)  NOT NULL,
    primary_role       VARCHAR(60),
    given_name         VARCHAR(255),
    family_name        VARCHAR(255),
    username           VARCHAR(255),
    email              VARCHAR(320),
    identifier         VARCHAR(255),
    agent_sourced_ids  VARCHAR(4000) NOT NULL,
    org_sourced_ids    VARCHAR(2000) NOT NULL,
    fingerprint        VARCHAR(64)   NOT NULL,
    last_import_id     VARCHAR(36),
    updated_at         TIMESTAMP     NOT NULL,
    PRIMARY KEY (tenant_id, sourced_id)
);
CREATE INDEX ix_person_family_name ON person (tenant_id, family_name);
CREATE INDEX ix_person_username ON person (tenant_id, username);

CREATE TABLE roster_relationship (
    tenant_id           VARCHAR(64)  NOT NULL REFERENCES tenant (id),
    user_sourced_id     VARCHAR(255) NOT NULL,
    related_sourced_id  VARCHAR(255) NOT NULL,
    relationship_role   VARCHAR(60),
    PRIMARY KEY (tenant_id, user_sourced_id, related_sourced_id)
);

CREATE TABLE guardian_link (
    tenant_id            VARCHAR(64)  NOT NULL REFERENCES tenant (id),
    student_sourced_id   VARCHAR(255) NOT NULL,
    guardian_sourced_id  VARCHAR(255) NOT NULL,
    guardian_role        VARCHAR(20)  NOT NULL,
    active               BOOLEAN      NOT NULL,
    source               VARCHAR(20)  NOT NULL,
    source_ref           VARCHAR(255) NOT NULL,
    created_at           TIMESTAMP    NOT NULL,
    updated_at           TIMESTAMP    NOT NULL,
    ended_at             TIMESTAMP,
    PRIMARY KEY (tenant_id, student_sourced_id, guardian_sourced_id)
);
CREATE INDEX ix_link_guardian ON guardian_link (tenant_id, guardian_sourced_id);

CREATE TABLE audit_entry (
    id          VARCHAR(36)   PRIMARY KEY,
    tenant_id   VARCHAR(64)   NOT NULL,
    at          TIMESTAMP     NOT NULL,
    actor       VARCHAR(255)  NOT NULL,
    action      VARCHAR(60)   NOT NULL,
    subject     VARCHAR(600)  NOT NULL,
    detail      VARCHAR(2000)
);
CREATE INDEX ix_audit_tenant_at ON audit_entry (tenant_id, at);
