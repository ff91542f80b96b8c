-- Delta imports touch only the people they name and their neighbours. To find the neighbours they
-- need the pairs the link rules turned down last time, and relationships by either end.

CREATE TABLE rejected_listing (
    tenant_id          VARCHAR(64)  NOT NULL,
    lister_sourced_id  VARCHAR(255) NOT NULL,
    listed_sourced_id  VARCHAR(255) NOT NULL,
    reason             VARCHAR(40)  NOT NULL,
    PRIMARY KEY (tenant_id, lister_sourced_id, listed_sourced_id)
);
CREATE INDEX ix_rejected_listing_listed ON rejected_listing (tenant_id, listed_sourced_id);

CREATE INDEX ix_relationship_related ON roster_relationship (tenant_id, related_sourced_id);
