-- The tab an account is listed under, derived from state and reasons by the database so no writer can forget it
-- (AccountTab holds the same rule). A revoked account that is still eligible is listed under PROVISION; the Revoked
-- tab reads state. Each tab is then one range of ix_account_list, already in list order.
ALTER TABLE parent_account ADD COLUMN list_tab VARCHAR(16) GENERATED ALWAYS AS (
    CASE WHEN state = 'READY_TO_PROVISION' OR (state = 'REVOKED' AND reasons = '') THEN 'PROVISION'
         WHEN state IN ('INVITED', 'ACTIVE', 'SUSPENDED') THEN 'ACTIVE'
         WHEN state = 'READY_TO_REVOKE' THEN 'REVOKE'
         ELSE state END) STORED;
CREATE INDEX ix_account_list ON parent_account (tenant_id, list_tab, family_key, given_key, person_sourced_id);
