-- A district's import writes a few hundred thousand people and links in one COPY each. A foreign key
-- to tenant costs PostgreSQL a lookup per row (about a third of the time to load person, measured); every write to these
-- two tables comes from a service that already holds a resolved tenant, so the check buys nothing.
ALTER TABLE person DROP CONSTRAINT IF EXISTS person_tenant_id_fkey;
ALTER TABLE guardian_link DROP CONSTRAINT IF EXISTS guardian_link_tenant_id_fkey;
