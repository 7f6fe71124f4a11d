-- The facts the handling figures count, on the proposal's main row (HandlingFacts): the league table reads one row
-- per proposal. Kept up to date by the record's writes; the records already there get theirs when the application
-- starts (RecordBackfill), because the first assignment's day depends on the configured business time zone.
ALTER TABLE proposal ADD COLUMN first_assigned_on DATE;
ALTER TABLE proposal ADD COLUMN first_reply_date DATE;
ALTER TABLE proposal ADD COLUMN first_reply_deadline DATE;
ALTER TABLE proposal ADD COLUMN last_classification VARCHAR(1);
ALTER TABLE proposal ADD COLUMN last_communication_method VARCHAR(16);
ALTER TABLE proposal ADD COLUMN first_satisfaction VARCHAR(24);
ALTER TABLE proposal ADD COLUMN extensions_requested INTEGER NOT NULL DEFAULT 0;
ALTER TABLE proposal ADD COLUMN extensions_approved INTEGER NOT NULL DEFAULT 0;
ALTER TABLE proposal ADD COLUMN promise_kept BOOLEAN NOT NULL DEFAULT FALSE;

CREATE INDEX ix_proposal_agency_role ON proposal_agency (agency_code, role, proposal_id);
