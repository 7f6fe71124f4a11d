-- The proposal list (GET /api/proposals) is newest first: a page is read off this index instead of sorting every
-- proposal the caller may see.
CREATE INDEX ix_proposal_submitted ON proposal (submitted_at DESC, id);
