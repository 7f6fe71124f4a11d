-- The figures of the handling (办理统计, README "Supervision in numbers") are computed from the record with SQL
-- aggregates. Portable SQL for PostgreSQL and H2.

-- The reply deadline in force when a reply version was delivered (approved extensions included): a reply is on time
-- when its reply date is not after it. The proposal's own reply_due moves on with a rehandling round, so the record
-- keeps, with each delivered letter, the deadline it was measured against.
ALTER TABLE reply ADD COLUMN deadline DATE;

-- Letters delivered before this column existed: the letter of the proposal's current round was measured against the
-- proposal's deadline; a letter of an earlier round against the extension approved before it was signed, or else the
-- deadline the first extension request moved. Any other earlier letter keeps NULL, which counts as on time (the
-- record no longer says what its deadline was).
UPDATE reply SET deadline = (SELECT p.reply_due FROM proposal p WHERE p.id = reply.proposal_id)
WHERE reply_date IS NOT NULL
  AND rehandling_round = (SELECT p.rehandling_round FROM proposal p WHERE p.id = reply.proposal_id);
UPDATE reply SET deadline = COALESCE(
    (SELECT MAX(e.requested_until) FROM extension_request e
     WHERE e.proposal_id = reply.proposal_id AND e.decision = 'APPROVE' AND e.decided_at <= reply.signed_at),
    (SELECT MIN(e.previous_due) FROM extension_request e
     WHERE e.proposal_id = reply.proposal_id AND e.requested_at <= reply.signed_at))
WHERE reply_date IS NOT NULL AND deadline IS NULL;

-- A session's proposals by lead agency; the parts read per proposal.
CREATE INDEX ix_proposal_session ON proposal (session_code, lead_agency);
CREATE INDEX ix_reply_delivered ON reply (proposal_id, rehandling_round, reply_date);
CREATE INDEX ix_extension_proposal ON extension_request (proposal_id);
CREATE INDEX ix_progress_proposal ON progress_report (proposal_id);
