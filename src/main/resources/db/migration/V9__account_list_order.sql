-- The Account Manager lists a tab's accounts by family name, given name and sourcedId. Those keys lived only in
-- person, so every page joined and sorted the whole tab. parent_account now keeps its own copy of the lower-case
-- name keys (the reasons engine writes them with the account and refreshes them when the roster renames someone),
-- and a tab is read in order from one index range; person is joined only for the rows shown.
ALTER TABLE parent_account ADD COLUMN family_key VARCHAR(255) DEFAULT '' NOT NULL;
ALTER TABLE parent_account ADD COLUMN given_key VARCHAR(255) DEFAULT '' NOT NULL;

UPDATE parent_account SET
    family_key = COALESCE((SELECT p.family_key FROM person p
                           WHERE p.tenant_id = parent_account.tenant_id AND p.sourced_id = parent_account.person_sourced_id), ''),
    given_key = COALESCE((SELECT p.given_key FROM person p
                          WHERE p.tenant_id = parent_account.tenant_id AND p.sourced_id = parent_account.person_sourced_id), '');

-- One state in list order (the Revoked, Ready to revoke and Not eligible tabs); also serves every (tenant, state) look-up.
DROP INDEX ix_account_state;
CREATE INDEX ix_account_state_order ON parent_account (tenant_id, state, family_key, given_key, person_sourced_id);
