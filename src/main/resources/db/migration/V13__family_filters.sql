-- The Families panel's link-based filters (students with no parents, parents without email, relatives) answered by
-- joining person and guardian_link over the whole tenant for every page and count: 0.2-1.6 s on a district. Their
-- members are now kept here, one row per person and filter with the person's list keys, by every writer of links
-- and of the person fields the filters read (family/FamilyFilters); a page is one range of the list index
-- (vendor migration V13_1).
--
-- A bulk import rewrites a whole roster: recomputing every member inside it would add a second or more to the import,
-- so it only marks its tenant stale in family_filter_state, and the members are rebuilt once it has committed; a
-- reader that comes first rebuilds them itself. The state row also serialises the tenant's refreshes. Every school
-- that already has people starts stale, so the rules live in FamilyFilters alone.
CREATE TABLE family_filter (
    tenant_id     VARCHAR(64)  NOT NULL,
    sourced_id    VARCHAR(255) NOT NULL,
    filter        VARCHAR(24)  NOT NULL,
    family_key    VARCHAR(255),
    given_key     VARCHAR(255),
    username_key  VARCHAR(255),
    PRIMARY KEY (tenant_id, sourced_id, filter)
);

CREATE TABLE family_filter_state (
    tenant_id  VARCHAR(64) PRIMARY KEY,
    stale      BOOLEAN     NOT NULL
);

INSERT INTO family_filter_state (tenant_id, stale) SELECT DISTINCT tenant_id, TRUE FROM person;
