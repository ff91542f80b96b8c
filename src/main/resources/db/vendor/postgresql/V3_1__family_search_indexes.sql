-- Prefix LIKE uses a b-tree only with pattern operator classes under a non-C collation.
CREATE INDEX ix_person_family_key ON person (tenant_id, family_key varchar_pattern_ops);
CREATE INDEX ix_person_given_key ON person (tenant_id, given_key varchar_pattern_ops);
CREATE INDEX ix_person_username_key ON person (tenant_id, username_key varchar_pattern_ops);
