-- Families admin: blocked adult-child pairs and search keys for people.

CREATE TABLE link_block (
    tenant_id            VARCHAR(64)   NOT NULL REFERENCES tenant (id),
    student_sourced_id   VARCHAR(255)  NOT NULL,
    guardian_sourced_id  VARCHAR(255)  NOT NULL,
    reason               VARCHAR(1000) NOT NULL,
    created_by           VARCHAR(255)  NOT NULL,
    created_at           TIMESTAMP     NOT NULL,
    PRIMARY KEY (tenant_id, student_sourced_id, guardian_sourced_id)
);

-- Lower-case copies for prefix search by name, username or id.
ALTER TABLE person ADD COLUMN family_key VARCHAR(255);
ALTER TABLE person ADD COLUMN given_key VARCHAR(255);
ALTER TABLE person ADD COLUMN username_key VARCHAR(255);
ALTER TABLE person ADD COLUMN is_student BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE person SET family_key = LOWER(family_name), given_key = LOWER(given_name), username_key = LOWER(username),
    is_student = (roles LIKE '%student%');
