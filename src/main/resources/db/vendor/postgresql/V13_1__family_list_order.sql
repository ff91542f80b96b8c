-- Families panel lists in order from an index. ORDER BY family_key under the database's collation could not use the
-- varchar_pattern_ops search indexes, so every list sorted the whole tenant (0.2-0.6 s on a district). The lower-case
-- search keys now compare byte by byte (collation "C", the order varchar_pattern_ops already searched in): a plain
-- b-tree then serves both prefix LIKE and the list order, and the family-name index becomes the list index: family,
-- given name, then is_student, so the Students and Adults lists skip the other people inside the index. The sourcedId
-- tie-break is sorted per (family, given) group as the rows come (Incremental Sort; a group is a handful of people).
-- Every column is a key column, so B-tree deduplication still packs equal names: adding sourcedId (unique) or an
-- INCLUDE column would have made this index half as large again, and a 150,000-student import ~1 s slower (measured
-- with psql on the benchmark's 400,000 people; this one costs ~0.4 s more than the pattern index it replaces).
-- person keeps four indexes. Changing a column's collation does not rewrite the table.
DROP INDEX ix_person_family_key;
DROP INDEX ix_person_given_key;
DROP INDEX ix_person_username_key;
ALTER TABLE person ALTER COLUMN family_key TYPE VARCHAR(255) COLLATE "C",
                   ALTER COLUMN given_key TYPE VARCHAR(255) COLLATE "C",
                   ALTER COLUMN username_key TYPE VARCHAR(255) COLLATE "C";
CREATE INDEX ix_person_list ON person (tenant_id, family_key, given_key, is_student);
CREATE INDEX ix_person_given_key ON person (tenant_id, given_key);
CREATE INDEX ix_person_username_key ON person (tenant_id, username_key);

-- A filter's members in the same list order; search by name or username within a filter reads this range only.
ALTER TABLE family_filter ALTER COLUMN family_key TYPE VARCHAR(255) COLLATE "C",
                          ALTER COLUMN given_key TYPE VARCHAR(255) COLLATE "C",
                          ALTER COLUMN username_key TYPE VARCHAR(255) COLLATE "C";
CREATE UNIQUE INDEX ix_family_filter_list ON family_filter (tenant_id, filter, family_key, given_key, sourced_id)
    INCLUDE (username_key);
