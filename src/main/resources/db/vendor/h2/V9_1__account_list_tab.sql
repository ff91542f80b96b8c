-- As db/vendor/postgresql/V9_1: H2 computes a generated column on write without the STORED keyword.
ALTER TABLE parent_account ADD COLUMN list_tab VARCHAR(16) GENERATED ALWAYS AS (
    CASE WHEN state = 'READY_TO_PROVISION' OR (state = 'REVOKED' AND reasons = '') THEN 'PROVISION'
         WHEN state IN ('INVITED', 'ACTIVE', 'SUSPENDED') THEN 'ACTIVE'
         WHEN state = 'READY_TO_REVOKE' THEN 'REVOKE'
         ELSE state END);
CREATE INDEX ix_account_list ON parent_account (tenant_id, list_tab, family_key, given_key, person_sourced_id);
