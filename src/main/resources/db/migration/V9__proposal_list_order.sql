-- The proposal list (GET /api/proposals) is newest first: a page is read off this index instead of sorting every
-- proposal the caller may see.
CREATE INDEX ix_proposal_submitted ON proposal (submitted_at DESC, id);

-- A deputy's proposals as co-signer: the list finds them from the deputy's side.
CREATE INDEX ix_proposal_co_signer_deputy ON proposal_co_signer (deputy_id);
