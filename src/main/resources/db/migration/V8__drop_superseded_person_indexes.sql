-- The lower-case search keys of V3 serve every person search; these two only slowed roster imports.
DROP INDEX ix_person_family_name;
DROP INDEX ix_person_username;
