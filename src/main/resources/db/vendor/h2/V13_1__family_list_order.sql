-- As db/vendor/postgresql/V13_1: the family-name index becomes the list index, and a filter's members are listed
-- from their own index. H2 compares strings without locale rules already and has no INCLUDE columns.
DROP INDEX ix_person_family_key;
CREATE INDEX ix_person_list ON person (tenant_id, family_key, given_key, is_student);
CREATE UNIQUE INDEX ix_family_filter_list ON family_filter (tenant_id, filter, family_key, given_key, sourced_id);
