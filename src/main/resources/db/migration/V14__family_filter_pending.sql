-- A delta import refreshed the Families filters of the people it touched inside its own transaction: about 115 ms of
-- a 4,000-user delta, the largest step after its look-ups. It now only records their ids here and marks its tenant
-- pending; the refresh runs once the import has committed, or first thing for a reader who comes before it
-- (family/FamilyFilters). Ids may repeat: the refresh reads them DISTINCT and deletes the tenant's rows.
CREATE TABLE family_filter_pending (
    tenant_id   VARCHAR(64)  NOT NULL,
    sourced_id  VARCHAR(255) NOT NULL
);

CREATE INDEX ix_family_filter_pending ON family_filter_pending (tenant_id);

ALTER TABLE family_filter_state ADD COLUMN pending BOOLEAN DEFAULT FALSE NOT NULL;
