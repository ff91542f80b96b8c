-- Main school admin and the cross-product link (issue 6): handshake state, outbound messages to
-- peers, the replay store for messages received, and the cached copy of a linked peer's feed.

CREATE TABLE school_admin (
    tenant_id         VARCHAR(64)  NOT NULL REFERENCES tenant (id),
    platform_user_id  VARCHAR(255) NOT NULL,
    display_name      VARCHAR(255) NOT NULL,
    email             VARCHAR(320),
    last_launch_at    TIMESTAMP,
    PRIMARY KEY (tenant_id, platform_user_id)
);

CREATE TABLE main_school_admin (
    tenant_id         VARCHAR(64)  PRIMARY KEY REFERENCES tenant (id),
    platform_user_id  VARCHAR(255) NOT NULL,
    since             TIMESTAMP    NOT NULL,
    appointed_by      VARCHAR(255) NOT NULL
);

CREATE TABLE crosslink (
    id                VARCHAR(36)  PRIMARY KEY,
    tenant_id         VARCHAR(64)  NOT NULL REFERENCES tenant (id),
    peer_url          VARCHAR(500) NOT NULL,
    peer_school       VARCHAR(100) NOT NULL,
    peer_school_name  VARCHAR(200),
    state             VARCHAR(20)  NOT NULL,
    requested_by_us   BOOLEAN      NOT NULL,
    handshake_id      VARCHAR(64)  NOT NULL,
    requested_at      TIMESTAMP    NOT NULL,
    requested_by      VARCHAR(255) NOT NULL,
    expires_at        TIMESTAMP    NOT NULL,
    decided_at        TIMESTAMP,
    decided_by        VARCHAR(255),
    ended_at          TIMESTAMP,
    ended_by          VARCHAR(255),
    end_reason        VARCHAR(500),
    last_reminder_at  TIMESTAMP,
    feed_due_at       TIMESTAMP,
    feed_fetched_at   TIMESTAMP,
    feed_error        VARCHAR(500),
    version           BIGINT       NOT NULL,
    CONSTRAINT uq_crosslink_peer UNIQUE (tenant_id, peer_url, peer_school)
);
CREATE INDEX ix_crosslink_state ON crosslink (state, expires_at);

CREATE TABLE crosslink_outbound (
    id               VARCHAR(36)   PRIMARY KEY,
    tenant_id        VARCHAR(64)   NOT NULL,
    link_id          VARCHAR(36)   NOT NULL,
    peer_url         VARCHAR(500)  NOT NULL,
    message_type     VARCHAR(40)   NOT NULL,
    claims_json      VARCHAR(20000) NOT NULL,
    status           VARCHAR(20)   NOT NULL,
    attempts         INT           NOT NULL,
    next_attempt_at  TIMESTAMP     NOT NULL,
    lease_until      TIMESTAMP,
    last_error       VARCHAR(1000),
    created_at       TIMESTAMP     NOT NULL,
    delivered_at     TIMESTAMP
);
CREATE INDEX ix_crosslink_outbound_due ON crosslink_outbound (status, next_attempt_at);
CREATE INDEX ix_crosslink_outbound_link ON crosslink_outbound (tenant_id, link_id);

CREATE TABLE crosslink_seen_message (
    tenant_id    VARCHAR(64)  NOT NULL,
    sender       VARCHAR(500) NOT NULL,
    message_id   VARCHAR(128) NOT NULL,
    received_at  TIMESTAMP    NOT NULL,
    keep_until   TIMESTAMP    NOT NULL,
    PRIMARY KEY (tenant_id, sender, message_id)
);
CREATE INDEX ix_crosslink_seen_expiry ON crosslink_seen_message (keep_until);

CREATE TABLE crosslink_record (
    tenant_id           VARCHAR(64)    NOT NULL,
    link_id             VARCHAR(36)    NOT NULL,
    student_sourced_id  VARCHAR(255)   NOT NULL,
    record_type         VARCHAR(100)   NOT NULL,
    data_json           VARCHAR(20000) NOT NULL,
    fetched_at          TIMESTAMP      NOT NULL,
    PRIMARY KEY (tenant_id, link_id, student_sourced_id, record_type)
);
CREATE INDEX ix_crosslink_record_student ON crosslink_record (tenant_id, student_sourced_id);
