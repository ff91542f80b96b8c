CREATE INDEX ix_person_family_key ON person (tenant_id, family_key);
CREATE INDEX ix_person_given_key ON person (tenant_id, given_key);
CREATE INDEX ix_person_username_key ON person (tenant_id, username_key);
