-- Transactional outbox for mail: written with the change that causes it, sent later by a worker.

CREATE TABLE outbox_message (
    id               VARCHAR(36)    PRIMARY KEY,
    tenant_id        VARCHAR(64)    NOT NULL,
    recipient        VARCHAR(320)   NOT NULL,
    subject          VARCHAR(300)   NOT NULL,
    text_body        VARCHAR(20000) NOT NULL,
    category         VARCHAR(60)    NOT NULL,
    reference        VARCHAR(255),
    status           VARCHAR(20)    NOT NULL,
    attempts         INT            NOT NULL,
    next_attempt_at  TIMESTAMP      NOT NULL,
    lease_until      TIMESTAMP,
    last_error       VARCHAR(1000),
    created_at       TIMESTAMP      NOT NULL,
    sent_at          TIMESTAMP
);
CREATE INDEX ix_outbox_due ON outbox_message (status, next_attempt_at);
CREATE INDEX ix_outbox_reference ON outbox_message (tenant_id, reference);
