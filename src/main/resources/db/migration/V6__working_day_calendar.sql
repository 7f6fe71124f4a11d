-- The working-day calendar (节假日安排): each year's official holidays and make-up working days, maintained at run
-- time by the congress office (GET/PUT /api/calendar/{year}). A change is a new version of its year; versions are
-- never changed or deleted, so every change can be read (who, when, what) and reverted. Years the database does not
-- hold yet are imported at start-up from the files of proposals.calendar.files (the bundled 2019-2026).
-- Portable SQL for PostgreSQL and H2 (where YEAR and DAY are keywords).

CREATE TABLE calendar_version (
    cal_year         INTEGER      NOT NULL,
    version          INTEGER      NOT NULL,
    -- IMPORTED (from a file at start-up), CHANGED (entered by a person), REVERTED (to the days of reverted_to; 0 is
    -- the year without data)
    action           VARCHAR(16)  NOT NULL,
    reverted_to      INTEGER,
    source           VARCHAR(500),
    changed_by       VARCHAR(64)  NOT NULL,
    changed_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    holidays         INTEGER      NOT NULL,
    workdays         INTEGER      NOT NULL,
    -- what changed against the version before, for people
    summary          VARCHAR(4000),
    -- how many open deadlines the change moved
    moved_deadlines  INTEGER      NOT NULL DEFAULT 0,
    PRIMARY KEY (cal_year, version)
);

CREATE TABLE calendar_day (
    cal_year  INTEGER      NOT NULL,
    version   INTEGER      NOT NULL,
    cal_day   DATE         NOT NULL,
    kind      VARCHAR(8)   NOT NULL,
    name      VARCHAR(100),
    PRIMARY KEY (cal_year, version, cal_day),
    CONSTRAINT fk_calendar_day_version FOREIGN KEY (cal_year, version) REFERENCES calendar_version (cal_year, version)
);

-- The version in force of each year (a year without a row has no data).
CREATE TABLE calendar_year (
    cal_year         INTEGER  NOT NULL PRIMARY KEY,
    current_version  INTEGER  NOT NULL
);

-- One row, changed by every change of any year: a node compares it with the state it holds before every use of the
-- calendar, so a change made on one node is used by all at once. A new random value each time (never a counter): a
-- value seen in a transaction that rolled back is never used again.
CREATE TABLE calendar_revision (
    id        INTEGER      NOT NULL PRIMARY KEY,
    revision  VARCHAR(36)  NOT NULL
);
INSERT INTO calendar_revision (id, revision) VALUES (1, 'initial');
