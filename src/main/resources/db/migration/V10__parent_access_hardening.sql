-- Parent access hardening. Failed sign-ins and activation-code guesses are counted here, not in memory, so every
-- node of a cluster sees the same counts and locks; adults whose new parent-child links are on hold (a safeguarding
-- restriction: existing links stay, imports and manual connects add none); and the state a restriction suspended an
-- account from, so lifting the restriction resumes it.

CREATE TABLE access_attempt (
    tenant_id          VARCHAR(64)  NOT NULL REFERENCES tenant (id),
    subject            VARCHAR(120) NOT NULL,
    failures           INT          NOT NULL,
    window_started_at  TIMESTAMP    NOT NULL,
    lockouts           INT          NOT NULL,
    locked_until       TIMESTAMP,
    PRIMARY KEY (tenant_id, subject)
);

CREATE TABLE new_link_hold (
    tenant_id            VARCHAR(64)   NOT NULL REFERENCES tenant (id),
    guardian_sourced_id  VARCHAR(255)  NOT NULL,
    reason               VARCHAR(1000) NOT NULL,
    held_by              VARCHAR(255)  NOT NULL,
    held_at              TIMESTAMP     NOT NULL,
    PRIMARY KEY (tenant_id, guardian_sourced_id)
);

ALTER TABLE access_restriction ADD COLUMN suspended_state VARCHAR(24);
