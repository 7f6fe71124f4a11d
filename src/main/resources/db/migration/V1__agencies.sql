-- Agencies (主办单位 / 协办单位). Kept in sync with the configuration (proposals.agencies) at start-up;
-- an agency dropped from the configuration is deactivated, never deleted, because records refer to it.
CREATE TABLE agency (
    code        VARCHAR(32)  NOT NULL PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    active      BOOLEAN      NOT NULL DEFAULT TRUE,
    sort_order  INTEGER      NOT NULL DEFAULT 0
);
