-- Co-signing (附议确认): each co-signer's answer. A deputy's own submission asks every co-signer (PENDING until they
-- confirm or decline, NO_ANSWER when the window closed in silence); a submission the congress office registers from
-- paper records the signatures as given on paper (ON_PAPER), by the clerk who registered it. Co-signers recorded
-- before this step existed were all registered by whoever submitted the proposal: they count as ON_PAPER, recorded
-- by the submitter at the submission.
ALTER TABLE proposal_co_signer ADD COLUMN answer VARCHAR(16) NOT NULL DEFAULT 'ON_PAPER';
ALTER TABLE proposal_co_signer ADD COLUMN answered_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE proposal_co_signer ADD COLUMN recorded_by VARCHAR(64);
UPDATE proposal_co_signer SET
    answered_at = (SELECT p.submitted_at FROM proposal p WHERE p.id = proposal_co_signer.proposal_id),
    recorded_by = (SELECT p.submitted_by FROM proposal p WHERE p.id = proposal_co_signer.proposal_id);

-- The withdrawal (撤回) by the lead deputy before assignment. (The co-signing window is kept by its tasks and timer,
-- as the other short windows are.)
ALTER TABLE proposal ADD COLUMN withdrawn_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE proposal ADD COLUMN withdrawal_reason VARCHAR(2000);

-- The deputy's own account of how the agency communicated with them before replying, beside the agency's.
ALTER TABLE feedback ADD COLUMN deputy_communication VARCHAR(16);
