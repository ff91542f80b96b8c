-- A district's first recompute creates some 170,000 accounts, none of them with a username or an
-- activation code yet. Only accounts that have one are ever looked up by it, so index only those:
-- two index entries fewer per new account.
DROP INDEX ix_account_username;
CREATE INDEX ix_account_username ON parent_account (tenant_id, username) WHERE username IS NOT NULL;
DROP INDEX ix_account_activation;
CREATE INDEX ix_account_activation ON parent_account (tenant_id, activation_hash) WHERE activation_hash IS NOT NULL;
